"""Run daily (cron or a scheduled task): never-ending repeats are stored only up to a horizon,
which has to move forward with the calendar. It also repairs drift first — occurrences left by
pages unpublished or deleted without signals, live events without occurrences — so whatever
went wrong, the calendar and the API agree with what is live after one run."""

from django.core.management.base import BaseCommand

from apps.events.occurrences import horizon, repair_drift, sync_open_ended


class Command(BaseCommand):
    help = (
        "Repair occurrences that disagree with the live pages, then generate occurrences of "
        "repeating events up to the horizon (idempotent)."
    )

    def handle(self, *args, **options):
        until = horizon()

        def repaired(key, result):
            self.stdout.write(
                f"  repaired {key}: +{result.created} new, {result.updated} updated, "
                f"{result.removed} removed"
            )

        drift = repair_drift(until=until, progress=repaired)
        if drift.series:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(drift.series)} event(s) had occurrences out of step with the live "
                    "pages and were repaired"
                )
            )
        else:
            self.stdout.write("no drift: occurrences match the live pages")
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
