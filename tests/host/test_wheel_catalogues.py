"""The wheel carries compiled catalogues even when built from a checkout where nobody ran
`manage.py compile_catalogues` (a fresh clone: the .mo files are not in git), so a site installed
from it shows Swedish on /sv/."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.host.test_install_into_wagtail_site import can_build_wheels

pytestmark = pytest.mark.host

ROOT = Path(__file__).resolve().parents[2]


def test_a_wheel_built_without_compiling_first_holds_every_compiled_catalogue(tmp_path):
    if not can_build_wheels():
        pytest.skip("cannot build a wheel without isolation: setuptools < 70.1 and no wheel")
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "MANIFEST.in"):
        shutil.copy2(ROOT / name, source / name)
    for package in ("apps", "cms"):
        shutil.copytree(
            ROOT / package,
            source / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"),
        )
    catalogues = sorted(
        str(path.relative_to(source).with_suffix(".mo"))
        for path in source.glob("*/**/locale/*/LC_MESSAGES/*.po")
    )
    assert catalogues and not list(source.glob("**/*.mo"))
    subprocess.run(  # noqa: S603 - our own interpreter building our own checkout
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), "."],
        cwd=source,
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = (tmp_path / "dist").glob("bygd-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in catalogues if name not in names] == []
