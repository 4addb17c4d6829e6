from django.core.management.base import BaseCommand, CommandError

from apps.newsletters.digest import draft_digest
from apps.newsletters.models import NewsletterArchivePage


class Command(BaseCommand):
    help = "Draft a newsletter of the last N days' registered content for a list's editors."

    def add_arguments(self, parser):
        parser.add_argument("list", help="slug of the newsletter list")
        parser.add_argument("--days", type=int, default=14)

    def handle(self, *args, list, days, **options):
        if not 1 <= days <= 365:
            raise CommandError("--days must be between 1 and 365.")
        archives = NewsletterArchivePage.objects.filter(newsletter_list__slug=list)
        if not archives.exists():
            raise CommandError(f"No newsletter archive page for the list {list!r}.")
        for archive in archives:
            page = draft_digest(archive, days)
            self.stdout.write(f"drafted “{page.title}” under {archive.url_path} (id {page.pk})")
