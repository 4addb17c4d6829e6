"""manage.py harvest [URL] [--kinds projects,events,calls,news,organisations]: one source by its address
(made a harvest source if it is not one yet), or every active source (what cron runs)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.harvest.models import HarvestSource
from apps.harvest.run import describe, run_active, run_source


class Command(BaseCommand):
    help = (
        "Copies projects, events, calls, news and organisations from other Bygd sites' public APIs."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="The other site's address; all active if none")
        parser.add_argument("--kinds", help="What to copy from it, e.g. projects,events")

    def handle(self, url=None, kinds=None, **options):
        if url is None:
            if kinds:
                raise CommandError("--kinds needs a URL.")
            summaries = run_active(self.progress)
        else:
            summaries = [run_source(self.source(url, kinds), self.progress)]
        for summary in summaries:
            self.stdout.write(f"{summary['source']}\n{describe(summary)}")
        failed = [summary["source"] for summary in summaries if "error" in summary]
        if failed:
            raise CommandError(f"Nothing applied from: {', '.join(failed)}")

    def source(self, url, kinds):
        source = HarvestSource.objects.filter(base_url=url).first() or HarvestSource(
            name=url, base_url=url
        )
        if kinds:
            source.kinds = kinds
        try:
            source.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        source.save()
        return source

    def progress(self, kind, counts):
        done = ", ".join(f"{name} {number}" for name, number in sorted(counts.items()))
        self.stdout.write(f"  {kind}: {done or '-'}")
