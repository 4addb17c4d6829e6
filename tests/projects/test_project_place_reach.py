"""Issue 19: the region, municipality and Leader-area facets read the places each project
reaches from rows kept per project (ProjectPlaceReach), not from the place chain on every
request, and those rows follow every change of a project's places or of the chain itself."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.factories import municipality
from apps.network.models import Place
from apps.projects.models import ProjectPlace, ProjectPlaceReach
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def listing(client, **params):
    response = client.get("/api/projects/", {"ordering": "title", "page_size": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, **params):
    return [item["title"] for item in listing(client, **params)["results"]]


def counts(client, facet, **params):
    return {item["value"]: item["count"] for item in listing(client, **params)["facets"][facet]}


@pytest.fixture
def projects(project_index, themes, leader_alh):
    make_project(project_index, title="Kalmar", places=["SE-0880"], publish=False)
    make_project(project_index, title="Eksjo", places=["SE-0686"], publish=False)
    make_project(project_index, title="Leader", places=["leader-alh"], publish=False)


def test_no_request_follows_the_place_chain(client, projects):
    """Before, every facet count joined Place to its parent, its covered municipalities and the
    Leader areas covering it: PostgreSQL estimated that chain at one row (a 200 ms nested loop
    at 20 000 projects)."""
    with CaptureQueriesContext(connection) as ctx:
        body = listing(client, region="SE-08", leader_area="leader-alh")
    assert body["count"] == 0
    project_queries = [q["sql"] for q in ctx.captured_queries if "projects_projectpage" in q["sql"]]
    assert any("COUNT(" in sql for sql in project_queries)
    for sql in project_queries:
        assert Place.covers.through._meta.db_table not in sql
        assert '"network_place"."parent_id"' not in sql


def test_covering_a_municipality_later_moves_both_facets(client, projects, leader_alh):
    kalmar = municipality("0880")
    assert "SE-0880" not in counts(client, "municipality", leader_area="leader-alh")
    assert titles(client, leader_area="leader-alh") == ["Eksjo", "Leader"]

    leader_alh.covers.add(kalmar)
    assert titles(client, leader_area="leader-alh") == ["Eksjo", "Kalmar", "Leader"]
    assert counts(client, "municipality", leader_area="leader-alh")["SE-0880"] == 2

    kalmar.leader_areas.remove(leader_alh)  # from the other side of the relation
    assert titles(client, leader_area="leader-alh") == ["Eksjo", "Leader"]
    leader_alh.covers.clear()
    assert titles(client, leader_area="leader-alh") == ["Leader"]
    assert titles(client, municipality="SE-0686") == ["Eksjo"]


def test_a_municipality_moved_to_another_region_moves_its_projects(client, projects):
    assert titles(client, region="SE-08") == ["Kalmar"]
    kalmar = municipality("0880")
    kalmar.parent = Place.objects.get(identifier="SE-06")
    kalmar.save()
    assert titles(client, region="SE-08") == []
    assert titles(client, region="SE-06") == ["Eksjo", "Kalmar"]
    assert counts(client, "region")["SE-06"] == 2


def test_places_added_and_removed_on_a_project_move_its_facets(client, projects):
    row = ProjectPlace.objects.get(page__title="Eksjo")
    row.place = municipality("0880")
    row.save()
    assert titles(client, region="SE-08") == ["Eksjo", "Kalmar"]
    row.delete()
    assert titles(client, region="SE-08") == ["Kalmar"]
    assert "Eksjo" not in titles(client, leader_area="leader-alh")


def test_rows_written_in_bulk_are_filled_by_update_project_search(client, projects):
    before = counts(client, "leader_area"), counts(client, "region")
    ProjectPlaceReach.objects.all().delete()  # as after writing projects and places in bulk
    assert titles(client, region="SE-08") == []
    call_command("update_project_search", verbosity=0)
    assert (counts(client, "leader_area"), counts(client, "region")) == before
    assert titles(client, region="SE-08") == ["Kalmar"]
