"""Funding statistics (/api/projects/stats/, its CSV and the statistics page) add up to what the
CSV export of the same filters lists, per currency, and answer bad filters as the listing does."""

import csv
import datetime
import io
from collections import defaultdict
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import OrganisationFactory
from apps.network.models import Place, PlaceKind
from apps.projects.factories import FundingProgrammeFactory, ThemeFactory
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"theme": "culture"},
    {"theme": "culture", "region": "SE-08", "year_from": "2017", "year_to": "2023"},
    {"currency": "DKK"},
    {"funder": "region-kalmar"},
    {"leader_area": "leader-alh"},
    {"municipality": "SE-0884", "year": "2019"},
    {"q": "Teater"},
    {"year_from": "2030"},
]


@pytest.fixture
def grants(project_index, themes, leader_alh):
    region = OrganisationFactory(slug="region-kalmar", name="Region Kalmar län")
    fund = OrganisationFactory(slug="arvsfonden", name="Arvsfonden")
    leader = FundingProgrammeFactory(slug="leader", name="Leader")
    culture, events = themes["culture"], themes["events"]
    specs = [
        # Reaches Kalmar län twice (itself and Vimmerby): counted once there.
        dict(
            title="Teater i Vimmerby",
            themes=[culture, events],
            places=["SE-08", "SE-0884"],
            amount="120000.50",
            in_kind_value=Decimal("8000"),
            funding_programme=leader,
            funders=[(region, Decimal("70000")), (fund, Decimal("50000.50"))],
            award_date=datetime.date(2018, 3, 1),
        ),
        dict(
            title="Allt som sker",
            themes=[events],
            places=["leader-alh"],
            amount="15000",
            funding_programme=leader,
            funders=[(region, None)],
            start=datetime.date(2019, 1, 1),
            end=datetime.date(2019, 12, 31),
        ),
        dict(
            title="Kultur i Eksjö",
            themes=[culture],
            places=["SE-0686"],
            amount="9999.99",
            in_kind_value=Decimal("1200.25"),
            funders=[(fund, Decimal("9999.99"))],
            start=datetime.date(2022, 5, 1),
            end=datetime.date(2024, 1, 1),
        ),
        dict(title="Utan belopp", themes=[culture], places=["SE-0884"]),
        dict(
            title="Kultur i Storstrøm",
            themes=[culture],
            places=["DK-390"],
            amount="40000",
            currency="DKK",
            in_kind_value=Decimal("500"),
            funders=[(fund, Decimal("40000"))],
            start=datetime.date(2015, 1, 1),
            end=None,
        ),
        dict(
            title="Teater på Møn",
            themes=[events],
            places=["DK-390"],
            amount="2500",
            currency="DKK",
            funding_programme=leader,
            award_date=datetime.date(2024, 1, 2),
            start=datetime.date(2024, 2, 1),
            end=datetime.date(2031, 1, 1),
        ),
    ]
    for spec in specs:
        make_project(project_index, **spec)


