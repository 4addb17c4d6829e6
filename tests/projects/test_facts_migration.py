"""An existing database keeps its facts: the single funder becomes the first row of the funders
inline (with the amount granted), free-text partner roles become codes, stored revisions follow,
and publishing a page's live revision afterwards keeps the funders in every language."""

import gzip
import json
import os
import shutil

from tests.cms.test_upgrade import OLD_DATABASE, manage

CHECK = """
import json
from django.test import Client
from apps.projects.models import ProjectPage

def facts(identifier):
    pages = ProjectPage.objects.filter(identifier=identifier).order_by("locale__language_code")
    return {
        page.locale.language_code: {
            "funders": [(row.organisation.slug, str(row.amount)) for row in page.funders.all()],
            "roles": [row.role for row in page.partners.all()],
        }
        for page in pages
    }

swedish = ProjectPage.objects.get(identifier="RKL-2017-SERVICE", locale__language_code="sv")
swedish.live_revision.publish()
detail = Client().get("/api/projects/ALH-EV-0007/", {"locale": "en"}).json()
print(json.dumps({
    "event": facts("ALH-EV-0007"),
    "culture": facts("RS-2021-KULTUR"),
    "service": facts("RKL-2017-SERVICE"),
    "api_funders": [(f["value"], f["amount"]) for f in detail["funders"]],
}))
"""


def test_existing_funders_and_roles_are_migrated(tmp_path):
    database = tmp_path / "bygd.sqlite3"
    with gzip.open(OLD_DATABASE) as packed, database.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
    }
    migrated = manage("migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr

    shell = manage("shell", "-c", CHECK, env=env)
    assert shell.returncode == 0, shell.stderr
    seen = json.loads(shell.stdout.strip().splitlines()[-1])
    assert seen["event"]["sv"]["funders"] == seen["event"]["en"]["funders"] == [["alh", "15000.00"]]
    assert seen["culture"]["sv"]["funders"][0][1] == "None"
    assert seen["culture"]["sv"]["roles"] == seen["culture"]["en"]["roles"] == ["funder"]
    assert seen["service"]["sv"]["roles"] == ["co-financier", "partner"]
    assert seen["service"]["en"] == seen["service"]["sv"]
    assert seen["api_funders"] == [["alh", "15000.00"]]
