"""GET /api/events.geojson: the calendar's occurrences on a map, filtered like /api/events/."""

import pytest

from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.events.models import EventCategoryLink
from apps.network.factories import municipality
from tests.events.test_api import _count, _populate, days

pytestmark = pytest.mark.django_db

WINDOW = {"start": days(0).isoformat(), "end": days(30).isoformat()}


def geojson(client, **params):
    response = client.get("/api/events.geojson", {**WINDOW, **params})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/geo+json")
    return response.json()


def listing(client, **params):
    body = client.get("/api/events/", {**WINDOW, "page_size": 100, **params}).json()
    return [(row["id"], row["occurrence"]) for row in body["results"]]


@pytest.fixture
def events(publish):
    concerts = EventCategoryFactory(slug="konsert", name="Konsert")
    vimmerby = publish(
        title="Vimmerby", start_date=days(3), frequency="weekly", ends="after", count=2
    )
    vimmerby.categories.add(EventCategoryLink(category=concerts))
    vimmerby.save_revision().publish()
    unplaced = VenueFactory(municipality=municipality("0860"), latitude=None, longitude=None)
    hultsfred = publish(
        title="Hultsfred", start_date=days(4), venue=unplaced, is_free=False, price_amount=100
    )
    return {"vimmerby": vimmerby, "hultsfred": hultsfred}


@pytest.mark.parametrize(
    "params",
    [{}, {"category": "konsert"}, {"municipality": "SE-0860"}, {"free": "false"}, {"q": "hult"}],
)
def test_features_are_the_json_listings_occurrences(client, events, params):
    body = geojson(client, **params)
    found = [(f["properties"]["id"], f["properties"]["occurrence"]) for f in body["features"]]
    assert found == listing(client, **params)
    assert body["count"] == len(found) and body["next"] is None


def test_an_occurrence_sits_at_its_venue_or_else_its_municipality(client, events):
    features = {}
    for feature in geojson(client)["features"]:
        features.setdefault(feature["properties"]["title"], feature)
    assert features["Vimmerby"]["geometry"] == {"type": "Point", "coordinates": [15.855, 57.665]}
    hultsfred = municipality("0860")
    assert features["Hultsfred"]["geometry"]["coordinates"] == [
        float(hultsfred.longitude),
        float(hultsfred.latitude),
    ]
    properties = features["Vimmerby"]["properties"]
    assert properties["url"].endswith(f"/sv/kalender/{events['vimmerby'].slug}/")
    assert properties["start"].startswith(days(3).isoformat())
    assert properties["status"] == "scheduled"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "tomorrowish"}, "start"),
        ({"start": "2027-03-10", "end": "2027-03-01"}, "end"),
        ({"category": "no-such-category"}, "category"),
        ({"municipality": "SE-9999"}, "municipality"),
        ({"free": "maybe"}, "free"),
        ({"page_size": "5000"}, "page_size"),
    ],
)
def test_bad_filters_are_a_400(client, calendar, params, field):
    response = client.get("/api/events.geojson", params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_query_count_stays_flat(client, publish, en):
    params = {"start": days(0).isoformat(), "end": days(40).isoformat(), "locale": "en"}
    _populate(publish, 2, 0)
    client.get("/api/events.geojson", params)
    few = _count(client, "/api/events.geojson", params)
    _populate(publish, 12, 5)
    assert _count(client, "/api/events.geojson", params) == few
