"""Print the demo organiser accounts and their password, in development only: on any site with
DEBUG off the command refuses, so a production log never shows a password."""

from django.conf import settings
from django.core.management.base import BaseCommand

from apps.portal.demo import logins


class Command(BaseCommand):
    help = "Show the demo organiser logins for the organiser portal (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("organiser logins are only shown with DEBUG on (dev settings)")
            return
        accounts, password = logins()
        if not accounts:
            self.stdout.write("no demo organiser accounts; run manage.py load_demo")
            return
        self.stdout.write(
            f"organiser portal /sv/arrangor/ — password for every demo organiser: {password}"
        )
        for email, organisation in accounts:
            self.stdout.write(f"  {email}  ({organisation})")
