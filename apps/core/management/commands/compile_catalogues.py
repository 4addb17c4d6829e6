"""Compile .po catalogues to .mo with polib, so a fresh machine needs no GNU gettext tools."""

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from apps.core.catalogues import catalogue_roots


def _shown(path):
    try:
        return path.relative_to(settings.BASE_DIR)
    except (AttributeError, ValueError):
        return path


class Command(BaseCommand):
    help = (
        "Compile the locale/*/LC_MESSAGES/*.po catalogues of Bygd's installed apps and of "
        "LOCALE_PATHS into .mo files."
    )
    # The system checks include core.E002 (catalogues not compiled), which this command is the
    # cure for: it must run on a fresh checkout where that check fails.
    requires_system_checks = []

    def handle(self, *args, **options):
        compiled = skipped = 0
        for root in catalogue_roots():
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    skipped += 1
                    continue
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                self.stdout.write(
                    f"compiled {_shown(po_path)} ({catalogue.percent_translated()}% translated)"
                )
        self.stdout.write(f"catalogues: {compiled} compiled, {skipped} up to date")
