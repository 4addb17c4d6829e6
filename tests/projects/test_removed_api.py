"""Incremental sync: what left the API since a client's last visit is listed at /api/removed/."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.network.factories import OrganisationFactory
from tests.projects.conftest import make_project


def _removed(client, **params):
    response = client.get("/api/removed/", params)
    assert response.status_code == 200, response.content
    return [(row["kind"], row["id"], row["locale"]) for row in response.json()["results"]]


def test_unpublished_and_deleted_projects_leave_tombstones(client, project_index):
    hidden = make_project(project_index, title="Kulturhus i Hultsfred")
    deleted = make_project(project_index, title="Byalag i Målilla")
    since = timezone.now() - datetime.timedelta(seconds=1)
    hidden.unpublish()
    identifier = deleted.identifier
    deleted.delete()
    assert _removed(client, modified_since=since.isoformat(), kind="project") == [
        ("project", hidden.identifier, "sv"),
        ("project", identifier, "sv"),
    ]
    assert client.get(f"/api/projects/{hidden.identifier}/").status_code == 404


def test_publishing_again_takes_the_item_off_the_list(client, project_index):
    page = make_project(project_index, title="Solenergi i Vimmerby")
    page.unpublish()
    page.save_revision().publish()
    assert _removed(client, kind="project") == []


def test_a_never_published_draft_leaves_nothing(client, project_index):
    draft = make_project(project_index, title="Utkast", publish=False)
    draft.live = False
    draft.save()
    draft.delete()
    assert _removed(client) == []


def test_older_removals_are_not_repeated(client, project_index, sv):
    organisation = OrganisationFactory(slug="gnistan")
    organisation.delete()
    later = (timezone.now() + datetime.timedelta(seconds=1)).isoformat()
    assert _removed(client, kind="organisation") == [("organisation", "gnistan", "sv")]
    assert _removed(client, modified_since=later) == []


def test_bad_parameters_are_400(client, db):
    for params in ({"kind": "spaceship"}, {"modified_since": "last week"}):
        response = client.get("/api/removed/", params)
        assert response.status_code == 400
        assert set(response.json()["error"]["fields"]) == set(params)


def test_query_count_does_not_grow_with_tombstones(client, sv):
    OrganisationFactory().delete()
    with CaptureQueriesContext(connection) as few:
        client.get("/api/removed/")
    for _ in range(10):
        OrganisationFactory().delete()
    with CaptureQueriesContext(connection) as many:
        client.get("/api/removed/")
    assert len(few) == len(many)
