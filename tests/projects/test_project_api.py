import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import translate
from apps.network.factories import OrganisationFactory
from apps.projects.factories import FundingProgrammeFactory
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(project_index, themes, leader_alh, en):
    region = OrganisationFactory(slug="region-kalmar", name="Region Kalmar län")
    programme = FundingProgrammeFactory(slug="leader", name="Leader")
    a = make_project(
        project_index,
        title="Allt som sker",
        identifier="ALH-1",
        themes=[themes["events"]],
        places=["leader-alh"],
        amount="15000",
        funding_programme=programme,
    )
    b = make_project(
        project_index,
        title="Teater i Eksjö",
        identifier="ALH-2",
        themes=[themes["culture"], themes["events"]],
        places=["SE-0686"],
        amount="12500",
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 6, 1),
    )
    c = make_project(
        project_index,
        title="Service i Kalmar län",
        identifier="RKL-1",
        places=["SE-08"],
        owner=region,
        amount="900000",
        start=datetime.date(2017, 1, 1),
        end=datetime.date(2019, 12, 31),
    )
    d = make_project(
        project_index,
        title="Kultur i Storstrøm",
        identifier="KRS-1",
        themes=[themes["culture"]],
        places=["DK-390"],
        currency="DKK",
        start=datetime.date(2015, 1, 1),
        end=None,
    )
    translate(a, en, {"Allt som sker": "Everything that happens"})
    return {"a": a, "b": b, "c": c, "d": d, "region": region}


def ids(client, **params):
    response = client.get("/api/projects/", {"page_size": 100, "ordering": "title", **params})
    assert response.status_code == 200, response.content
    return [item["identifier"] for item in response.json()["results"]]


def test_filters(client, catalogue):
    assert ids(client, theme="culture") == ["KRS-1", "ALH-2"]
    assert ids(client, theme=["culture", "events"]) == ["ALH-1", "KRS-1", "ALH-2"]
    assert ids(client, country="DK") == ["KRS-1"]
    assert ids(client, region="SE-08") == ["RKL-1"]
    assert ids(client, municipality="SE-0884") == ["ALH-1"], "covered by the Leader area"
    assert ids(client, leader_area="leader-alh") == ["ALH-1", "ALH-2"], (
        "Eksjö is in the Leader area"
    )
    assert ids(client, organisation="region-kalmar") == ["RKL-1"]
    assert ids(client, programme="leader") == ["ALH-1"]
    assert ids(client, year=2019) == ["KRS-1", "RKL-1", "ALH-2"]
    assert ids(client, active_on="2016-06-01") == ["KRS-1"]
    assert ids(client, amount_min=12000, amount_max=20000, currency="SEK") == ["ALH-1", "ALH-2"]
    assert ids(client, currency="DKK") == ["KRS-1"]
    assert ids(client, status="completed", country="SE") == ["ALH-1", "RKL-1", "ALH-2"]
    assert ids(client, q="teater") == ["ALH-2"]


def test_ordering(client, catalogue):
    assert ids(client, ordering="amount", currency="SEK") == ["RKL-1", "ALH-1", "ALH-2"]
    assert ids(client, ordering="start") == ["KRS-1", "ALH-1", "RKL-1", "ALH-2"]


def test_facets_count_the_current_result_with_labels_in_the_locale(client, catalogue):
    body = client.get("/api/projects/", {"locale": "en", "country": "SE"}).json()
    assert body["count"] == 3
    themes = {f["value"]: (f["label"], f["count"]) for f in body["facets"]["theme"]}
    assert themes == {"events": ("Events", 2), "culture": ("Culture", 1)}
    regions = {f["value"]: (f["label"], f["count"]) for f in body["facets"]["region"]}
    assert regions == {"SE-06": ("Jönköping County", 1), "SE-08": ("Kalmar County", 1)}
    assert {f["value"] for f in body["facets"]["leader_area"]} == {"leader-alh"}
    assert body["facets"]["status"] == [{"value": "completed", "label": "Completed", "count": 3}]


