"""Issue 19: the project database at 20 000 projects. The facets and the total come from one
grouped query, the locale fallback reads only the rows it is asked about, and the HTML page does
not count the whole table again while nothing has changed, yet always shows the right total."""

import datetime
import re

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from apps.core.locale import with_fallback
from apps.network.models import Place
from apps.projects.facets import has_values
from apps.projects.models import ProjectPage
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def _heading(response):
    return re.search(r'id="results-heading">([^<]*)<', response.text).group(1).strip()


def _counting(queries):
    return [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]


def test_facets_and_total_are_one_grouped_query(client, project_index, themes):
    for i in range(4):
        make_project(
            project_index,
            title=f"P{i}",
            themes=[themes["culture"] if i % 2 else themes["events"]],
            places=["SE-0880"],
            publish=False,
        )
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/projects/", {"theme": "culture", "country": "SE"})
    body = response.json()
    assert body["count"] == 2
    assert {item["value"]: item["count"] for item in body["facets"]["theme"]} == {
        "culture": 2,
        "events": 2,
    }
    assert len(_counting(ctx.captured_queries)) == 1, "one query counts the total and every facet"


def test_fallback_asks_about_each_rows_own_translation_group(en):
    """No list of every group's original is built first (a full scan on every request)."""
    sql = str(with_fallback(ProjectPage.objects.all(), en).query).upper()
    assert "MIN(" not in sql
    assert "EXISTS" in sql


def test_unchanged_listing_is_not_counted_again_and_stays_right(client, project_index, themes):
    for i in range(25):
        make_project(project_index, title=f"P{i:02}", themes=[themes["culture"]], publish=False)
    client.get("/sv/projekt/")  # fills per-process caches (site root paths, locales)
    first = client.get("/sv/projekt/")
    assert _heading(first) == "25 projekt"
    with CaptureQueriesContext(connection) as ctx:
        again = client.get("/sv/projekt/", {"page": 2})
    assert _heading(again) == "25 projekt"
    assert again.text.count('class="card"') == 5
    assert _counting(ctx.captured_queries) == [], "the total and facets are read from the cache"

    make_project(project_index, title="P25", themes=[themes["events"]], publish=False)
    after = client.get("/sv/projekt/")
    assert _heading(after) == "26 projekt"
    assert 'value="events"> Evenemang (1)' in after.text, "the facets follow the new project too"


def _identifiers(client, **params):
    response = client.get("/api/projects/", {"ordering": "newest", **params})
    return [item["identifier"] for item in response.json()["results"]]


def test_newest_first_sorts_on_the_projects_own_indexed_column(client, project_index):
    """Sorting on Page's first_published_at made PostgreSQL walk that index through every page
    type published since the last project (50 000 events in the benchmark) to find a page of
    projects."""
    make_project(project_index, title="P0", identifier="P0")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/sv/projekt/")
    listing = [
        sql for sql in ctx.captured_queries if "LIMIT" in sql["sql"] and "ORDER BY" in sql["sql"]
    ]
    order_by = [sql["sql"].rsplit("ORDER BY", 1)[1] for sql in listing]
    assert any('"projects_projectpage"."newest_order" DESC' in clause for clause in order_by)
    assert not any("first_published_at" in clause for clause in order_by)


def test_newest_first_follows_first_publication_not_edits(client, project_index):
    older = make_project(project_index, title="Older", identifier="OLDER")
    make_project(project_index, title="Newer", identifier="NEWER")
    assert _identifiers(client) == ["NEWER", "OLDER"]

    page = older.specific
    page.summary = "Rättad sammanfattning."
    page.save_revision().publish()
    assert _identifiers(client) == ["NEWER", "OLDER"], "a new revision is not a new project"

    page.refresh_from_db()
    assert page.newest_order == page.first_published_at
    moment = page.first_published_at + datetime.timedelta(days=1)
    page.first_published_at = moment
    page.save(update_fields=["first_published_at"])
    page.refresh_from_db()
    assert page.newest_order == moment, "saving only the publication date moves the order too"
    assert _identifiers(client) == ["OLDER", "NEWER"]


def test_a_place_filter_left_out_is_not_evaluated(client, project_index):
    """A place filter not in the query cleans to ``.none()``; testing it with ``bool()`` built
    and compiled a query for each of the four place kinds on every request."""
    left_out, chosen = Place.objects.none(), Place.objects.filter(identifier="SE-0880")
    with CaptureQueriesContext(connection) as ctx:
        assert has_values(left_out) is False
        assert has_values(chosen) is True
        assert has_values([]) is False
        assert has_values(["culture"]) is True
    assert ctx.captured_queries == []
    assert left_out._result_cache is None and chosen._result_cache is None


def test_a_listing_never_asks_whether_a_place_filter_is_empty(client, project_index, monkeypatch):
    make_project(project_index, title="P0", places=["SE-0880"])
    asked = []
    original = QuerySet.__bool__

    def recording(queryset):
        if queryset.model is Place:
            asked.append(queryset)
        return original(queryset)

    monkeypatch.setattr(QuerySet, "__bool__", recording)
    for params in ({}, {"q": "p0"}, {"municipality": "SE-0880"}):
        assert client.get("/api/projects/", params).status_code == 200
        assert client.get("/sv/projekt/", params).status_code == 200
    assert asked == []