def get(client, path, params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response


def export(client, params):
    response = get(client, "/api/projects.csv", params)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def reached(identifier, breakdown):
    """The values a place counts for in a place breakdown, as the place filters reach them."""
    place = Place.objects.get(identifier=identifier)
    if breakdown == "region":
        if place.kind == PlaceKind.REGION:
            return {identifier}
        return {place.parent.identifier} if place.parent_id else set()
    if breakdown == "municipality":
        if place.kind == PlaceKind.MUNICIPALITY:
            return {identifier}
        return {municipality.identifier for municipality in place.covers.all()}
    if place.kind == PlaceKind.LEADER_AREA:
        return {identifier}
    return {area.identifier for area in place.leader_areas.all()}


def expected(records):
    """Totals and breakdowns summed in Python from the export's rows."""
    totals = defaultdict(lambda: [0, Decimal(0), Decimal(0)])
    rows = defaultdict(lambda: defaultdict(lambda: [0, Decimal(0), Decimal(0)]))

    def add(figures, amount, in_kind):
        figures[0] += 1
        figures[1] += Decimal(amount or 0)
        figures[2] += Decimal(in_kind or 0)

    for record in records:
        currency, amount, in_kind = (
            record["currency"],
            record["amount_granted"],
            record["in_kind_value"],
        )
        add(totals[currency], amount, in_kind)
        values = {
            "theme": set(record["themes"].split("|")) - {""},
            "programme": {record["programme"]} - {""},
            "year": {
                (record["award_date"] or record["actual_start"] or record["planned_start"])[:4]
            }
            - {""},
        }
        for breakdown in ("region", "municipality", "leader_area"):
            values[breakdown] = set().union(
                *(reached(place, breakdown) for place in record["places"].split("|") if place)
            )
        for breakdown, found in values.items():
            for value in found:
                add(rows[breakdown][(value, currency)], amount, in_kind)
        shares = defaultdict(list)
        for funder in filter(None, record["funders"].split("|")):
            slug, _, share = funder.partition(":")
            shares[slug].append(Decimal(share or 0))
        for slug, amounts in shares.items():
            figures = rows["funder"][(slug, currency)]
            figures[0] += 1
            figures[1] += sum(amounts)
    return totals, rows


def as_figures(items, in_kind=True):
    return {
        (item.get("value"), item["currency"]): [
            item["projects"],
            Decimal(item["amount"]),
            Decimal(item["in_kind_value"]) if in_kind else Decimal(0),
        ]
        for item in items
    }


@pytest.mark.parametrize("params", FILTERS)
def test_statistics_add_up_to_the_filtered_export(client, grants, params):
    stats = get(client, "/api/projects/stats/", params).json()
    totals, rows = expected(export(client, params))
    assert as_figures(stats["totals"]) == {(None, c): f for c, f in totals.items()}
    assert stats["projects"] == sum(figures[0] for figures in totals.values())
    for name, found in stats["breakdowns"].items():
        assert as_figures(found, in_kind=name != "funder") == rows[name], name
        assert all(item["in_kind_value"] is None for item in found if name == "funder")


def test_both_currencies_are_kept_apart(client, grants):
    stats = get(client, "/api/projects/stats/", {}).json()
    assert {row["currency"]: row["amount"] for row in stats["totals"]} == {
        "DKK": "42500.00",
        "SEK": "145000.49",
    }
    culture = {
        row["currency"]: (row["projects"], row["projects_with_amount"], row["amount"])
        for row in stats["breakdowns"]["theme"]
        if row["value"] == "culture"
    }
    assert culture == {"SEK": (3, 2, "130000.49"), "DKK": (1, 1, "40000.00")}
    kalmar = [row for row in stats["breakdowns"]["region"] if row["value"] == "SE-08"]
    assert [(r["label"], r["projects"], r["amount"]) for r in kalmar] == [
        ("Kalmar län", 2, "120000.50")  # Vimmerby reaches it twice, counted once
    ]
    funders = {(r["value"], r["currency"]): r["amount"] for r in stats["breakdowns"]["funder"]}
    assert funders[("region-kalmar", "SEK")] == "70000.00"  # its share, not the whole grant


def test_labels_follow_the_locale(client, grants):
    stats = get(client, "/api/projects/stats/", {"locale": "en"}).json()
    assert {row["label"] for row in stats["breakdowns"]["theme"]} == {"Culture", "Events"}


@pytest.mark.parametrize(
    "params",
    [
        {"theme": "no-such-theme"},
        {"region": "SE-99"},
        {"year": "last"},
        {"year_from": "1200"},
        {"year_from": "2020", "year_to": "2019"},
        {"amount_min": "10"},
        {"ordering": "amount"},
        {"q": "teater\x00"},
        {"locale": "xx"},
    ],
)
def test_bad_filters_are_the_listings_400(client, themes, params):
    listing = client.get("/api/projects/", params)
    for path in ("/api/projects/stats/", "/api/projects/stats.csv"):
        response = client.get(path, {**params, "breakdown": "theme"})
        assert response.status_code == 400 == listing.status_code
        assert response.json() == listing.json()


@pytest.mark.parametrize("breakdown", [None, "", "colour"])
def test_the_csv_needs_a_known_breakdown(client, themes, breakdown):
    params = {} if breakdown is None else {"breakdown": breakdown}
    response = client.get("/api/projects/stats.csv", params)
    assert response.status_code == 400
    assert "breakdown" in response.json()["error"]["fields"]


def test_breakdown_csv_is_the_breakdown_with_formulas_guarded(client, grants, themes, en):
    themes["culture"].name = "=HYPERLINK(1)"
    themes["culture"].save()
    response = get(client, "/api/projects/stats.csv", {"breakdown": "theme", "locale": "sv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "project-statistics-theme.csv" in response["Content-Disposition"]
    lines = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    stats = get(client, "/api/projects/stats/", {"locale": "sv"}).json()["breakdowns"]["theme"]
    assert [(r["value"], r["currency"], r["amount"]) for r in lines] == [
        (r["value"], r["currency"], r["amount"]) for r in stats
    ]
    assert {r["label"] for r in lines if r["value"] == "culture"} == {"'=HYPERLINK(1)"}


def test_query_count_is_flat_as_projects_grow(client, project_index, themes, leader_alh):
    owner, funder = OrganisationFactory(), OrganisationFactory()
    programme = FundingProgrammeFactory()

    def queries():
        counts = []
        for path in ("/api/projects/stats/", "/sv/projekt/statistik/"):
            cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(path, {"theme": ["culture", "events"]})
            assert response.status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    def add(first, last):
        for i in range(first, last):
            make_project(
                project_index,
                title=f"P{i}",
                themes=[themes["culture"], themes["events"]][: 1 + i % 2],
                places=[["SE-08", "leader-alh"], ["DK-390"]][i % 2],
                amount=str(10 * i + 10),
                owner=owner,
                funders=[(funder, i), (OrganisationFactory(), 1)],
                funding_programme=programme,
                currency="DKK" if i % 2 else "SEK",
                award_date=datetime.date(2000 + i, 1, 1),
                publish=False,
            )

    add(0, 2)
    queries()  # the first request also reads what a process keeps
    few = queries()
    add(2, 40)
    assert queries() == few


def test_the_page_in_both_languages(client, grants, project_index):
    query = {"theme": "culture", "region": "SE-08", "year_from": "2017", "year_to": "2023"}
    for path, heading in (
        ("/sv/projekt/statistik/", "Tema"),
        ("/en/projects/statistics/", "Theme"),
    ):
        response = client.get(path, query)
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        assert html.find("h2", string=heading)
        charts = html.select("svg[role=img]")
        assert charts and all(svg.find("title") and svg.find("desc") for svg in charts)
        labelled = {i for svg in charts for i in svg["aria-labelledby"].split()}
        assert all(html.find(id=i) for i in labelled)
        assert html.select("table caption") and html.select("table th[scope=row]")
        links = [a["href"] for a in html.select("a[download]")]
        assert any("breakdown=theme" in link and "year_from=2017" in link for link in links)
        assert html.find("input", {"name": "year_from"})["value"] == "2017"
        link = urlsplit(links[0])
        lines = get(client, link.path, parse_qsl(link.query)).content.decode("utf-8-sig")
        assert lines.splitlines()[0].startswith("breakdown,value,label,currency")
    bad = client.get("/sv/projekt/statistik/", {"year_from": "2020", "year_to": "2000"})
    assert bad.status_code == 400
    assert BeautifulSoup(bad.content, "html.parser").select("[role=alert]")


def test_the_project_database_links_to_its_statistics(client, grants):
    response = client.get("/en/projects/", {"theme": "culture"})
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").find_all("a")]
    assert any(
        link.startswith("/en/projects/statistics/?") and "theme=culture" in link for link in links
    )


def test_a_year_range_filters_the_listing_too(client, grants):
    response = get(client, "/api/projects/", {"year_from": "2022", "year_to": "2023"}).json()
    assert {item["title"] for item in response["results"]} == {
        "Kultur i Eksjö",
        "Kultur i Storstrøm",
    }


def test_the_schema_documents_the_statistics(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/projects/stats/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    listing = {p["name"] for p in schema["paths"]["/api/projects/"]["get"]["parameters"]}
    assert listing - {"page", "page_size"} <= names
    assert {"year_from", "year_to"} <= names
    assert "own share" in operation["description"]
    assert "400" in operation["responses"]
    csv_operation = schema["paths"]["/api/projects/stats.csv"]["get"]
    breakdown = next(p for p in csv_operation["parameters"] if p["name"] == "breakdown")
    assert breakdown["required"] and "funder" in breakdown["schema"]["enum"]


def test_values_without_projects_have_no_row(client, grants):
    ThemeFactory(slug="unused", name="Oanvänd")
    stats = get(client, "/api/projects/stats/", {}).json()
    assert "unused" not in {row["value"] for row in stats["breakdowns"]["theme"]}


@pytest.mark.parametrize("slug", ["statistik", "statistics"])
def test_a_project_cannot_take_the_statistics_address(project_index, slug):
    with pytest.raises(ValidationError) as error:
        make_project(project_index, title="Statistik", slug=slug)
    assert "slug" in error.value.message_dict


def test_the_language_switcher_keeps_the_statistics_and_their_filters(client, grants):
    query = {"theme": "culture", "region": "SE-08"}
    html = BeautifulSoup(client.get("/sv/projekt/statistik/", query).content, "html.parser")
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    english = urlsplit(switcher["en"])
    assert english.path == "/en/projects/statistics/"
    assert dict(parse_qsl(english.query)) == query
    assert urlsplit(switcher["sv"]).path == "/sv/projekt/statistik/"
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[hreflang]")}
    assert urlsplit(alternates["en"]).path == "/en/projects/statistics/"
