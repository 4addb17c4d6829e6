"""The site menu is kept under the content version: finding the home page's children reads its
whole subtree, which at national scale was a sequential scan on every page. What it shows must
still follow every publish, unpublish and view restriction at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from apps.core import content_version
from cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu_links(client):
    html = client.get("/sv/").text
    return html.split('class="wrap main-nav"', 1)[1].split("</ul>", 1)[0]


@pytest.fixture
def about(home):
    page = StandardPageFactory(parent=home, title="Om bygden", slug="om", show_in_menus=True)
    page.save_revision().publish()
    return page


def test_the_menu_is_read_once_per_content_version(client, about):
    assert "Om bygden" in menu_links(client)
    with CaptureQueriesContext(connection) as queries:
        client.get("/sv/")
    menu_queries = [q for q in queries if '"show_in_menus"' in q["sql"].partition("WHERE")[2]]
    assert not menu_queries


def test_a_published_or_unpublished_menu_page_shows_at_once(client, home, about):
    assert "Om bygden" in menu_links(client)
    news = StandardPageFactory(parent=home, title="Nyheter i bygden", slug="ny", show_in_menus=True)
    news.save_revision().publish()
    assert "Nyheter i bygden" in menu_links(client)
    about.unpublish()
    assert "Om bygden" not in menu_links(client)


def test_a_view_restriction_moves_the_content_version_and_leaves_the_menu(client, about):
    assert "Om bygden" in menu_links(client)
    before = content_version.current()
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert content_version.current() != before
    assert "Om bygden" not in menu_links(client)
    restriction.delete()
    assert "Om bygden" in menu_links(client)


def test_a_cache_that_lost_the_menu_finds_it_again(client, about):
    menu_links(client)
    cache.clear()
    assert "Om bygden" in menu_links(client)
