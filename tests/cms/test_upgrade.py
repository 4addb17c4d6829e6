"""A site made before newsletters and the organiser portal became apps of their own must migrate
to the new layout with nothing lost. The database under data/ is the demo (plus subscribers, a
suppressed address, a portal event and a trusted organisation) as `make run` built it before the
split; migrating a copy of it is what an operator's `make run` or `manage.py migrate` does."""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OLD_DATABASE = Path(__file__).parent / "data" / "demo-before-app-split.sqlite3.gz"

MOVED = {
    "network_subscription": "newsletters_subscription",
    "network_suppression": "newsletters_suppression",
    "network_newsletterlist": "newsletters_newsletterlist",
    "network_newsletterpage": "newsletters_newsletterpage",
    "network_newsletterarchivepage": "newsletters_newsletterarchivepage",
    "network_consenttext": "newsletters_consenttext",
    "network_sending": "newsletters_sending",
    "events_organiseraccount": "portal_organiseraccount",
    "events_portalevent": "portal_portalevent",
    "events_trustedorganisation": "portal_trustedorganisation",
}

CHECK = """
import json
from django.contrib.auth.models import Group
from django.test import Client
from apps.newsletters.models import NewsletterPage, Subscription
from apps.portal.models import OrganiserAccount, PortalEvent

page = NewsletterPage.objects.live().filter(locale__language_code="sv").first()
client = Client()
account = OrganiserAccount.objects.select_related("user").exclude(organisation=None).first()
moderators = Group.objects.get(name="Calendar moderators")
print(json.dumps({
    "page_status": client.get(page.url).status_code,
    "page_type": type(page.get_latest_revision_as_object()).__name__,
    "lists_api": client.get("/api/newsletter/lists/").json()["count"],
    "subscribers": sorted(Subscription.objects.values_list("email", flat=True)),
    "portal_event_title": PortalEvent.objects.get().page.title,
    "moderators_may_edit_accounts": moderators.permissions.filter(
        codename="change_organiseraccount", content_type__app_label="portal"
    ).exists(),
    "account_organisation": account.organisation.slug,
}))
"""


def manage(*args, env):
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def rows(database, tables, columns=None):
    """Every row of each table, as {column: value}; only ``columns[table]`` where given, so
    columns that later migrations add do not count as a change."""
    result = {}
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        for table in tables:
            found = connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608
            keep = (columns or {}).get(table)
            result[table] = [
                {key: row[key] for key in row.keys() if keep is None or key in keep}  # noqa: SIM118
                for row in found
            ]
    return result


def test_a_demo_database_from_before_the_split_migrates_with_every_row(tmp_path):
    database = tmp_path / "bygd.sqlite3"
    with gzip.open(OLD_DATABASE) as packed, database.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    before = rows(database, MOVED)
    assert before["network_subscription"] and before["events_portalevent"], "fixture lost its rows"

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
    }
    migrated = manage("migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr

    old_columns = {new: set(before[old][0]) for old, new in MOVED.items() if before[old]}
    after = rows(database, MOVED.values(), old_columns)
    for old, new in MOVED.items():
        assert after[new] == before[old], f"{old} -> {new} changed"
    with sqlite3.connect(database) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        labels = connection.execute(
            "SELECT app_label, model FROM django_content_type WHERE model IN "
            "('newsletterpage', 'subscription', 'organiseraccount')"
        ).fetchall()
    assert tables.isdisjoint(MOVED), "the old tables should have been renamed"
    assert sorted(labels) == [
        ("newsletters", "newsletterpage"),
        ("newsletters", "subscription"),
        ("portal", "organiseraccount"),
    ]

    shell = manage("shell", "-c", CHECK, env=env)
    assert shell.returncode == 0, shell.stderr
    seen = json.loads(shell.stdout.strip().splitlines()[-1])
    assert seen["page_status"] == 200
    assert seen["page_type"] == "NewsletterPage"
    assert seen["lists_api"] >= 1
    assert seen["subscribers"] == ["prenumerant0@example.org", "prenumerant1@example.org"]
    assert seen["portal_event_title"]
    assert seen["moderators_may_edit_accounts"] is True
    assert seen["account_organisation"]

    check = manage("makemigrations", "--check", "--dry-run", env=env)
    assert check.returncode == 0, check.stdout
