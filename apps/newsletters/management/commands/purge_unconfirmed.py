from django.core.management.base import BaseCommand

from apps.newsletters.purge import UNCONFIRMED_DAYS, purge_unconfirmed


class Command(BaseCommand):
    help = f"Delete newsletter signups left unconfirmed for {UNCONFIRMED_DAYS} days."

    def handle(self, *args, **options):
        deleted = purge_unconfirmed()
        self.stdout.write(f"purged {deleted} unconfirmed subscription(s)")
