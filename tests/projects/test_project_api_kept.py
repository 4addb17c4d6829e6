"""The projects API keeps each project's JSON per content version, language and date: a page
read again loads no project, and every public change, or a new day, shows at once."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.network.factories import OrganisationFactory
from tests.projects.conftest import make_project


def listing(client, **params):
    response = client.get("/api/projects/", {"ordering": "title", **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_page_read_again_loads_no_project(client, project_index, themes):
    for number in range(4):
        make_project(project_index, title=f"Projekt {number}", themes=[themes["culture"]])
    listing(client)
    with CaptureQueriesContext(connection) as captured:
        again = listing(client, page_size=2, page=2)
    assert [row["title"] for row in again] == ["Projekt 2", "Projekt 3"]
    assert not any("projects_projectplace" in query["sql"] for query in captured)


def test_an_edit_and_a_renamed_owner_show_at_once(client, project_index):
    owner = OrganisationFactory(name="Hembygdsföreningen")
    page = make_project(project_index, title="Bygdegården", owner=owner)
    assert listing(client)[0]["owner"]["name"] == "Hembygdsföreningen"
    page.title = "Nya bygdegården"
    page.save_revision().publish()
    owner.name = "Byalaget"
    owner.save()
    row = listing(client)[0]
    assert (row["title"], row["owner"]["name"]) == ("Nya bygdegården", "Byalaget")


def test_each_language_and_each_address_is_kept_apart(client, project_index):
    make_project(project_index, title="Skördefest")
    assert listing(client, locale="sv")[0]["is_fallback"] is False
    assert listing(client, locale="en")[0]["is_fallback"] is True
    other = client.get("/api/projects/", HTTP_HOST="localhost").json()["results"]
    assert other[0]["html_url"].startswith("http://localhost/")


def test_a_status_follows_the_date(client, project_index, monkeypatch):
    today = timezone.localdate()
    make_project(
        project_index,
        title="Snart",
        start=today + datetime.timedelta(days=1),
        end=today + datetime.timedelta(days=30),
    )
    assert listing(client)[0]["status"] == "planned"
    monkeypatch.setattr(timezone, "localdate", lambda: today + datetime.timedelta(days=2))
    assert listing(client)[0]["status"] == "ongoing"
