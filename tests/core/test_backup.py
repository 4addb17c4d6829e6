"""Backup and restore: an archive of a site with projects, translations, events, subscribers,
images and application attachments, restored into a new empty database (in another process, as
an operator would), serves the same pages, API answers and files; restoring refuses a database
with content and an archive from newer code."""

import datetime
import io
import json
import os
import subprocess
import sys
import tarfile
import textwrap

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail_factories import ImageFactory

from apps.core.localize import translate
from apps.newsletters.factories import SubscriptionFactory
from apps.projects.factories import FundingCallIndexPageFactory, ProjectIndexPageFactory
from apps.projects.models import CallSubmission
from tests.projects.conftest import make_call, make_project

PROJECT_API = "/api/projects/?locale={locale}"

# Runs in the restoring process: restore, then answer each path with the test client.
RESTORED_SITE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("restore", sys.argv[1], verbosity=0)
client = Client()
answers = {}
for path in json.loads(sys.argv[2]):
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers[path] = [response.status_code, body.decode()]
print(json.dumps(answers))
"""


@pytest.fixture
def site(home, home_en, en, calendar, publish, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BYGD_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    image = ImageFactory(title="Bygdegården")
    index = ProjectIndexPageFactory(parent=home, title="Projekt", slug="projekt")
    index.save_revision().publish()
    translate(index, en, {"Projekt": "Projects", "projekt": "projects"})
    project = make_project(index, title="Bygdens berättelser", slug="berattelser", amount="1200")
    project_en = translate(project, en, {"Bygdens berättelser": "Stories of the village"})
    event = publish(
        title="Stickcafé",
        image=image,
        start_date=datetime.date(2027, 3, 2),
        start_time=datetime.time(18, 0),
        frequency="weekly",
        ends="on",
        until=datetime.date(2027, 3, 30),
    )
    SubscriptionFactory(email="prenumerant@example.org")
    call_index = FundingCallIndexPageFactory(parent=home, title="Utlysningar", slug="utlysningar")
    call_index.save_revision().publish()
    call = make_call(call_index, title="Idéslanten", form_fields=[("Budget", "file", False)])
    stored = "calls/abc/budget.pdf"
    (settings.BYGD_PRIVATE_MEDIA_ROOT / "calls/abc").mkdir(parents=True)
    (settings.BYGD_PRIVATE_MEDIA_ROOT / stored).write_bytes(b"%PDF-1.4 budget")
    CallSubmission.objects.create(
        page=call, form_data={"budget": "budget.pdf"}, attachments={"budget": stored}
    )
    rendition = image.get_rendition("fill-100x100")
    return {
        "paths": [
            project.url,
            project_en.url,
            event.url,
            PROJECT_API.format(locale="sv"),
            PROJECT_API.format(locale="en"),
            "/api/events/",
        ],
        "files": [
            f"media/{image.file.name}",
            f"media/{rendition.file.name}",
            f"private/{stored}",
        ],
    }


def _answers(client, paths):
    answers = {}
    for path in paths:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        answers[path] = [response.status_code, body.decode()]
    return answers


def _first_difference(one, other):
    at = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), 0)
    return f"{one[max(0, at - 150) : at + 150]!r} != {other[max(0, at - 150) : at + 150]!r}"


def _settings_module(tmp_path):
    (tmp_path / "restored_settings.py").write_text(
        textwrap.dedent(
            f"""
            from cms.settings.test import *
            MEDIA_ROOT = {str(tmp_path / "restored" / "media")!r}
            BYGD_PRIVATE_MEDIA_ROOT = {str(tmp_path / "restored" / "private")!r}
            """
        )
    )
    return "restored_settings"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    """A new database of each engine; PostgreSQL only when the tests run on it."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    import psycopg

    server, database = url.rsplit("/", 1)
    name = f"{database.split('?')[0]}_restored"
    maintenance = f"{server}/postgres"
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restored_backup_serves_the_same_site_and_files(site, client, tmp_path, empty_database):
    before = _answers(client, site["paths"])
    assert all(status == 200 for status, _body in before.values()), before
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": _settings_module(tmp_path),
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.getcwd()]),
        "DATABASE_URL": empty_database,
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", RESTORED_SITE, str(archive), json.dumps(site["paths"])],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    after = json.loads(result.stdout.splitlines()[-1])
    for path in site["paths"]:
        assert after[path] == before[path], _first_difference(after[path][1], before[path][1])
    restored = tmp_path / "restored"
    for name in site["files"]:
        assert (restored / name).is_file(), name
    assert (restored / site["files"][2]).read_bytes() == b"%PDF-1.4 budget"


def test_the_manifest_names_versions_migrations_and_files(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
        names = opened.getnames()
    assert manifest["versions"]["wagtail"]
    assert "0001_initial" in manifest["migrations"]["wagtailcore"]
    media = sum(1 for path in (tmp_path / "media").rglob("*") if path.is_file())
    assert media >= 1
    assert manifest["files"] == {"media": media, "attachments": 1}
    assert {"data.bygdjson", "permissions.bygdjson"} <= set(names)


def test_restore_refuses_a_database_with_content(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive), verbosity=0)


def test_restore_refuses_an_archive_from_newer_code(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(archive) as old, tarfile.open(newer, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member)
            if member.name == "manifest.json":
                manifest = json.load(data)
                manifest["migrations"]["projects"].append("9999_from_the_future")
                body = json.dumps(manifest).encode()
                member.size = len(body)
                data = io.BytesIO(body)
            new.addfile(member, data)
    with pytest.raises(CommandError, match="projects.9999_from_the_future"):
        call_command("restore", str(newer), force=True, verbosity=0)
