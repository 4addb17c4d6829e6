"""Wagtail's content API v2: every page type exposes its fields, rich text arrives as HTML, and a
listing of a type costs the same number of queries for 2 pages as for 8."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models

from apps.core.localize import translate
from apps.events.factories import EventIndexPageFactory, EventPageFactory
from apps.network.factories import (
    NetworkIndexPageFactory,
    NetworkMembershipFactory,
    NetworkPageFactory,
    OrganisationFactory,
)
from apps.newsletters.factories import NewsletterArchivePageFactory, NewsletterPageFactory
from apps.projects.factories import (
    NewsIndexPageFactory,
    PostAuthorFactory,
    ProjectIndexPageFactory,
    ProjectPostPageFactory,
    ThemeFactory,
)
from cms.factories import StandardPageFactory
from tests.projects.conftest import make_call, make_project


def _publish(page):
    page.save_revision().publish()
    return page


def _standard(home, n):
    return _publish(StandardPageFactory(parent=home, title=f"Om bygden {n}", slug=f"om-{n}"))


def _network(home, n):
    index = NetworkIndexPageFactory._meta.model.objects.first() or _publish(
        NetworkIndexPageFactory(parent=home)
    )
    page = NetworkPageFactory(parent=index)
    NetworkMembershipFactory(page=page)
    return _publish(page)


def _project(home, n):
    index = ProjectIndexPageFactory._meta.model.objects.first() or _publish(
        ProjectIndexPageFactory(parent=home, title="Projekt", slug="projekt")
    )
    return make_project(index, title=f"Projekt {n}", themes=[ThemeFactory()], places=["SE-0884"])


def _post(home, n):
    index = NewsIndexPageFactory._meta.model.objects.first() or _publish(
        NewsIndexPageFactory(parent=home)
    )
    post = ProjectPostPageFactory.build(
        title=f"Nyhet {n}", slug=f"nyhet-{n}", lead="Ingress.", body=[("paragraph", "<p>Text</p>")]
    )
    post.tags.add(f"tagg-{n}")
    post.authors.add(PostAuthorFactory.build())
    index.add_child(instance=post)
    return _publish(post)


def _event(home, n):
    index = EventIndexPageFactory._meta.model.objects.first() or _publish(
        EventIndexPageFactory(parent=home)
    )
    return _publish(EventPageFactory(parent=index, organiser=OrganisationFactory()))


def _newsletter(home, n):
    archive = NewsletterArchivePageFactory._meta.model.objects.first() or _publish(
        NewsletterArchivePageFactory(parent=home)
    )
    return _publish(NewsletterPageFactory(parent=archive))


def _call(home, n):
    from apps.projects.factories import FundingCallIndexPageFactory

    index = FundingCallIndexPageFactory._meta.model.objects.first() or _publish(
        FundingCallIndexPageFactory(parent=home, title="Utlysningar", slug="utlysningar")
    )
    return make_call(
        index,
        title=f"Utlysning {n}",
        deadlines=[(datetime.date(2027, 3, n + 1),)],
        intake="cutoffs",
        applicants=["association"],
        places=["SE-0884"],
        themes=[ThemeFactory()],
    )


BUILDERS = {
    "projects.FundingCallPage": _call,
    "cms.StandardPage": _standard,
    "network.NetworkPage": _network,
    "projects.ProjectPage": _project,
    "projects.ProjectPostPage": _post,
    "events.EventPage": _event,
    "newsletters.NewsletterPage": _newsletter,
}


def test_every_page_type_declares_api_fields():
    for model in get_page_models():
        if model is not Page:
            assert model.api_fields, f"{model.__name__} has no api_fields"


def _queries(client, page_type):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"})
    assert response.status_code == 200, response.content
    return len(queries), response.json()


@pytest.mark.parametrize("page_type", sorted(BUILDERS))
def test_listing_a_page_type_does_not_query_per_page(client, home, page_type):
    build = BUILDERS[page_type]
    for n in range(2):
        build(home, n)
    few, body = _queries(client, page_type)
    assert body["meta"]["total_count"] == 2
    for n in range(2, 8):
        build(home, n)
    many, body = _queries(client, page_type)
    assert body["meta"]["total_count"] == 8
    assert many == few, f"{page_type}: {few} queries for 2 pages, {many} for 8"


def test_rich_text_arrives_as_html_with_links_resolved(client, home, en):
    target = _standard(home, 1)
    page = StandardPageFactory(
        parent=home,
        title="Länkar",
        slug="lankar",
        body=[("paragraph", f'<p>Se <a linktype="page" id="{target.pk}">sidan</a>.</p>')],
    )
    _publish(page)
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    html = body[0]["value"]
    assert f'href="{target.url}"' in html and "linktype" not in html


def test_translations_are_listed_per_locale(client, home_en, home, en):
    page = _standard(home, 1)
    translate(page, en, {"Om bygden 1": "About the countryside 1"})
    titles = [
        row["title"]
        for row in client.get(
            "/api/v2/pages/", {"type": "cms.StandardPage", "locale": "en"}
        ).json()["items"]
    ]
    assert titles == ["About the countryside 1"]


def _translated_project(home, en, n):
    theme = ThemeFactory(name=f"Kultur {n}")
    translate(theme, en, {f"Kultur {n}": f"Culture {n}"})
    partner = OrganisationFactory(name=f"Förening {n}")
    translate(partner, en, {})
    page = _project(home, n)
    page.themes.all().delete()
    page.themes.create(theme=theme)
    page.partners.create(organisation=partner, role="Partner")
    page.save_revision().publish()
    return translate(page, en, {page.title: f"Project {n}"})


def _translated_network(home, en, n):
    page = _network(home, n)
    translate(page.members.first().organisation, en, {})
    return translate(page, en, {page.title: f"{page.title} (en)"})


@pytest.mark.parametrize(
    "page_type,build",
    [("projects.ProjectPage", _translated_project), ("network.NetworkPage", _translated_network)],
)
def test_english_listings_show_translated_snippets_in_constant_queries(
    client, home_en, home, en, page_type, build
):
    def listing():
        with CaptureQueriesContext(connection) as queries:
            body = client.get(
                "/api/v2/pages/", {"type": page_type, "fields": "*", "locale": "en"}
            ).json()
        return len(queries), body["items"]

    for n in range(2):
        build(home, en, n)
    few, _items = listing()
    for n in range(2, 8):
        build(home, en, n)
    many, items = listing()
    assert len(items) == 8 and many == few
    if page_type == "projects.ProjectPage":
        assert {theme["name"] for item in items for theme in item["themes"]} == {
            f"Culture {n}" for n in range(8)
        }
