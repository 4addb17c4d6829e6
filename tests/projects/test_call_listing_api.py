"""Readers find calls: the listing (open first by deadline, filters, countdown in their language),
/api/calls/ with its filters and errors, the deadline feed, and open calls on the home page, the
funder's page, in newsletters and in the 360Giving export."""

import datetime
import json
import re

import icalendar
import pytest
import yaml
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from apps.core.localize import translate
from apps.network.factories import OrganisationFactory
from apps.newsletters.registry import NEWSLETTER_CONTENT
from apps.projects.factories import ThemeFactory
from tests.projects.conftest import make_call, make_project

UTC = datetime.UTC
NOW = datetime.datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
D = datetime.date


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture
def funders(db):
    return {
        "alh": OrganisationFactory(slug="alh", name="Astrid Lindgrens Hembygd"),
        "region": OrganisationFactory(slug="region-kalmar-lan", name="Region Kalmar län"),
    }


@pytest.fixture
def calls(call_index, funders, themes, leader_alh):
    alh, region = funders["alh"], funders["region"]
    return {
        "soon": make_call(
            call_index,
            title="Snart",
            funder=alh,
            opens_date=D(2026, 9, 1),
            closes_date=D(2026, 10, 10),
            themes=[themes["culture"]],
            applicants=["association"],
            places=["leader-alh"],
        ),
        "open": make_call(
            call_index,
            title="Öppen",
            funder=region,
            opens_date=D(2026, 9, 1),
            closes_date=D(2026, 12, 1),
            themes=[themes["events"]],
            applicants=["company", "association"],
            places=["SE-08"],
        ),
        "coming": make_call(
            call_index,
            title="Kommande",
            funder=region,
            opens_date=D(2026, 11, 1),
            closes_date=D(2027, 1, 31),
        ),
        "closed": make_call(
            call_index,
            title="Stängd",
            funder=alh,
            opens_date=D(2026, 6, 1),
            closes_date=D(2026, 9, 1),
        ),
        "rolling": make_call(
            call_index,
            title="Löpande",
            funder=alh,
            intake="rolling",
            opens_date=None,
            closes_date=None,
        ),
        "cutoffs": make_call(
            call_index,
            title="Omgångar",
            funder=region,
            intake="cutoffs",
            opens_date=None,
            closes_date=None,
            time_zone="Europe/Copenhagen",
            currency="DKK",
            deadlines=[(D(2026, 10, 20),), (D(2027, 2, 1), datetime.time(12))],
        ),
    }


ORDER = ["Snart", "Omgångar", "Öppen", "Löpande", "Kommande", "Stängd"]


def titles(client, **params):
    response = client.get("/api/calls/", {"locale": "sv", **params})
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_listing_puts_open_calls_first_by_deadline_with_a_countdown(client, calls, call_index):
    page = client.get("/sv/utlysningar/")
    assert page.status_code == 200
    positions = [page.text.index(f">{title}</a>") for title in ORDER]
    assert positions == sorted(positions)
    assert "9 dagar kvar" in page.text
    assert "Sök när som helst" in page.text
    with translation.override("en"):
        english = client.get("/en/calls/")
    assert english.status_code == 200
    assert "9 days left" in english.text
    assert 'lang="sv"' in english.text  # Swedish originals are marked


def test_listing_filters_and_bad_filters(client, calls, call_index):
    closed = client.get("/sv/utlysningar/", {"status": "closed"})
    assert ">Stängd</a>" in closed.text and ">Öppen</a>" not in closed.text
    by_area = client.get("/sv/utlysningar/", {"area": "SE-0682"})
    assert ">Snart</a>" in by_area.text and ">Öppen</a>" not in by_area.text
    assert client.get("/sv/utlysningar/", {"status": "whenever"}).status_code == 400


def test_the_open_filter_includes_calls_closing_soon(client, calls):
    assert titles(client, status="open") == ["Snart", "Omgångar", "Öppen"]
    page = client.get("/sv/utlysningar/", {"status": "open"})
    assert ">Snart</a>" in page.text and ">Kommande</a>" not in page.text
    feed = client.get("/calls/deadlines.ics", {"status": "open"})
    summaries = [
        str(e["summary"]) for e in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    ]
    assert any("Snart" in summary for summary in summaries)


def test_the_deadlines_subscribe_link_keeps_the_chosen_filters(client, calls):
    page = client.get("/sv/utlysningar/", {"status": "open", "funder": "alh", "page": "1"})
    links = re.findall(r'href="(/calls/deadlines\.ics[^"]*)"', page.text)
    assert links and all(
        link == "/calls/deadlines.ics?status=open&amp;funder=alh&amp;locale=sv" for link in links
    )
    feed = client.get(links[0].replace("&amp;", "&"))
    summaries = [
        str(e["summary"]) for e in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    ]
    assert len(summaries) == 1 and "Snart" in summaries[0]
    unfiltered = client.get("/sv/utlysningar/")
    assert 'href="/calls/deadlines.ics?locale=sv"' in unfiltered.text


