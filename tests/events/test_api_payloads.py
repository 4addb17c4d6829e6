"""The events API keeps each event's JSON per content version: a second listing of the same
events serialises none of them again, and every public edit shows at once."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import translate
from apps.events.factories import VenueFactory
from apps.network.factories import OrganisationFactory
from tests.clock import TODAY

SOON = TODAY + datetime.timedelta(days=3)
WINDOW = {"start": SOON.isoformat(), "end": (SOON + datetime.timedelta(days=60)).isoformat()}


def events(client, **params):
    response = client.get("/api/events/", {**WINDOW, **params})
    assert response.status_code == 200
    return response.json()["results"]


def queries(client, **params):
    with CaptureQueriesContext(connection) as captured:
        events(client, **params)
    return len(captured)


def test_a_listing_read_again_loads_no_event_page(client, publish):
    for day in range(6):
        publish(start_date=SOON + datetime.timedelta(days=day))
    first = queries(client)
    again = queries(client)
    # The page of occurrences and its count stay; the pages, their links and images go.
    assert again <= first - 4
    assert again <= 4


def test_another_window_reuses_what_one_window_serialised(client, publish):
    page = publish(start_date=SOON, frequency="weekly", ends="after", count=4, title="Veckoträff")
    events(client)
    later = {"start": (SOON + datetime.timedelta(days=14)).isoformat(), "end": WINDOW["end"]}
    with CaptureQueriesContext(connection) as captured:
        shown = client.get("/api/events/", later).json()["results"]
    assert [row["event"]["title"] for row in shown] == ["Veckoträff", "Veckoträff"]
    assert not any("events_eventpage" in query["sql"] for query in captured)
    assert shown[0]["id"] == str(page.translation_key)


def test_an_edit_of_the_page_shows_at_once(client, publish):
    page = publish(start_date=SOON, title="Körkonsert")
    assert events(client)[0]["event"]["title"] == "Körkonsert"
    page.title = "Vårkonsert"
    page.save_revision().publish()
    assert events(client)[0]["event"]["title"] == "Vårkonsert"


def test_an_edit_of_a_snippet_the_event_shows_is_seen_at_once(client, publish):
    venue = VenueFactory(name="Bygdegården")
    organiser = OrganisationFactory(name="Hembygdsföreningen")
    publish(start_date=SOON, venue=venue, organiser=organiser)
    row = events(client)[0]
    assert (row["venue"]["name"], row["event"]["organiser"]["name"]) == (
        "Bygdegården",
        "Hembygdsföreningen",
    )
    venue.name, organiser.name = "Folkets hus", "Byalaget"
    venue.save()
    organiser.save()
    row = events(client)[0]
    assert row["venue"]["name"] == row["event"]["venue"]["name"] == "Folkets hus"
    assert row["event"]["organiser"]["name"] == "Byalaget"


def test_each_language_keeps_its_own_payload(client, publish, en):
    page = publish(start_date=SOON, title="Skördefest")
    assert events(client, locale="en")[0]["event"]["is_fallback"] is True
    translate(page, en, {"Skördefest": "Harvest festival"})
    assert events(client, locale="sv")[0]["event"]["title"] == "Skördefest"
    assert events(client, locale="en")[0]["event"]["title"] == "Harvest festival"
    assert events(client, locale="en")[0]["event"]["is_fallback"] is False


def test_the_links_follow_the_address_asked_for(client, publish):
    publish(start_date=SOON)
    assert events(client)[0]["event"]["url"].startswith("http://testserver/")
    other = client.get("/api/events/", WINDOW, HTTP_HOST="localhost").json()["results"]
    assert other[0]["event"]["url"].startswith("http://localhost/")


def test_the_total_is_counted_once_per_content_version(client, publish):
    for day in range(3):
        publish(start_date=SOON + datetime.timedelta(days=day))
    params = {**WINDOW, "page_size": 1}
    assert client.get("/api/events/", params).json()["count"] == 3
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/events/", {**params, "page": 2}).json()["count"] == 3
    assert not any("COUNT(" in query["sql"] for query in captured)
    publish(start_date=SOON + datetime.timedelta(days=4))
    assert client.get("/api/events/", params).json()["count"] == 4
