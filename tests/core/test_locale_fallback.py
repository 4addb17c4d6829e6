import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from apps.core.locale import with_fallback
from apps.core.localize import translate
from cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def make_pages(home, en, translated, swedish_only):
    for i in range(translated):
        page = StandardPageFactory(parent=home, title=f"Översatt {i}", slug=f"oversatt-{i}")
        translate(page, en, {f"Översatt {i}": f"Translated {i}"})
    for i in range(swedish_only):
        StandardPageFactory(parent=home, title=f"Bara svenska {i}", slug=f"bara-svenska-{i}")


def children(home_en):
    return Page.objects.filter(depth=3)


def test_english_listing_shows_english_versions_and_marked_swedish_originals(home_en, home, en):
    make_pages(home, en, translated=2, swedish_only=1)
    rows = with_fallback(children(home_en), en).order_by("title")
    assert [(p.title, p.is_fallback) for p in rows] == [
        ("Bara svenska 0", True),
        ("Translated 0", False),
        ("Translated 1", False),
    ]


def test_without_fallback_only_the_locale_is_listed(home_en, home, en):
    make_pages(home, en, translated=1, swedish_only=2)
    assert [p.title for p in with_fallback(children(home_en), en, fallback=False)] == [
        "Translated 0"
    ]


def test_swedish_listing_is_not_affected_by_translations(home_en, home, en, sv):
    make_pages(home, en, translated=2, swedish_only=1)
    rows = with_fallback(children(home_en), sv)
    assert {p.locale_id for p in rows} == {sv.pk}
    assert not any(p.is_fallback for p in rows)


@pytest.mark.parametrize("rows", [2, 12])
def test_fallback_is_one_query_whatever_the_number_of_rows(home_en, home, en, rows):
    make_pages(home, en, translated=rows // 2, swedish_only=rows // 2)
    with CaptureQueriesContext(connection) as ctx:
        result = list(with_fallback(children(home_en), en))
    assert len(result) == rows
    assert len(ctx.captured_queries) == 1
