"""Multi-select facets of /api/projects/: OR within a facet, AND across facets, each facet
counted with every filter but its own, amounts only compared within one currency."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import OrganisationFactory
from apps.projects.factories import FundingProgrammeFactory, ProjectPartnerFactory
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(project_index, themes, leader_alh):
    hembygd = OrganisationFactory(slug="hembygd", name="Hembygdsföreningen")
    region = OrganisationFactory(slug="region-kalmar", name="Region Kalmar län")
    leader = FundingProgrammeFactory(slug="leader", name="Leader")
    make_project(
        project_index,
        title="Allt som sker",
        identifier="A",
        themes=[themes["events"]],
        places=["leader-alh"],
        amount="15000",
        owner=hembygd,
        funders=[(region, None)],
        funding_programme=leader,
        publish=False,
    )
    b = make_project(
        project_index,
        title="Teater i Eksjö",
        identifier="B",
        themes=[themes["culture"], themes["events"]],
        places=["SE-0686"],
        amount="12500",
        start=datetime.date(2019, 1, 1),
        end=datetime.date(2019, 6, 1),
        publish=False,
    )
    ProjectPartnerFactory(page=b, organisation=hembygd)
    make_project(
        project_index,
        title="Service i Kalmar län",
        identifier="C",
        places=["SE-08"],
        owner=region,
        amount="900000",
        publish=False,
    )
    make_project(
        project_index,
        title="Kultur i Storstrøm",
        identifier="D",
        themes=[themes["culture"]],
        places=["DK-390"],
        amount="50000",
        currency="DKK",
        publish=False,
    )
    make_project(
        project_index,
        title="Musik i Kalmar",
        identifier="E",
        themes=[themes["culture"]],
        places=["SE-0880"],
        amount="20000",
        owner=region,
        funding_programme=leader,
        publish=False,
    )


def get(client, params):
    return client.get("/api/projects/", {"page_size": 100, "ordering": "title", **params})


def listing(client, params):
    response = get(client, params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(client, params):
    return sorted(item["identifier"] for item in listing(client, params)["results"])


def counts(body, facet):
    return {item["value"]: item["count"] for item in body["facets"][facet]}


def test_values_of_one_facet_are_or_ed(client, catalogue):
    assert ids(client, {"theme": ["culture", "events"]}) == ["A", "B", "D", "E"]
    assert ids(client, {"country": ["SE", "DK"]}) == ["A", "B", "C", "D", "E"]
    assert ids(client, {"organisation": ["hembygd", "region-kalmar"]}) == ["A", "B", "C", "E"]


def test_a_facet_keeps_its_other_options_with_the_counts_they_would_add(client, catalogue):
    body = listing(client, {"theme": "culture"})
    assert body["count"] == 3
    assert counts(body, "theme") == {"culture": 3, "events": 2}, "own filter left out"
    assert counts(body, "country") == {"SE": 2, "DK": 1}, "other facets are narrowed"


def test_counts_across_facets_are_intersections(client, catalogue):
    body = listing(client, {"theme": "culture", "country": "SE"})
    assert sorted(item["identifier"] for item in body["results"]) == ["B", "E"]
    assert counts(body, "theme") == {"culture": 2, "events": 2}
    assert counts(body, "country") == {"SE": 2, "DK": 1}
    assert counts(body, "region") == {"SE-06": 1, "SE-08": 1}
    assert counts(body, "currency") == {"SEK": 2}


def test_organisation_facet_counts_owners_funders_and_partners_once_each(client, catalogue):
    body = listing(client, {})
    assert counts(body, "organisation")["hembygd"] == 2, "owner of A, partner of B"
    assert counts(body, "organisation")["region-kalmar"] == 3, "funder of A, owner of C and E"
    assert counts(body, "funder") == {"region-kalmar": 1}
    labels = {item["value"]: item["label"] for item in body["facets"]["organisation"]}
    assert labels["hembygd"] == "Hembygdsföreningen"


@pytest.mark.parametrize(
    "params",
    [{}, {"theme": "culture"}, {"country": "SE", "theme": ["culture", "events"]}],
)
def test_every_facet_count_is_what_choosing_that_value_alone_gives(client, catalogue, params):
    """Choosing a value in a facet with nothing else chosen in it gives exactly its count."""
    body = listing(client, params)
    for facet, items in body["facets"].items():
        others = {key: value for key, value in params.items() if key != facet}
        for item in items:
            chosen = listing(client, {**others, facet: item["value"]})
            assert chosen["count"] == item["count"], (facet, item)


def test_zero_results_keep_the_facets_and_the_chosen_values(client, catalogue):
    body = listing(client, {"theme": "culture", "country": "DK", "organisation": "hembygd"})
    assert body["count"] == 0
    assert counts(body, "theme") == {"culture": 0}, "a chosen value stays, to be unchosen"
    assert counts(body, "organisation")["hembygd"] == 0
    assert counts(body, "country") == {"SE": 1, "DK": 0}


def test_amount_ordering_and_range_need_a_currency(client, catalogue):
    for params in ({"ordering": "amount"}, {"amount_min": 1}, {"amount_max": 100000}):
        response = client.get("/api/projects/", params)
        assert response.status_code == 400, params
        error = response.json()["error"]
        assert error["fields"]["currency"], "says which parameter is missing, with a message"
    by_amount = listing(client, {"ordering": "amount", "currency": "SEK"})["results"]
    assert [item["identifier"] for item in by_amount] == ["C", "E", "A", "B"]
    in_range = {"amount_min": 12000, "amount_max": 60000}
    assert ids(client, {**in_range, "currency": "SEK"}) == ["A", "B", "E"]
    assert ids(client, {**in_range, "currency": "DKK"}) == ["D"]


def test_the_schema_says_amounts_need_a_currency(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/projects/"]["get"]["parameters"]
    }
    assert "ordering=amount" in parameters["currency"]["description"]
    assert "currency" in parameters["amount_min"]["description"]
    assert parameters["organisation"]["schema"]["type"] == "array"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"theme": "no-such-theme"}, "theme"),
        ({"theme": "culture\x00"}, "theme"),
        ({"q": "teater\x00"}, "q"),
        ({"country": "S\x00E"}, "country"),
        ({"region": "SE-99"}, "region"),
        ({"municipality": "SE-0884\x00"}, "municipality"),
        ({"organisation": "nobody"}, "organisation"),
        ({"status": ["ongoing", "paused"]}, "status"),
        ({"currency": "XXX"}, "currency"),
        ({"currency": "SEK", "amount_min": "12abc"}, "amount_min"),
        ({"currency": "SEK", "amount_max": "1\x00"}, "amount_max"),
    ],
)
def test_bad_values_are_400_never_500(client, catalogue, params, field):
    response = client.get("/api/projects/", params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_facets_are_subqueries_whose_size_and_number_stay_flat(client, project_index, themes):
    """Issue 19: the facets once carried the result's ids as literal lists, so every facet query
    grew with the result. Each is now one aggregate over a subquery of the filtered result."""

    def measure():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(
                "/api/projects/",
                {"theme": ["culture", "events"], "country": "SE", "page_size": 5},
            )
        assert response.status_code == 200
        return (
            response.json()["count"],
            len(ctx.captured_queries),
            max(len(query["sql"]) for query in ctx.captured_queries),
        )

    owner = OrganisationFactory()
    for i in range(5):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["culture"]],
            places=["SE-0884"],
            owner=owner,
            publish=False,
        )
    count, queries, longest = measure()
    assert count == 5
    for i in range(5, 60):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["events"]],
            places=["SE-0880", "SE-08"],
            owner=OrganisationFactory(),
            publish=False,
        )
    grown_count, grown_queries, grown_longest = measure()
    assert (grown_count, grown_queries) == (60, queries)
    assert grown_longest < longest + 40, "only the page's ids may gain a digit, not 55 more ids"


def test_total_and_facets_are_counted_once_per_content_version(
    client, catalogue, en, themes, project_index
):
    """Paging or re-sorting a listing reads no count again; the language and its fallback are
    part of what is kept, and any change to public content is counted at once."""
    culture = {"theme": "culture", "locale": "en"}
    assert listing(client, culture)["count"] == 3
    with CaptureQueriesContext(connection) as ctx:
        again = listing(client, {**culture, "page_size": 1, "page": 2})
    assert again["count"] == 3 and counts(again, "theme")["culture"] == 3
    assert not any("facet_result_0" in query["sql"] for query in ctx.captured_queries)
    assert listing(client, {**culture, "fallback": "false"})["count"] == 0
    make_project(
        project_index,
        title="Kultur i Växjö",
        themes=[themes["culture"]],
        places=["SE-0780"],
        publish=False,
    )
    assert listing(client, culture)["count"] == 4
