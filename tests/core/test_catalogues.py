from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("apps/*/locale/*/LC_MESSAGES/django.po")
)


@pytest.mark.parametrize("path", [p for p in CATALOGUES if "/sv/" in str(p)], ids=str)
def test_swedish_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy}"


def test_both_catalogues_exist():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert {"sv", "en"} <= languages
