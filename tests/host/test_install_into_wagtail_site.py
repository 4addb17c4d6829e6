"""Bygd's apps installed into someone else's Wagtail site, as the README's "Installing Bygd's apps
into your Wagtail site" says: build the wheel, install it into a fresh environment that sees
Bygd's dependencies but not this checkout, `wagtail start mysite`, add the README's settings and
URLs (read from the README itself), migrate, make a calendar and a project database under the
host's own home page, and read them back as HTML, JSON and iCalendar; then the same site without
apps.events (core + newsletters + network + projects) checks, has no missing migrations and
serves the project API but no calendar.

Skipped only when no wheel can be built here (setuptools too old to build one without
isolation); any later failure is a failure."""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.host

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 600

# Runs in the host site (`manage.py shell -c`); prints one JSON line with what it found.
POPULATE = """
import datetime
import json

from django.test import Client
from home.models import HomePage

from apps.events.models import EventIndexPage, EventPage
from apps.network.models import Organisation
from apps.projects.models import ProjectIndexPage, ProjectPage

home = HomePage.objects.get(depth=2)
organisation = Organisation.objects.create(
    name="Bygdeföreningen", slug="bygdeforeningen", kind="association", country="SE",
    locale=home.locale,
)
projects = home.add_child(instance=ProjectIndexPage(title="Projekt", slug="projekt"))
projects.save_revision().publish()
project = projects.add_child(instance=ProjectPage(
    title="Värdshusprojektet", slug="vardshus", summary="Ett projekt.",
    planned_start=datetime.date(2025, 1, 1), planned_end=datetime.date(2027, 12, 31),
    owner_organisation=organisation, currency="SEK",
))
project.save_revision().publish()
calendar = home.add_child(instance=EventIndexPage(title="Kalender", slug="kalender"))
calendar.save_revision().publish()
event = calendar.add_child(instance=EventPage(
    title="Midsommardans på logen", slug="midsommardans", summary="Dans.",
    organiser=organisation,
    start_date=datetime.date.today() + datetime.timedelta(days=7),
    start_time=datetime.time(18, 0), end_time=datetime.time(20, 0),
    time_zone="Europe/Stockholm", attendance_mode="online",
    online_url="https://example.org/dans",
))
event.save_revision().publish()

client = Client()
answers = {"language": home.locale.language_code}
for name, url in (
    ("calendar", calendar.specific.url),
    ("projects", "/api/projects/"),
    ("events", "/api/events/"),
    ("ics", "/calendar.ics"),
    ("schema", "/api/schema/?format=json"),
    ("unknown", "/api/nothing-here/"),
    ("unknown_event", "/api/events/00000000-0000-0000-0000-000000000000/"),
    ("unprefixed_page", "/kalender/"),
):
    response = client.get(url, HTTP_HOST="localhost")
    answers[name] = {"url": url, "status": response.status_code, "body": response.content.decode()}
print("ANSWERS " + json.dumps(answers))
"""


def readme_block(name):
    """The code block after `<!-- host-site: name -->` in the README, dedented."""
    readme = (ROOT / "README.md").read_text()
    match = re.search(
        rf"<!-- host-site: {name} -->\s*\n( *)```\w*\n(.*?)\n\1```", readme, flags=re.DOTALL
    )
    assert match, f"README has no host-site {name} block"
    return textwrap.dedent(match.group(2)) + "\n"


def run(args, cwd, env=None, timeout=TIMEOUT):
    result = subprocess.run(  # noqa: S603 (our own interpreters and arguments)
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
        f"{result.stdout[-4000:]}\n{result.stderr[-6000:]}"
    )
    return result


def can_build_wheels():
    """setuptools builds wheels itself from 70.1; before that it needs the `wheel` package."""
    try:
        import setuptools
    except ImportError:
        return False
    version = tuple(int(part) for part in re.findall(r"\d+", setuptools.__version__)[:2])
    return version >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture
def host_site(tmp_path):
    if not can_build_wheels():
        pytest.skip("cannot build a wheel without isolation: setuptools < 70.1 and no wheel")
    tmp = tmp_path

    # The wheel, from a copy of what it is built from, so no build/ is left in the checkout.
    run([sys.executable, "manage.py", "compile_catalogues"], cwd=ROOT)
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "MANIFEST.in"):
        shutil.copy2(ROOT / name, source / name)
    for package in ("apps", "cms"):
        shutil.copytree(
            ROOT / package,
            source / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
    dist = tmp / "dist"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            dist,
            ".",
        ],
        cwd=source,
    )
    (wheel,) = dist.glob("bygd-*.whl")

    # A new environment: Bygd's dependencies through a .pth line naming this environment's
    # site-packages (a directory added that way does not run its own .pth files, so the editable
    # install of this checkout stays out), and the wheel installed into it.
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / "bin" / "python"
    site_packages = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp
        ).stdout.strip()
    )
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "_bygd_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--quiet",
            "--no-deps",
            wheel,
        ],
        cwd=tmp,
    )

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    }
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    where = run(
        [python, "-c", "import apps, wagtail; print(apps.__path__[0]); print(wagtail.__file__)"],
        cwd=tmp,
        env=env,
    ).stdout.split()
    assert Path(where[0]).is_relative_to(site_packages), where
    assert not Path(where[0]).is_relative_to(ROOT), where

    run(
        [python, "-c", "from wagtail.bin.wagtail import main; main()", "start", "mysite"],
        cwd=tmp,
        env=env,
    )
    project = tmp / "mysite"
    settings = project / "mysite" / "settings" / "base.py"
    settings.write_text(settings.read_text() + "\n\n# Bygd\n" + readme_block("settings"))
    (project / "mysite" / "urls.py").write_text(readme_block("urls"))
    return {"python": python, "project": project, "env": env, "site_packages": site_packages}