def test_api_lists_in_reader_order_with_iso_dates_in_the_calls_zone(client, calls):
    assert titles(client) == ORDER
    body = client.get("/api/calls/", {"status": "open"}).json()
    cutoffs = next(item for item in body["results"] if item["title"] == "Omgångar")
    assert cutoffs["deadlines"] == ["2026-10-20T23:59:00+02:00", "2027-02-01T12:00:00+01:00"]
    assert cutoffs["next_deadline"] == "2026-10-20T23:59:00+02:00"
    assert cutoffs["currency"] == "DKK"
    assert cutoffs["application"]["accepting"] is True


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": ["open", "forthcoming"]}, ["Snart", "Omgångar", "Öppen", "Kommande"]),
        ({"status": "closing_soon"}, ["Snart"]),
        ({"funder": "alh"}, ["Snart", "Löpande", "Stängd"]),
        ({"theme": "events"}, ["Öppen"]),
        ({"eligible_applicant": "company"}, ["Öppen"]),
        ({"area": "SE-0682"}, ["Snart"]),  # Nässjö lies in the Leader area only
        ({"area": "SE-0880"}, ["Öppen"]),  # Kalmar lies in the region only
        ({"area": "SE-0884"}, ["Snart", "Öppen"]),  # Vimmerby lies in both
        ({"closes_before": "2026-10-21"}, ["Snart", "Omgångar", "Stängd"]),
        ({"closes_after": "2026-11-15T00:00:00+01:00"}, ["Öppen", "Kommande"]),
        ({"modified_since": "2030-01-01T00:00:00Z"}, []),
    ],
)
def test_api_filters(client, calls, params, expected):
    assert titles(client, **params) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "whenever"}, "status"),
        ({"funder": "nobody"}, "funder"),
        ({"eligible_applicant": "aliens"}, "eligible_applicant"),
        ({"area": "XX-0000"}, "area"),
        ({"closes_before": "next week"}, "closes_before"),
        ({"closes_before": "9999-12-31"}, "closes_before"),
        ({"closes_after": "2027-03-01T10:00:00+01:00\x00"}, "closes_after"),
        ({"modified_since": "yesterday"}, "modified_since"),
        ({"locale": "de"}, "locale"),
        ({"fallback": "maybe"}, "fallback"),
        ({"page_size": "500"}, "page_size"),
    ],
)
def test_bad_parameters_are_a_json_400(client, calls, params, field):
    response = client.get("/api/calls/", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert field in response.json()["error"]["fields"]


def test_fallback_false_hides_untranslated_calls(client, calls, en):
    translate(calls["open"], en, {"Öppen": "Open call"})
    body = client.get("/api/calls/", {"locale": "en", "fallback": "false"}).json()
    assert [item["title"] for item in body["results"]] == ["Open call"]
    assert body["results"][0]["is_fallback"] is False


def test_detail_lists_funded_projects_and_totals_per_currency(client, calls, project_index):
    call = calls["soon"]
    make_project(
        project_index,
        title="Marknad",
        amount="15000",
        funding_call=call,
        identifier="ALH-EV-1",
        award_date=D(2026, 5, 1),
    )
    make_project(
        project_index, title="Teater", amount="12500", funding_call=call, identifier="ALH-EV-2"
    )
    make_project(
        project_index,
        title="Kurs",
        amount="24000",
        funding_call=call,
        currency="DKK",
        identifier="KRS-1",
    )
    make_project(project_index, title="Annat", amount="99", identifier="X-1")
    response = client.get(f"/api/calls/{call.identifier}/")
    assert response.status_code == 200
    body = response.json()
    assert sorted(p["identifier"] for p in body["funded_projects"]) == [
        "ALH-EV-1",
        "ALH-EV-2",
        "KRS-1",
    ]
    first = next(p for p in body["funded_projects"] if p["identifier"] == "ALH-EV-1")
    assert first["amount_granted"] == "15000.00" and first["award_date"] == "2026-05-01"
    assert set(first["owner"]) == {"value", "name"}
    assert first["api_url"].endswith("/api/projects/ALH-EV-1/")
    project = client.get("/api/projects/ALH-EV-1/").json()
    assert project["funding_call"] == {"value": call.identifier, "name": call.title}
    assert body["total_awarded"] == [
        {"currency": "DKK", "amount": "24000.00"},
        {"currency": "SEK", "amount": "27500.00"},
    ]
    page = client.get(call.url)
    totals = page.text.split("<tfoot>")[1].split("</tfoot>")[0]
    assert "Beviljat hittills" in totals
    assert re.search(r"27\D?500 SEK", totals) and re.search(r"24\D?000 DKK", totals)
    assert client.get("/api/calls/no-such-call/").status_code == 404


def test_schema_documents_calls_with_enums_and_errors(client):
    document = yaml.safe_load(client.get("/api/schema/").content)
    operation = document["paths"]["/api/calls/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    for name in (
        "status",
        "funder",
        "theme",
        "eligible_applicant",
        "area",
        "closes_before",
        "closes_after",
        "modified_since",
        "locale",
        "fallback",
    ):
        assert name in parameters
    assert "closing_soon" in json.dumps(parameters["status"]["schema"])
    assert "400" in operation["responses"]
    assert "/api/calls/{identifier}/" in document["paths"]


def test_deadline_feed_has_one_event_per_deadline_with_stable_uids(client, calls):
    response = client.get("/calls/deadlines.ics", {"locale": "sv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 6  # rolling has none, the cut-off call two
    cutoff_events = [e for e in events if "Omgångar" in str(e["summary"])]
    assert len(cutoff_events) == 2
    assert {e["dtstart"].dt.tzinfo.key for e in cutoff_events} == {"Europe/Copenhagen"}
    assert calendar.walk("VTIMEZONE")
    for event in events:
        assert event["uid"] and event["dtstamp"] and event["dtstart"]
    with translation.override("en"):
        english = client.get("/calls/deadlines.ics", {"locale": "en"})
    assert {
        str(e["uid"]) for e in icalendar.Calendar.from_ical(english.content).walk("VEVENT")
    } == {str(e["uid"]) for e in events}
    assert client.get("/calls/deadlines.ics", {"status": "bogus"}).status_code == 400


def _count(client, url, params=None):
    cache.clear()  # the uncached path: what is kept per content version is counted every time
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_listing_api_and_feed_query_counts_do_not_grow_with_calls(
    client, call_index, themes, leader_alh
):
    funder = OrganisationFactory()

    def add(n, start):
        for i in range(start, start + n):
            make_call(
                call_index,
                title=f"Utlysning {i}",
                funder=funder,
                intake="cutoffs" if i % 2 else "period",
                closes_date=None if i % 2 else D(2026, 12, 1),
                deadlines=[(D(2026, 11, 1),), (D(2027, 1, 1),)] if i % 2 else [],
                themes=[themes["culture"], ThemeFactory()],
                places=["leader-alh", "SE-08"],
                applicants=["association", "company"],
                publish=False,
            )

    add(2, 0)
    client.get("/sv/utlysningar/")  # warm the per-process caches (site root paths, locales)
    client.get("/en/calls/")
    urls = [
        ("/sv/utlysningar/", None),
        ("/en/calls/", None),
        ("/api/calls/", {"locale": "sv"}),
        ("/calls/deadlines.ics", {"locale": "sv"}),
    ]
    few = [_count(client, url, params) for url, params in urls]
    add(8, 2)
    assert [_count(client, url, params) for url, params in urls] == few


def test_open_calls_on_home_funder_page_and_in_newsletters(
    client, calls, network_index, sv, funders
):
    home = client.get("/sv/")
    assert "Öppna utlysningar" in home.text
    assert ">Snart</a>" in home.text and ">Stängd</a>" not in home.text
    organisation = client.get("/sv/natverk/organisationer/alh/")
    assert organisation.status_code == 200
    assert "Utlysningar från den här finansiären" in organisation.text
    assert ">Löpande</a>" in organisation.text and ">Öppen</a>" not in organisation.text
    items = NEWSLETTER_CONTENT["open-calls"].items(sv, "", 10, None)
    assert [item["title"] for item in items] == ["Snart", "Omgångar", "Öppen", "Löpande"]
    assert items[0]["url"].startswith("http://testserver/sv/utlysningar/")
    assert [i["title"] for i in NEWSLETTER_CONTENT["open-calls"].items(sv, "alh", 10, None)] == [
        "Snart",
        "Löpande",
    ]


def test_360giving_marks_grants_from_open_calls(client, calls, project_index):
    awarded = D(2026, 11, 1)
    make_project(
        project_index,
        title="Marknad",
        amount="15000",
        funding_call=calls["soon"],
        identifier="ALH-EV-1",
        award_date=awarded,
    )
    make_project(
        project_index,
        title="Annat",
        amount="500",
        identifier="X-1",
        award_date=awarded,
        funders=[(calls["soon"].funder, None)],
    )
    grants = {
        g["id"]: g for g in json.loads(client.get("/api/projects/360giving.json").content)["grants"]
    }
    funded = grants["360G-bygd-ALH-EV-1"]
    assert funded["fromOpenCall"] == "Yes"
    assert funded["fundingOrganization"][0]["name"] == calls["soon"].funder.name
    # a call without a programme stands in for it, but its application period is not the
    # programme's dates
    assert funded["grantProgramme"] == [
        {"code": "snart", "title": "Snart", "url": "http://testserver" + calls["soon"].url}
    ]
    assert "fromOpenCall" not in grants["360G-bygd-X-1"]
