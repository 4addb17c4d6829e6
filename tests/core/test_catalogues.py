"""Every app ships its own catalogue (apps/<app>/locale, cms/locale for the reference site);
each is complete in Swedish, and compile_catalogues compiles every one of them."""

from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(path.parent for path in ROOT.glob("apps/*/apps.py")) + [ROOT / "cms"]
CATALOGUES = sorted(
    path for package in PACKAGES for path in package.glob("locale/*/LC_MESSAGES/django.po")
)


@pytest.mark.parametrize(
    "path", [p for p in CATALOGUES if "/sv/" in str(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_swedish_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy}"


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_every_app_has_its_catalogues(package):
    languages = {path.parts[-3] for path in CATALOGUES if package in path.parents}
    assert {"sv", "en"} <= languages, package


def test_there_is_no_project_wide_catalogue():
    assert not (ROOT / "locale").exists()


def test_compile_catalogues_compiles_every_catalogue(capsys):
    call_command("compile_catalogues")
    for path in CATALOGUES:
        assert path.with_suffix(".mo").exists(), path
