"""The harvest between two real Bygd sites: a source with its own database and web server, and
this test database as the aggregator. Change, unpublish and delete on the source, harvest, and
the aggregator's API shows what the source's shows; harvest again and nothing changes."""

import json
import os
import urllib.request

import pytest
from django.core.management import call_command
from django.test import Client

from apps.events.factories import EventIndexPageFactory
from apps.events.models import EventPage
from apps.harvest.models import HarvestSource
from apps.harvest.run import run_source
from apps.projects.factories import (
    FundingProgrammeFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ThemeFactory,
)
from apps.projects.models import ProjectPage
from tests.harvest.instance import SITE_NAME, SourceSite, copy_of_test_database
from tests.harvest.source_scripts import CHANGE, FILL, WEEKLY

pytestmark = [pytest.mark.live_source, pytest.mark.real_clock]

#: Projects and events on the source; `BYGD_HARVEST_TEST_COUNT=200 pytest -s` to time larger runs
#: (each harvest prints its summary, with its seconds and requests).
COUNT = int(os.environ.get("BYGD_HARVEST_TEST_COUNT", "6"))


@pytest.fixture(scope="session")
def template(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        return copy_of_test_database(tmp_path_factory.mktemp("harvest") / "template.sqlite3")


@pytest.fixture
def source(template, db, tmp_path):
    site = SourceSite(tmp_path)
    site.create(template)
    site.shell(FILL.replace("COUNT", str(COUNT)))
    site.start()
    yield site
    site.stop()


@pytest.fixture
def aggregator(home):
    index = ProjectIndexPageFactory(parent=home)
    index.save_revision().publish()
    EventIndexPageFactory(parent=home).save_revision().publish()
    # Of the source's themes "natur" and "kultur" only the first is known here.
    ThemeFactory(slug="natur", name="Natur")
    FundingProgrammeFactory(slug="leader", name="Leader")
    # The aggregator's own project, with the slug the first copy would take.
    own = ProjectPageFactory(parent=index, title="Vårt eget projekt", slug="projekt-0")
    own.save_revision().publish()
    return own


def remote(source, path):
    """Every row of a listing of the source, following `next`."""
    rows, url = [], source.url + path
    while url:
        with urllib.request.urlopen(url, timeout=20) as answer:  # noqa: S310
            page = json.loads(answer.read())
        rows, url = rows + page["results"], page["next"]
    return rows


def local(path):
    rows, url = [], path
    while url:
        page = Client().get(url).json()
        rows, url = rows + page["results"], page["next"]
    return rows


def projects_by_origin(rows):
    return {row["source"]["id"]: row for row in rows if row["source"]}


def same_project(copy, original):
    return (
        copy["title"],
        copy["summary"],
        copy["amount_granted"],
        copy["currency"],
        copy["planned_start"],
        copy["owner"]["name"],
    ) == (
        original["title"],
        original["summary"],
        original["amount_granted"],
        original["currency"],
        original["planned_start"],
        original["owner"]["name"],
    )


def same_event(copy, original):
    def facts(row):
        event = row["event"]
        return (
            row["start"],
            row["end"],
            event["title"],
            event["summary"],
            event["organiser"]["name"],
            event["venue"]["name"],
        )

    return facts(copy) == facts(original)


def assert_matches(source, detached=()):
    originals = {row["identifier"]: row for row in remote(source, "api/projects/?page_size=100")}
    copies = projects_by_origin(local("/api/projects/?page_size=100"))
    assert copies.keys() == originals.keys()
    for identifier, original in originals.items():
        assert same_project(copies[identifier], original) != (identifier in detached)
        assert copies[identifier]["source"] == {
            "site": SITE_NAME,
            "url": original["html_url"],
            "id": identifier,
        }
    original_events = {row["id"]: row for row in remote(source, "api/events/?page_size=100")}
    event_copies = {
        row["event"]["source"]["id"]: row for row in local("/api/events/?page_size=100")
    }
    assert event_copies.keys() == original_events.keys()
    for key, original in original_events.items():
        assert same_event(event_copies[key], original) != (key in detached)
    return originals, original_events


def remote_detail(source, identifier):
    with urllib.request.urlopen(f"{source.url}api/projects/{identifier}/", timeout=20) as answer:  # noqa: S310
        return json.loads(answer.read())


def assert_facts_copied(source, originals):
    """Projekt 0's description and facts, and the aggregator's map and statistics with it."""
    remote_id = next(key for key, row in originals.items() if row["title"] == "Projekt 0")
    original = remote_detail(source, remote_id)
    identifier = projects_by_origin(local("/api/projects/?page_size=100"))[remote_id]["identifier"]
    copy = Client().get(f"/api/projects/{identifier}/").json()

    def names(rows, key):
        return [(row["name"], row[key]) for row in rows]

    assert [row["value"] for row in original["themes"]] == ["natur", "kultur"]
    assert [row["value"] for row in copy["themes"]] == ["natur"]
    assert [row["value"] for row in copy["places"]] == ["SE-0884"]
    assert names(copy["partners"], "role") == names(original["partners"], "role") != []
    assert names(copy["funders"], "amount") == names(original["funders"], "amount") != []
    assert copy["programme"]["value"] == "leader"
    assert "<b>projektet</b>" in copy["body"] and "script" not in copy["body"]
    assert f'<a href="{source.url}om/">mer</a>' in copy["body"]

    features = Client().get("/api/projects.geojson").json()["features"]
    assert identifier in [feature["id"] for feature in features]
    stats = Client().get("/api/projects/stats/?theme=natur&municipality=SE-0884").json()
    assert stats["projects"] == 1
    assert stats["totals"][0]["amount"] == "1000.50"
    assert [row["amount"] for row in stats["breakdowns"]["funder"]] == ["600.00"]
    assert [row["value"] for row in stats["breakdowns"]["programme"]] == ["leader"]


def test_harvest_follows_the_source_and_is_idempotent(source, aggregator, capsys, settings):
    settings.BYGD_HARVEST_OVERLAP = 0  # one clock: a run reads exactly what changed since
    call_command("harvest", source.url, "--kinds", "organisations,projects,events")
    first = capsys.readouterr().out
    with capsys.disabled():
        print(f"\nfirst harvest:\n{first}")
    assert f"projects: created {COUNT}" in first
    harvest_source = HarvestSource.objects.get(base_url=source.url)
    assert harvest_source.last_ok and harvest_source.site_name == SITE_NAME
    originals, events = assert_matches(source)
    assert len(originals) == len(events) == COUNT
    assert_facts_copied(source, originals)

    aggregator.refresh_from_db()
    assert (aggregator.title, aggregator.slug) == ("Vårt eget projekt", "projekt-0")
    own = [row for row in local("/api/projects/?page_size=100") if row["source"] is None]
    assert [row["title"] for row in own] == ["Vårt eget projekt"]

    copy = ProjectPage.objects.get(title="Projekt 0")
    assert copy.slug != "projekt-0"
    page = Client().get(copy.url).content.decode()
    assert f'href="{originals[copy.provenance.get().identifier]["html_url"]}"' in page

    # An editor here edits two copies: they are the aggregator's own from now on.
    for model, title in ((ProjectPage, "Projekt 3"), (EventPage, "Evenemang 3")):
        edited = model.objects.get(title=title)
        edited.summary = "Redigerad här."
        edited.save_revision().publish()
    detached = {
        ProjectPage.objects.get(title="Projekt 3").provenance.get().identifier,
        EventPage.objects.get(title="Evenemang 3").provenance.get().identifier,
    }

    source.shell(CHANGE)
    summary = run_source(harvest_source)
    with capsys.disabled():
        print(f"after the changes: {summary}")
    # The site, a listing and its removals per kind (events list their removed dates), the
    # same in English (the other language both sites have), the detail of each of the three
    # changed projects, and a look at each of the two events with nothing but removed dates.
    assert summary["requests"] == 14
    assert "error" not in summary
    projects, events = summary["kinds"]["projects"], summary["kinds"]["events"]
    assert (projects["created"], projects["updated"], projects["removed"]) == (1, 1, 2)
    # Renaming förening 0 lists its other events again, but only its own copy changes.
    assert (events["updated"], events["removed"]) == (1, 2)
    assert projects["detached"] == events["detached"] == 1
    assert summary["kinds"]["organisations"]["updated"] == 1
    assert_matches(source, detached)
    assert ProjectPage.objects.get(title="Projekt 3").summary == "Redigerad här."

    before = (local("/api/projects/?page_size=100"), local("/api/events/?page_size=100"))
    again = run_source(harvest_source)
    # Everything read once more from the start: still nothing to change.
    harvest_source.cursors = {}
    everything = run_source(harvest_source)
    with capsys.disabled():
        print(f"once more: {again}\nall once more: {everything}")
    for summary in (again, everything):
        for counts in summary["kinds"].values():
            assert not {"created", "updated", "removed"} & counts.keys()
    assert everything["kinds"]["projects"]["unchanged"] == COUNT - 2
    assert (local("/api/projects/?page_size=100"), local("/api/events/?page_size=100")) == before


def occurrences(detail):
    return [
        (row["start"], row["end"], row["status"], row["note"], row["original_start"])
        for row in detail["occurrences"]
    ]


def test_a_repeating_event_repeats_the_same_on_the_aggregator(source, aggregator):
    key = source.shell(WEEKLY).split()[-1]
    with urllib.request.urlopen(f"{source.url}api/events/{key}/", timeout=20) as answer:  # noqa: S310
        original = json.loads(answer.read())
    harvest_source = HarvestSource.objects.create(
        name="Grannbygden", base_url=source.url, kinds="organisations,events"
    )

    summary = run_source(harvest_source)

    assert "error" not in summary, summary
    copy = EventPage.objects.get(title="Veckodans")
    detail = Client().get(f"/api/events/{copy.translation_key}/").json()
    assert detail["source"]["id"] == key
    assert len(original["occurrences"]) == 8  # 8 weekly, one left out, one added
    assert occurrences(detail) == occurrences(original)
    assert {row["status"] for row in detail["occurrences"]} == {"scheduled", "cancelled"}
    assert sum(row["moved"] for row in detail["occurrences"]) == 1
    assert detail["schedule"] == original["schedule"]
    again = run_source(harvest_source)
    assert not {"created", "updated"} & again["kinds"]["events"].keys()
