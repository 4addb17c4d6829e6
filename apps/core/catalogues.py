"""Where Bygd's translation catalogues live: each of its installed apps keeps its own
(apps/<app>/locale, cms/locale for the reference site), plus the site's LOCALE_PATHS. The .mo
files are compiled from the .po files (`manage.py compile_catalogues`) and are not in git, so a
deployment that skips compiling serves English everywhere and 404s on translated URLs."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation import to_locale

# Bygd's own packages; third-party apps ship their catalogues compiled.
PACKAGES = {"apps", "cms"}


def catalogue_roots():
    """The locale directories of Bygd's installed apps, then LOCALE_PATHS."""
    roots = [
        Path(config.path, "locale")
        for config in apps.get_app_configs()
        if config.name.split(".")[0] in PACKAGES
    ]
    roots += [Path(path) for path in settings.LOCALE_PATHS]
    seen = set()
    return [root for root in roots if root.is_dir() and not (root in seen or seen.add(root))]


def uncompiled_catalogues():
    """The .po catalogues of a configured language that have no .mo beside them."""
    locales = {to_locale(code) for code, _name in settings.LANGUAGES}
    return [
        po_path
        for root in catalogue_roots()
        for locale in sorted(locales)
        for po_path in sorted(root.glob(f"{locale}/LC_MESSAGES/*.po"))
        if not po_path.with_suffix(".mo").exists()
    ]
