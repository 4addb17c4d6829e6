import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import OrganisationFactory, municipality
from apps.network.models import Place
from tests.projects.conftest import make_project
from tests.projects.test_project_api import catalogue  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def geojson(client, **params):
    response = client.get("/api/projects.geojson", {"ordering": "title", **params})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/geo+json")
    return response.json()


def listing_ids(client, **params):
    body = client.get("/api/projects/", {"page_size": 100, "ordering": "title", **params}).json()
    return [item["identifier"] for item in body["results"]]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"theme": "culture"},
        {"country": "DK"},
        {"region": "SE-08"},
        {"leader_area": "leader-alh"},
        {"q": "teater"},
        {"status": "completed", "country": "SE"},
        {"amount_min": 12000, "currency": "SEK"},
    ],
)
def test_features_are_the_json_listings_projects(client, catalogue, params):  # noqa: F811
    body = geojson(client, **params)
    assert [feature["id"] for feature in body["features"]] == listing_ids(client, **params)
    assert body["count"] == len(body["features"])
    assert body["type"] == "FeatureCollection" and body["next"] is None


def test_a_project_sits_at_its_places_positions(client, catalogue):  # noqa: F811
    features = {f["id"]: f for f in geojson(client, locale="en")["features"]}
    eksjo = municipality("0686")
    assert features["ALH-2"]["geometry"] == {
        "type": "Point",
        "coordinates": [float(eksjo.longitude), float(eksjo.latitude)],
    }
    area = Place.objects.with_point().get(identifier="leader-alh")
    assert features["ALH-1"]["geometry"]["coordinates"] == pytest.approx(
        [float(area.point_longitude), float(area.point_latitude)]
    ), "a Leader area without a position sits at the mean of its municipalities"
    properties = features["ALH-1"]["properties"]
    assert properties["title"] == "Everything that happens"
    assert properties["status"] == "completed"
    assert properties["url"].startswith("http://testserver/en/")
    assert properties["places"] == ["Astrid Lindgrens Hembygd"]


def test_several_places_make_a_multipoint(client, project_index):
    make_project(project_index, title="Två orter", identifier="TWO-1", places=["SE-0880", "SE-08"])
    (feature,) = geojson(client)["features"]
    assert feature["geometry"]["type"] == "MultiPoint"
    assert len(feature["geometry"]["coordinates"]) == 2


def test_a_project_without_a_located_place_has_no_geometry(client, project_index):
    make_project(project_index, title="Överallt", identifier="ALL-1", places=["NO"])
    (feature,) = geojson(client)["features"]
    assert feature["geometry"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"theme": "nope"}, "theme"),
        ({"municipality": "SE-9999"}, "municipality"),
        ({"year": "soon"}, "year"),
        ({"ordering": "amount"}, "currency"),
        ({"page_size": "5000"}, "page_size"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_filters_are_a_400_like_the_listing(client, catalogue, params, field):  # noqa: F811
    response = client.get("/api/projects.geojson", params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    if field != "page_size":
        assert client.get("/api/projects/", params).status_code == 400


def test_large_results_are_paged_visibly(client, project_index):
    for i in range(3):
        make_project(project_index, title=f"P{i}", places=["SE-0880"])
    first = geojson(client, page_size=2)
    assert (first["count"], len(first["features"])) == (3, 2)
    assert "page=2" in first["next"]
    rest = client.get(first["next"]).json()
    assert len(rest["features"]) == 1 and rest["next"] is None


def test_query_count_stays_flat(client, project_index, leader_alh):
    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            body = geojson(client)
        return body["count"], len(ctx.captured_queries)

    owner = OrganisationFactory()
    for i in range(3):
        make_project(project_index, title=f"P{i}", places=["SE-0884"], owner=owner, publish=False)
    count, few = queries()
    for i in range(3, 30):
        make_project(
            project_index,
            title=f"P{i}",
            places=["SE-0880", "leader-alh", "SE-08"],
            owner=owner,
            publish=False,
        )
    assert count == 3
    assert queries() == (30, few)


def test_a_client_may_ask_for_geojson_by_its_media_type(client, project_index):
    make_project(project_index, title="Ett", identifier="ONE-1", places=["SE-0880"])
    response = client.get("/api/projects.geojson", HTTP_ACCEPT="application/geo+json")
    assert response.status_code == 200
    assert response.json()["count"] == 1
