"""A deployment that never compiled the catalogues shows English on /sv/ and 404s on
/sv/arrangor/; `manage.py check` stops it (core.E002), and the README's production steps
compile them before anything else."""

import re
import shutil
from pathlib import Path

from django.core.checks import run_checks
from django.core.management import call_command

from apps.core import catalogues
from apps.core.checks import check_compiled_catalogues

ROOT = Path(__file__).resolve().parents[2]


def _production_steps():
    readme = (ROOT / "README.md").read_text()
    paragraph = readme[readme.index("\nProduction: ") :].split("\n\n", 1)[0]
    return re.findall(r"manage\.py (\w+)", paragraph)


def test_the_readme_production_steps_compile_the_catalogues_first_and_then_check_passes():
    steps = _production_steps()
    assert steps[0] == "compile_catalogues", steps
    assert steps.index("compile_catalogues") < steps.index("migrate")
    call_command(steps[0])
    assert check_compiled_catalogues(None) == []
    assert "core.E002" not in {message.id for message in run_checks()}


def _copy_with_swedish_mo_missing(tmp_path):
    call_command("compile_catalogues")
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "apps" / "portal" / "locale", locale)
    for mo_path in locale.glob("sv/LC_MESSAGES/*.mo"):
        mo_path.unlink()
    assert list(locale.glob("en/LC_MESSAGES/*.mo"))
    return locale


def test_a_configured_language_without_its_compiled_catalogue_is_an_error(
    tmp_path, monkeypatch, settings
):
    locale = _copy_with_swedish_mo_missing(tmp_path)
    monkeypatch.setattr(catalogues, "catalogue_roots", lambda: [locale])
    settings.LANGUAGES = [("sv", "Svenska"), ("en", "English")]
    errors = check_compiled_catalogues(None)
    assert [error.id for error in errors] == ["core.E002"]
    assert "sv/LC_MESSAGES/django.po" in errors[0].msg
    assert "compile_catalogues" in errors[0].hint

    settings.LANGUAGES = [("en", "English")]
    assert check_compiled_catalogues(None) == []
