"""A source that answers badly (too slowly, with an error, with something that is not JSON or
not a Bygd answer, or breaks down halfway through a listing) is reported in its summary and
nothing of that run is applied: no copies, and the cursors stay where they were."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from apps.events.factories import EventIndexPageFactory
from apps.events.models import EventPage
from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.models import HarvestedItem
from apps.harvest.run import run_source
from apps.harvest.tasks import harvest_sources
from apps.network.models import Organisation
from apps.projects.models import ProjectPage
from tests.harvest.stub_source import PROJECT, Stub, answers, listing, occurrence, ok


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ((500, b"oops", 0), None, "answered 500"),
        ((200, b"<html>", 0), None, "did not answer with JSON"),
        (ok({"items": []}), None, "is not a Bygd listing"),
        (ok(listing([{"identifier": "p-1"}])), None, "answered an item without"),
        ((200, b"{}", 2), None, "did not answer"),
        ("page 1 then", (503, b"", 0), "answered 503"),
    ],
)
def test_a_bad_answer_applies_nothing(stub, index, settings, first, second, message):
    settings.BYGD_HARVEST_TIMEOUT = 1
    base = answers(stub, first, second)
    if first == "page 1 then":
        Stub.routes[("/api/projects/", False)] = ok(
            listing([PROJECT], base + "api/projects/?page=2")
        )
    source = HarvestSourceFactory(base_url=base, kinds="projects")

    with translation.override("en"):
        summary = run_source(source)

    assert message in summary["error"]
    source.refresh_from_db()
    assert source.last_ok is False and source.cursors == {}
    assert "Nothing applied" in source.last_summary
    assert not ProjectPage.objects.exists()
    assert not Organisation.objects.exists()
    assert not HarvestedItem.objects.exists()


def test_the_command_fails_for_a_bad_source_and_names_it(stub, index):
    base = answers(stub, (500, b"", 0))
    with pytest.raises(CommandError, match="Nothing applied from"):
        call_command("harvest", base, "--kinds", "projects")
    assert not ProjectPage.objects.exists()


def test_the_command_refuses_unknown_kinds(db):
    with translation.override("en"), pytest.raises(CommandError, match="Name one or more of"):
        call_command("harvest", "http://127.0.0.1:9/", "--kinds", "projects,weather")


def test_a_good_answer_is_applied(stub, index):
    base = answers(stub, ok(listing([PROJECT])))
    source = HarvestSourceFactory(base_url=base, kinds="projects")

    summary = run_source(source)

    assert summary["kinds"] == {"projects": {"created": 1}}
    copy = ProjectPage.objects.get()
    assert copy.owner_organisation.name == "Förening"
    assert copy.provenance.get().url == "http://x/p/"


@pytest.mark.parametrize(
    ("detail", "message"),
    [((500, b"", 0), "answered 500"), (ok({"identifier": "p-1"}), "answered an item without")],
)
def test_a_bad_project_detail_applies_nothing(stub, index, detail, message):
    base = answers(stub, ok(listing([PROJECT])))
    Stub.routes[("/api/projects/p-1/", False)] = detail
    source = HarvestSourceFactory(base_url=base, kinds="projects")

    with translation.override("en"):
        summary = run_source(source)

    assert message in summary["error"]
    assert not ProjectPage.objects.exists()
    assert not HarvestedItem.objects.exists()


def test_a_description_keeps_only_safe_markup(stub, index):
    body = (
        '<h2 onclick="steal()">Om</h2><p>Läs <a href="/mer/" target="_blank">mer</a> '
        '<a href="javascript:steal()">här</a>.<script>steal()</script>'
        '<img src="/bild.jpg" onerror="steal()"><iframe src="http://x/"></iframe></p>'
    )
    base = answers(stub, ok(listing([PROJECT])))
    Stub.routes[("/api/projects/p-1/", False)] = ok({**PROJECT, "body": body, "partners": []})
    source = HarvestSourceFactory(base_url=base, kinds="projects")

    run_source(source)

    [block] = ProjectPage.objects.get().body
    assert block.value.source == '<h2>Om</h2><p>Läs <a href="http://x/mer/">mer</a> <a>här</a>.</p>'


def test_the_periodic_task_runs_the_active_sources_and_reports_each(stub, index):
    base = answers(stub, ok(listing([PROJECT])))
    good = HarvestSourceFactory(base_url=base, kinds="projects")
    paused = HarvestSourceFactory(base_url=base + "paused/", kinds="projects", active=False)
    broken = HarvestSourceFactory(base_url=base + "broken/", kinds="projects")

    result = harvest_sources.enqueue()

    assert {summary["source"] for summary in result.return_value} == {good.name, broken.name}
    for source in (good, paused, broken):
        source.refresh_from_db()
    assert (good.last_ok, paused.last_ok, broken.last_ok) == (True, None, False)
    assert ProjectPage.objects.count() == 1


def test_an_item_this_site_cannot_store_is_skipped_and_named(stub, home):
    EventIndexPageFactory(parent=home).save_revision().publish()
    good, odd = "a" * 8 + "-0000-0000-0000-" + "0" * 12, "b" * 8 + "-0000-0000-0000-" + "0" * 12
    base = answers(stub, ok(listing([])))
    Stub.routes[("/api/events/", False)] = ok(
        listing([occurrence(good, "SE-0884"), occurrence(odd, "XX-0000")])
    )
    source = HarvestSourceFactory(base_url=base, kinds="events")

    summary = run_source(source)

    assert summary["kinds"] == {"events": {"created": 1, "skipped": 1}}
    assert [event.title for event in EventPage.objects.all()] == ["Dans a"]
    assert EventPage.objects.get().start_time.isoformat() == "18:00:00"
    source.refresh_from_db()
    assert f"events {odd}" in source.last_summary
