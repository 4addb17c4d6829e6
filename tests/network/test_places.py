import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import LeaderAreaFactory, municipality
from apps.network.models import Place, PlaceKind

pytestmark = pytest.mark.django_db


def count(kind, country):
    return Place.objects.filter(kind=kind, country=country).count()


def test_official_lists_are_loaded_with_every_new_database():
    assert count(PlaceKind.REGION, "SE") == 21
    assert count(PlaceKind.MUNICIPALITY, "SE") == 290
    assert count(PlaceKind.REGION, "DK") == 5
    assert count(PlaceKind.MUNICIPALITY, "DK") == 98
    assert Place.objects.filter(kind=PlaceKind.COUNTRY).count() >= 249


def test_codes_names_and_hierarchy_are_the_official_ones():
    vimmerby = municipality("0884")
    assert vimmerby.identifier == "SE-0884"
    assert vimmerby.parent.identifier == "SE-08"
    assert vimmerby.parent.label("sv") == "Kalmar län"
    assert vimmerby.parent.label("en") == "Kalmar County"
    assert Place.objects.get(identifier="DK-390").name == "Vordingborg"
    assert Place.objects.get(identifier="DK-390").parent.label("en") == "Region Zealand"
    assert Place.objects.get(identifier="SE").label("sv") == "Sverige"
    assert Place.objects.get(identifier="SE").label("en") == "Sweden"


def test_load_places_is_idempotent():
    out = io.StringIO()
    call_command("load_places", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()


def test_load_places_repairs_a_changed_label():
    Place.objects.filter(identifier="SE-08").update(names={"sv": "Fel"})
    out = io.StringIO()
    call_command("load_places", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    assert Place.objects.get(identifier="SE-08").label("sv") == "Kalmar län"


def test_places_api_filters_and_labels_in_the_requested_locale(client):
    body = client.get(
        "/api/places/", {"kind": "municipality", "country": "SE", "q": "väx", "locale": "en"}
    ).json()
    assert body["count"] == 1
    (vaxjo,) = body["results"]
    region = {"value": "SE-07", "name": "Kronoberg County"}
    assert vaxjo == {
        "identifier": "SE-0780",
        "kind": "municipality",
        "code": "0780",
        "country": "SE",
        "name": "Växjö",
        "parent": region,
        "parents": [region, {"value": "SE", "name": "Sweden"}],
        "covers": [],
        "latitude": pytest.approx(float(Place.objects.get(identifier="SE-0780").latitude)),
        "longitude": pytest.approx(float(Place.objects.get(identifier="SE-0780").longitude)),
    }
    regions = client.get("/api/places/", {"kind": "region", "q": "Kalmar", "locale": "en"}).json()
    assert [r["name"] for r in regions["results"]] == ["Kalmar County"]
    swedish = client.get("/api/places/", {"kind": "region", "q": "Kalmar", "locale": "sv"}).json()
    assert [r["name"] for r in swedish["results"]] == ["Kalmar län"]


def test_leader_area_lists_and_filters_its_municipalities(client):
    area = LeaderAreaFactory(code="alh", name="Astrid Lindgrens Hembygd")
    area.covers.set([municipality(code) for code in ["0682", "0686", "0884"]])
    detail = client.get("/api/places/leader-alh/").json()
    assert sorted(place["value"] for place in detail["covers"]) == ["SE-0682", "SE-0686", "SE-0884"]
    covered = client.get("/api/places/", {"leader_area": "leader-alh", "page_size": 100}).json()
    assert sorted(p["identifier"] for p in covered["results"]) == ["SE-0682", "SE-0686", "SE-0884"]
    # An area without a position of its own is shown at the mean of its municipalities.
    mean = sum(p["latitude"] for p in covered["results"]) / 3
    assert detail["latitude"] == pytest.approx(mean)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "planet"}, "kind"),
        ({"country": "Sverige"}, "country"),
        ({"locale": "de"}, "locale"),
        ({"page_size": 1000}, "page_size"),
    ],
)
def test_bad_place_filters_are_400(client, params, field):
    response = client.get("/api/places/", params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_unknown_place_is_404(client):
    assert client.get("/api/places/SE-9999/").status_code == 404


def test_place_listing_query_count_is_flat(client):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/api/places/", {"kind": "leader_area", "page_size": 100})
        return response.json()["count"], len(ctx.captured_queries)

    LeaderAreaFactory().covers.set([municipality("0884"), municipality("0860")])
    _count, few = queries()
    for _ in range(14):
        LeaderAreaFactory().covers.set([municipality("0884"), municipality("0860")])
    assert queries() == (15, few)