def manage(host, *args, settings="mysite.settings.dev"):
    env = {**host["env"], "DJANGO_SETTINGS_MODULE": settings}
    return run([host["python"], "manage.py", *args], cwd=host["project"], env=env)


# Runs in the host site without apps.events; prints one JSON line of status codes.
WITHOUT_EVENTS = """
import json
from django.test import Client
client = Client()
print("ANSWERS " + json.dumps({
    url: client.get(url, HTTP_HOST="localhost").status_code
    for url in ("/api/projects/", "/api/events/", "/calendar.ics", "/api/schema/")
}))
"""


def check_a_site_without_the_calendar(host_site):
    """core + newsletters + network + projects: the same site with events left out of the
    README's settings and URLs."""
    project = host_site["project"]
    urls = readme_block("urls").replace('    path("", include("apps.events.urls")),\n', "")
    (project / "mysite" / "urls_without_events.py").write_text(urls)
    (project / "mysite" / "settings" / "without_events.py").write_text(
        "from .dev import *  # noqa\n\n"
        'INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "apps.events"]\n'
        'ROOT_URLCONF = "mysite.urls_without_events"\n'
    )
    settings = "mysite.settings.without_events"
    manage(host_site, "check", settings=settings)
    manage(host_site, "makemigrations", "--check", "--dry-run", settings=settings)
    output = manage(host_site, "shell", "-c", WITHOUT_EVENTS, settings=settings).stdout
    answers = json.loads(output.split("ANSWERS ", 1)[1].splitlines()[0])
    assert answers == {
        "/api/projects/": 200,
        "/api/events/": 404,
        "/calendar.ics": 404,
        "/api/schema/": 200,
    }


def check_the_wheel_holds_the_apps_with_their_files(host_site):
    installed = host_site["site_packages"]
    for app in ("core", "newsletters", "network", "projects", "events", "portal"):
        assert (installed / "apps" / app / "locale" / "sv" / "LC_MESSAGES" / "django.mo").exists()
        assert (installed / "apps" / app / "locale" / "sv" / "LC_MESSAGES" / "django.po").exists()
        assert (installed / "apps" / app / "templates").is_dir(), app
    assert (installed / "apps" / "core" / "static" / "bygd" / "bygd.css").exists()
    assert sorted(p.name for p in (installed / "apps/network/data/places").glob("*.csv"))
    assert not (installed / "tests").exists() and not (installed / "bench").exists()


# One test, so that pytest-xdist never builds the host site twice.
def test_the_host_site_migrates_and_serves_bygds_pages_api_and_feeds(host_site):
    check_the_wheel_holds_the_apps_with_their_files(host_site)
    manage(host_site, "check")
    manage(host_site, "migrate", "--noinput")
    manage(host_site, "makemigrations", "--check", "--dry-run")
    output = manage(host_site, "shell", "-c", POPULATE).stdout
    answers = json.loads(output.split("ANSWERS ", 1)[1].splitlines()[0])
    assert answers["language"] == "sv"

    calendar = answers["calendar"]
    assert calendar["url"].startswith("/sv/"), calendar["url"]
    assert calendar["status"] == 200, calendar["body"][:2000]
    assert "Midsommardans på logen" in calendar["body"]

    assert answers["projects"]["status"] == 200, answers["projects"]["body"][:2000]
    projects = json.loads(answers["projects"]["body"])
    assert [item["title"] for item in projects["results"]] == ["Värdshusprojektet"]

    assert answers["events"]["status"] == 200, answers["events"]["body"][:2000]
    events = json.loads(answers["events"]["body"])
    assert [item["event"]["title"] for item in events["results"]] == ["Midsommardans på logen"]

    ics = answers["ics"]
    assert ics["status"] == 200, ics["body"][:2000]
    assert ics["body"].startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Midsommardans på logen" in ics["body"]

    assert answers["schema"]["status"] == 200, answers["schema"]["body"][:2000]
    paths = set(json.loads(answers["schema"]["body"])["paths"])
    assert {"/api/projects/", "/api/events/", "/api/organisations/", "/api/site/"} <= paths
    assert not any(path.startswith(("/api/v2/", "/api/schema/", "/api/docs/")) for path in paths)

    for name in ("unknown", "unknown_event"):
        assert answers[name]["status"] == 404, answers[name]
        assert json.loads(answers[name]["body"])["error"]["code"] == "not_found"
    assert answers["unprefixed_page"]["status"] == 302

    check_a_site_without_the_calendar(host_site)
