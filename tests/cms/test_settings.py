import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.languages import parse_languages

ROOT = Path(__file__).resolve().parents[2]


def test_default_languages_are_swedish_then_english():
    assert [code for code, _ in parse_languages("sv,en")] == ["sv", "en"]


def test_all_nordic_languages_are_accepted():
    assert len(parse_languages("sv, en, da, nb, nn, fi, is")) == 7


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("sv,xx", "'xx'"), ("", "empty"), ("sv,sv", "more than once"), ("de", "'de'")],
)
def test_bad_languages_fail_with_a_clear_message(raw, fragment):
    with pytest.raises(ImproperlyConfigured, match=fragment):
        parse_languages(raw)


def run_check(**env):
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_site_refuses_to_start_with_an_unknown_language():
    result = run_check(BYGD_LANGUAGES="sv,klingon")
    assert result.returncode != 0
    assert "BYGD_LANGUAGES contains unsupported language code(s) 'klingon'" in result.stderr


def test_site_refuses_to_start_with_an_unknown_time_zone():
    result = run_check(BYGD_TIME_ZONE="Europe/Nowhere")
    assert result.returncode != 0
    assert "BYGD_TIME_ZONE='Europe/Nowhere'" in result.stderr


def test_production_settings_need_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "ALLOWED_HOSTS": "x.org"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_settings_pass_the_deployment_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-for-the-check-" + "y" * 10,
            "ALLOWED_HOSTS": "bygd.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