def test_english_listing_marks_swedish_originals(client, catalogue):
    results = {
        r["identifier"]: r for r in client.get("/api/projects/", {"locale": "en"}).json()["results"]
    }
    assert results["ALH-1"]["title"] == "Everything that happens"
    assert results["ALH-1"]["is_fallback"] is False
    assert results["ALH-1"]["translation_origin"] == "human"
    assert results["ALH-2"]["is_fallback"] is True
    assert results["ALH-2"]["locale"] == "sv"
    only_english = client.get("/api/projects/", {"locale": "en", "fallback": "false"}).json()
    assert [r["identifier"] for r in only_english["results"]] == ["ALH-1"]


def test_detail_has_facts_texts_and_translations(client, catalogue):
    body = client.get("/api/projects/ALH-1/", {"locale": "en"}).json()
    assert body["title"] == "Everything that happens"
    assert body["available_languages"] == ["en", "sv"]
    assert {t["locale"] for t in body["translations"]} == {"en", "sv"}
    assert body["html_url"].endswith("/en/projects/allt-som-sker/")
    assert body["amount_granted"] == "15000.00"
    assert body["programme"] == {"value": "leader", "name": "Leader"}
    assert body["themes"] == [{"value": "events", "name": "Events"}]
    assert body["places"] == [{"value": "leader-alh", "name": body["places"][0]["name"]}]
    assert body["funding_call"] is None
    swedish_only = client.get("/api/projects/ALH-2/", {"locale": "en"}).json()
    assert swedish_only["is_fallback"] is True
    assert client.get("/api/projects/NOPE/").status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"theme": "unknown-theme"}, "theme"),
        ({"amount_min": "abc"}, "amount_min"),
        ({"page_size": 1000}, "page_size"),
        ({"locale": "xx"}, "locale"),
        ({"region": "SE-99"}, "region"),
        ({"year": "last"}, "year"),
        ({"ordering": "random"}, "ordering"),
        ({"status": "paused"}, "status"),
        ({"modified_since": "soon"}, "modified_since"),
        ({"modified_since": "9999-12-31"}, "modified_since"),
        ({"modified_since": "2027-03-01\x00"}, "modified_since"),
        ({"active_on": "2027-02-30"}, "active_on"),
        ({"amount_min": 10, "amount_max": 5}, "amount_max"),
    ],
)
def test_bad_parameters_are_400_never_500(client, themes, params, field):
    response = client.get("/api/projects/", params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_modified_since_returns_only_recent_changes(client, catalogue):
    body = client.get("/api/projects/", {"modified_since": "2199-01-01T00:00:00Z"}).json()
    assert body["count"] == 0
    assert client.get("/api/projects/", {"modified_since": "2000-01-01"}).json()["count"] == 4
    assert ids(client, active_on="2016-06-01T10:00:00+02:00") == ["KRS-1"]
    assert (
        client.get("/api/projects/", {"modified_since": "2000-01-01T00:00:00+01:00"}).json()[
            "count"
        ]
        == 4
    )


def test_unpublished_projects_are_not_listed(client, catalogue):
    catalogue["b"].unpublish()
    assert "ALH-2" not in ids(client)
    assert client.get("/api/projects/ALH-2/").status_code == 404


def test_list_and_facet_query_count_is_constant(client, project_index, themes):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/api/projects/", {"page_size": 100})
        return response.json()["count"], len(ctx.captured_queries)

    owner = OrganisationFactory()
    funder = OrganisationFactory()
    for i in range(5):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["culture"]],
            places=["SE-0884", "SE-08"],
            owner=owner,
            funders=[(funder, None)],
            partners=[(owner, "lead")],
            publish=False,
        )
    count, few = queries()
    for i in range(5, 50):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["culture"], themes["events"]],
            places=["SE-0880"],
            owner=owner,
            funders=[(funder, 100), (OrganisationFactory(), 200)],
            partners=[(OrganisationFactory(), "partner"), (funder, "co-financier")],
            publish=False,
        )
    assert queries() == (50, few)
