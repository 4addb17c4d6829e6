"""The API says where each item came from: `source` is null for the site's own projects, events,
calls, news posts and organisations and names the site, original page and identifier of a harvested copy; one
query covers a whole page of results. The copy's page links its original."""

import pytest
import yaml
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.factories import ProvenanceFactory
from apps.events.factories import EventIndexPageFactory, EventPageFactory
from apps.network.factories import OrganisationFactory
from apps.projects.factories import (
    FundingCallIndexPageFactory,
    FundingCallPageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectPostPageFactory,
)

PATHS = ["/api/projects/", "/api/events/", "/api/organisations/", "/api/calls/", "/api/news/"]


@pytest.fixture
def indexes(home):
    projects = ProjectIndexPageFactory(parent=home)
    projects.save_revision().publish()
    calendar = EventIndexPageFactory(parent=home)
    calendar.save_revision().publish()
    calls = FundingCallIndexPageFactory(parent=home)
    calls.save_revision().publish()
    news = NewsIndexPageFactory(parent=home)
    news.save_revision().publish()
    return projects, calendar, calls, news


def add(indexes, count, copies):
    projects, calendar, calls, news = indexes
    for _ in range(count):
        organisation = OrganisationFactory()
        project = ProjectPageFactory(parent=projects, owner_organisation=organisation)
        project.save_revision().publish()
        event = EventPageFactory(parent=calendar, organiser=organisation)
        event.save_revision().publish()
        call = FundingCallPageFactory(parent=calls, funder=organisation)
        call.save_revision().publish()
        post = ProjectPostPageFactory(parent=news)
        post.save_revision().publish()
        if copies:
            for item in (organisation, project, event, call, post):
                ProvenanceFactory(item=item)


def queries(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, {"page_size": 100})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("path", PATHS)
def test_source_is_null_for_own_items_and_names_the_original_of_copies(client, indexes, path):
    add(indexes, 1, copies=False)
    add(indexes, 1, copies=True)
    rows = client.get(path).json()["results"]
    sources = [row["event"]["source"] if "event" in row else row["source"] for row in rows]
    assert None in sources
    copy = next(source for source in sources if source)
    assert copy["site"] == "Grannbygden"
    assert copy["url"].startswith("https://grannbygden.example.org/original-")
    assert copy["id"].startswith("original-")


@pytest.mark.parametrize("path", PATHS)
def test_source_costs_the_same_queries_for_few_and_many_copies(client, indexes, path):
    add(indexes, 2, copies=True)
    few = queries(client, path)
    add(indexes, 8, copies=True)
    assert queries(client, path) == few


def test_the_page_of_a_copy_links_its_original(client, indexes):
    add(indexes, 1, copies=True)
    add(indexes, 1, copies=False)
    for index in indexes:
        copy, own = [page.specific for page in index.get_children().order_by("pk")]
        origin = copy.provenance.get()
        assert f'href="{origin.url}"' in client.get(copy.url).content.decode()
        assert "grannbygden.example.org" not in client.get(own.url).content.decode()


def test_the_openapi_document_describes_source(client, db):
    schemas = yaml.safe_load(client.get("/api/schema/").content)["components"]["schemas"]
    names = ("Project", "ProjectDetail", "Event", "EventDetail", "Organisation", "Call", "Post")
    for name in names:
        field = schemas[name]["properties"]["source"]
        assert field.get("nullable") is True
        origin = schemas[field["allOf"][0]["$ref"].rsplit("/", 1)[1]]
        assert set(origin["properties"]) == {"site", "url", "id"}
