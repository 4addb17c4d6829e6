"""Build the bilingual demo site. Safe to run again: only what is missing is created.

Not wrapped in one transaction: Wagtail defers some publishing work to on_commit with the objects
as they were, which would overwrite tree counters of pages created later in the same run."""

from django.core.management.base import BaseCommand

from apps.events import demo as events_demo
from apps.network import demo as network_demo
from apps.newsletters import demo as newsletters_demo
from apps.portal import demo as portal_demo
from apps.projects import demo as projects_demo
from apps.projects.calls import demo as calls_demo
from apps.projects.news import demo as news_demo
from cms import demo as site_demo

APP_DEMOS = [
    ("network", network_demo.load),
    ("newsletters", newsletters_demo.load),
    ("projects", projects_demo.load),
    ("news", news_demo.load),
    ("calls", calls_demo.load),
    ("events", events_demo.load),
    ("portal", portal_demo.load),
]


class Command(BaseCommand):
    help = "Create the bilingual demo content (idempotent)."

    def handle(self, *args, **options):
        messages = []

        def log(message):
            messages.append(message)
            self.stdout.write(message)

        self.stdout.write("site:")
        home = site_demo.load(log)
        for name, loader in APP_DEMOS:
            self.stdout.write(f"{name}:")
            loader(home, log)
        created = sum(1 for message in messages if message.strip())
        self.stdout.write(
            self.style.SUCCESS(
                f"demo content ready: {created} change(s)"
                if created
                else "demo content already up to date"
            )
        )
