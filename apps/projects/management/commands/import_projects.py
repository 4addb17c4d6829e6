from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.projects.exports import read_records
from apps.projects.importer import import_records


class Command(BaseCommand):
    help = (
        "Import projects from a CSV or JSON file in the export format (/api/projects.csv). "
        "Dry run unless --commit; idempotent on identifier."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--commit", action="store_true", help="write the changes (default: dry run)"
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish new projects (default: drafts)"
        )

    def handle(self, *args, file, commit, publish, **options):
        if not file.exists():
            raise CommandError(f"{file}: no such file")
        try:
            records = read_records(file)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot read it as CSV or JSON ({error})") from None

        def progress(result):
            line = f"row {result.number} {result.identifier or '(no identifier)'}: {result.action}"
            if result.errors:
                line += " — " + "; ".join(result.errors)
            self.stdout.write(line)

        results = import_records(records, commit=commit, publish=publish, progress=progress)
        counts = Counter(result.action for result in results)
        summary = ", ".join(
            f"{counts[key]} {key}" for key in ("created", "updated", "unchanged", "error")
        )
        mode = "written" if commit else "dry run, nothing written (use --commit)"
        self.stdout.write(self.style.SUCCESS(f"{len(results)} rows: {summary} — {mode}"))
        if counts["error"]:
            raise CommandError(f"{counts['error']} row(s) had errors and were skipped")
