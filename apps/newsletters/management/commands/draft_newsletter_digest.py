from django.core.management.base import BaseCommand, CommandError

from apps.newsletters.digest import DEFAULT_DAYS, NoArchive, draft_digest
from apps.newsletters.models import NewsletterList


class Command(BaseCommand):
    help = (
        "Draft a list's next issue in the list's language: posts published since its last "
        "issue was sent, upcoming events and open calls, for its editors to review."
    )

    def add_arguments(self, parser):
        parser.add_argument("list", help="slug of the newsletter list")
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help="how far back to look when the list has no sent issue yet",
        )

    def handle(self, *args, list, days, **options):
        if not 1 <= days <= 365:
            raise CommandError("--days must be between 1 and 365.")
        newsletter_list = NewsletterList.objects.originals().filter(slug=list).first()
        if newsletter_list is None:
            raise CommandError(f"No newsletter list {list!r}.")
        try:
            page = draft_digest(newsletter_list, days)
        except NoArchive as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"drafted “{page.title}” under {page.get_parent().url_path} (id {page.pk})"
        )
