"""Run daily (cron or a scheduled task): never-ending repeats are stored only up to a horizon,
which has to move forward with the calendar."""

from django.core.management.base import BaseCommand

from apps.events.occurrences import horizon, sync_open_ended


class Command(BaseCommand):
    help = "Generate occurrences of repeating events up to the horizon (idempotent)."

    def handle(self, *args, **options):
        until = horizon()
        self.stdout.write(f"extending repeating events up to {until:%Y-%m-%d}")

        def progress(number, key, result):
            if result.changed:
                self.stdout.write(
                    f"  {key}: +{result.created} new, {result.updated} updated, "
                    f"{result.removed} removed"
                )
            if number % 500 == 0:
                self.stdout.write(f"  … {number} series checked")

        total = sync_open_ended(until=until, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(total.series)} repeating series checked: {total.created} occurrence(s) "
                f"added, {total.updated} updated, {total.removed} removed"
            )
        )
