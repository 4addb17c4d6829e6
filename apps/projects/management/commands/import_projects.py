from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.projects.exports import UnreadableFile, read_records
from apps.projects.importer import ACTIONS, import_records


class Command(BaseCommand):
    help = (
        "Import projects from a CSV or JSON file in the export format (/api/projects.csv). "
        "Dry run unless --commit; idempotent on identifier. One bad row means nothing is "
        "written unless --partial. New and changed projects stay drafts unless --publish. "
        "A blank places, partners or themes cell leaves the project's list as it is; '-' "
        "empties it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--commit", action="store_true", help="write the changes (default: dry run)"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish new and changed projects (default: save them as drafts)",
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="write the good rows even if others have errors (default: all or nothing)",
        )
        parser.add_argument(
            "--language",
            default=None,
            help="language of the report (default: the site's LANGUAGE_CODE)",
        )

    def handle(self, *args, language, **options):
        """The whole report in one language, whatever an earlier caller left active."""
        with translation.override(language or settings.LANGUAGE_CODE):
            self.run(**options)

    def run(self, *, file, commit, publish, partial, **options):
        try:
            records = read_records(file)
        except FileNotFoundError:
            raise CommandError(_("%(file)s: no such file") % {"file": file}) from None
        except (UnreadableFile, UnicodeDecodeError, OSError) as error:
            raise CommandError(
                _("%(file)s: cannot read it as CSV or JSON (%(error)s)")
                % {"file": file, "error": error}
            ) from None

        def progress(result):
            line = _("row %(row)s %(identifier)s: %(action)s") % {
                "row": result.number,
                "identifier": result.identifier or _("(no identifier)"),
                "action": ACTIONS[result.action],
            }
            if result.errors:
                line += " — " + "; ".join(result.errors)
            self.stdout.write(line)

        results, written = import_records(
            records, commit=commit, publish=publish, partial=partial, progress=progress
        )
        counts = Counter(result.action for result in results)
        summary = ", ".join(f"{counts[key]} {ACTIONS[key]}" for key in ACTIONS)
        if written:
            mode = _("written")
        elif commit:
            mode = _("nothing written because of the errors (use --partial to write the rest)")
        else:
            mode = _("dry run, nothing written (use --commit)")
        self.stdout.write(
            self.style.SUCCESS(
                _("%(rows)s rows: %(summary)s — %(mode)s")
                % {"rows": len(results), "summary": summary, "mode": mode}
            )
        )
        if counts["error"]:
            raise CommandError(
                ngettext("%(count)s row had errors", "%(count)s rows had errors", counts["error"])
                % {"count": counts["error"]}
            )
