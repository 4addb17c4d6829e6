"""Compile .po catalogues to .mo with polib, so a fresh machine needs no GNU gettext tools."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/*.po under the project into .mo files."

    def handle(self, *args, **options):
        compiled = skipped = 0
        roots = [Path(path) for path in settings.LOCALE_PATHS]
        roots += sorted(Path(settings.BASE_DIR, "apps").glob("*/locale"))
        for root in roots:
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    skipped += 1
                    continue
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                self.stdout.write(
                    f"compiled {po_path.relative_to(settings.BASE_DIR)} "
                    f"({catalogue.percent_translated()}% translated)"
                )
        self.stdout.write(f"catalogues: {compiled} compiled, {skipped} up to date")
