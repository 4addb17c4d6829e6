"""Text search in the project database (HTML listing and /api/projects/?q=): what it covers,
Nordic letters and compounds, relevance, bad input and how it runs on PostgreSQL."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from apps.network.factories import OrganisationFactory, PersonFactory
from apps.projects.factories import (
    ProjectContactFactory,
    ProjectPartnerFactory,
    ProjectThemeFactory,
)
from apps.projects.models import ProjectPage, ProjectSearchDocument, ProjectTheme
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def catalogue(project_index):
    owner = OrganisationFactory(name="Bygdegårdsföreningen Ljusglimten")
    partner = OrganisationFactory(name="Hembygdsförbundet i Sörmland")
    funder = OrganisationFactory(name="Statens kulturråd")
    make_project(project_index, title="Teaterkväll i Bygdegården", identifier="TITLE-1")
    make_project(
        project_index,
        title="Mötesplats Kulturhus",
        identifier="TITLE-2",
        body=paragraph("Ett kulturhus där teater spelas."),
    )
    body_only = make_project(
        project_index,
        title="Öppna dörrar",
        identifier="BODY-1",
        body=paragraph("Vi bygger nya mötesplatser för unga i byn."),
        owner=owner,
        places=["SE-0480"],
        funders=[(funder, None)],
    )
    page = body_only.specific
    page.partners.add(ProjectPartnerFactory.build(organisation=partner))
    page.contacts.add(ProjectContactFactory.build(person=PersonFactory(name="Åsa Ödmark")))
    page.save_revision().publish()
    return {"owner": owner, "partner": partner, "body_only": body_only}


def search(client, q, **params):
    response = client.get("/api/projects/", {"q": q, "page_size": 100, **params})
    assert response.status_code == 200, response.content
    return [item["identifier"] for item in response.json()["results"]]


def test_search_covers_body_organisations_places_and_people(client, catalogue):
    assert search(client, "ljusglimten") == ["BODY-1"], "owner organisation"
    assert search(client, "hembygdsförbundet") == ["BODY-1"], "partner organisation"
    assert search(client, "kulturråd") == ["BODY-1"], "funder"
    assert search(client, "nyköping") == ["BODY-1"], "place"
    assert search(client, "ödmark") == ["BODY-1"], "contact person"
    assert search(client, "unga byn") == ["BODY-1"], "description, every word"


def test_compounds_and_inflections_are_found_by_their_start(client, catalogue):
    assert search(client, "mötesplats", ordering="title") == ["TITLE-2", "BODY-1"]
    assert search(client, "teater", ordering="title") == ["TITLE-2", "TITLE-1"]


def test_nordic_capitals_match_small_letters(client, catalogue):
    assert search(client, "SÖRMLAND") == ["BODY-1"]
    assert search(client, "ÅSA ÖDMARK") == ["BODY-1"]
    assert search(client, "NYKÖPING") == ["BODY-1"]


def test_relevance_is_the_default_order_with_a_query_and_newest_stays_selectable(client, catalogue):
    assert search(client, "mötesplats") == ["TITLE-2", "BODY-1"], "title match first"
    assert search(client, "mötesplats", ordering="newest") == ["BODY-1", "TITLE-2"]
    assert search(client, "mötesplats", ordering="relevance") == ["TITLE-2", "BODY-1"]
    everything = client.get("/api/projects/", {"ordering": "relevance"}).json()
    assert [p["identifier"] for p in everything["results"]] == ["BODY-1", "TITLE-2", "TITLE-1"], (
        "without a query relevance means newest"
    )


def test_html_listing_searches_and_offers_relevance(client, catalogue):
    response = client.get("/sv/projekt/", {"q": "SÖRMLAND"})
    assert response.status_code == 200
    assert "Öppna dörrar" in response.text
    assert "Teaterkväll" not in response.text
    assert 'value="relevance"' in response.text


@pytest.mark.parametrize(
    "q", ["teater & | ! :* ' ( ) <-> \\", "'", "!!!", ":*", "a:*B & (c | !d", "\\'; drop"]
)
def test_tsquery_syntax_in_input_is_just_text(client, catalogue, q):
    response = client.get("/api/projects/", {"q": q})
    assert response.status_code == 200
    assert client.get("/sv/projekt/", {"q": q}).status_code == 200


def test_nul_byte_is_a_400_and_not_a_500(client, catalogue):
    response = client.get("/api/projects/", {"q": "teater\x00"})
    assert response.status_code == 400
    assert "q" in response.json()["error"]["fields"]
    assert client.get("/sv/projekt/", {"q": "teater\x00"}).status_code == 400


def test_unpublishing_removes_a_project_from_search(client, catalogue):
    catalogue["body_only"].unpublish()
    assert search(client, "ljusglimten") == []
    assert not ProjectSearchDocument.objects.filter(page=catalogue["body_only"]).exists()


def test_renaming_a_partner_updates_search(client, catalogue):
    partner = catalogue["partner"]
    partner.name = "Skärgårdsrådet"
    partner.save()
    assert search(client, "skärgårdsrådet") == ["BODY-1"]
    assert search(client, "hembygdsförbundet") == []


def test_update_project_search_fills_documents_written_in_bulk(client, catalogue):
    ProjectSearchDocument.objects.all().delete()
    assert search(client, "teater") == []
    call_command("update_project_search", verbosity=0)
    assert sorted(search(client, "teater")) == ["TITLE-1", "TITLE-2"]


def test_search_query_count_stays_flat(client, project_index):
    make_project(project_index, title="Kulturhus 0", identifier="K-0", publish=False)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/projects/", {"q": "kulturhus"}).status_code == 200
        return len(queries)

    few = count()
    for n in range(1, 8):
        make_project(project_index, title=f"Kulturhus {n}", identifier=f"K-{n}", publish=False)
    assert count() == few


@pytest.mark.postgres
@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_reads_the_stored_vector(client, catalogue):
    with CaptureQueriesContext(connection) as queries:
        assert search(client, "teaterkvällar") == ["TITLE-1"], "stemmed in Swedish"
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "to_tsvector" not in sql, "vectors are stored, not built per request"
    assert "projects_projectsearchdocument" in sql and "to_tsquery" in sql
    with connection.cursor() as cursor:
        cursor.execute(
            "select indexdef from pg_indexes where tablename = 'projects_projectsearchdocument'"
        )
        assert any("gin (vector)" in row[0] for row in cursor.fetchall())


@pytest.fixture
def themed(project_index, themes):
    make_project(
        project_index, title="Kulturhus i Gnosjö", identifier="K-CULT", themes=[themes["culture"]]
    )
    make_project(
        project_index, title="Kulturhus på torget", identifier="K-EVENT", themes=[themes["events"]]
    )
    make_project(
        project_index,
        title="Kulturhus och marknad",
        identifier="K-BOTH",
        themes=[themes["culture"], themes["events"]],
    )
    make_project(project_index, title="Kulturhus utan tema", identifier="K-NONE")
    make_project(
        project_index, title="Skördemarknad", identifier="M-CULT", themes=[themes["culture"]]
    )
    return themes


def test_search_narrowed_to_themes(client, themed):
    assert sorted(search(client, "kulturhus", theme="culture")) == ["K-BOTH", "K-CULT"]
    assert sorted(search(client, "kulturhus", theme=["culture", "events"])) == [
        "K-BOTH",
        "K-CULT",
        "K-EVENT",
    ]
    body = client.get("/api/projects/", {"q": "kulturhus", "theme": "culture"}).json()
    assert {item["value"]: item["count"] for item in body["facets"]["theme"]} == {
        "culture": 2,
        "events": 2,
    }, "the theme facet counts the search without its own filter"


def test_search_narrowed_to_themes_follows_theme_changes(client, themed, project_index):
    page = ProjectPage.objects.get(identifier="K-NONE", locale__language_code="sv")
    page.themes.add(ProjectThemeFactory.build(theme=themed["culture"]))
    page.save_revision().publish()
    assert sorted(search(client, "kulturhus", theme="culture")) == ["K-BOTH", "K-CULT", "K-NONE"]

    ProjectTheme.objects.filter(page=page).delete()
    assert sorted(search(client, "kulturhus", theme="culture")) == ["K-BOTH", "K-CULT"]

    culture = themed["culture"]
    culture.slug = "kultur"
    culture.save()
    assert sorted(search(client, "kulturhus", theme="kultur")) == ["K-BOTH", "K-CULT"]


@pytest.mark.postgres
@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_reads_themes_of_a_search_from_the_document(client, themed):
    """Joined from the theme rows, PostgreSQL could not know that the words and the theme go
    together and planned for a few matches where there were thousands (issue 19)."""
    with CaptureQueriesContext(connection) as queries:
        assert sorted(search(client, "kulturhus", theme="culture")) == ["K-BOTH", "K-CULT"]
    listing = [q["sql"] for q in queries.captured_queries if "ts_rank" in q["sql"]]
    assert listing and all("projects_projecttheme" not in sql for sql in listing)
    document = ProjectSearchDocument.objects.get(page__identifier="K-BOTH")
    assert sorted(document.themes) == ["culture", "events"]
    themed["events"].slug = "evenemang"
    with CaptureQueriesContext(connection) as queries:
        themed["events"].save()
    writes = [q["sql"] for q in queries.captured_queries if "projectsearchdocument" in q["sql"]]
    assert len(writes) == 1 and writes[0].startswith("UPDATE"), "one UPDATE, not a rebuild"
    document.refresh_from_db()
    assert sorted(document.themes) == ["culture", "evenemang"]
    with connection.cursor() as cursor:
        cursor.execute(
            "select indexdef from pg_indexes where tablename = 'projects_projectsearchdocument'"
        )
        assert any("gin (themes)" in row[0] for row in cursor.fetchall())
