"""/api/events/ at many stored occurrences: the window is read from the index on both sides, and
the answer stays the same as the plain overlap query gives."""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from apps.core.localize import translate
from apps.events.filters import start_of
from apps.events.models import EventOccurrence, EventPage, EventSeries
from tests.clock import TODAY, days

pytestmark = pytest.mark.django_db


def test_series_remember_their_longest_occurrence(publish):
    festival = publish(
        title="Hembygdsfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=days(2),
        end_date=days(4),
    )
    series = EventSeries.objects.get(key=festival.translation_key)
    assert series.longest_occurrence == datetime.timedelta(days=3)
    festival.end_date = days(2)
    festival.save_revision().publish()
    series.refresh_from_db()
    assert series.longest_occurrence == datetime.timedelta(days=1)


def test_window_start_is_bounded_by_the_longest_occurrence(publish):
    publish(title="Konsert", start_date=days(3))
    publish(
        title="Utställning",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=days(-20),
        end_date=days(9),
    )
    start = start_of(days(5))
    queryset = EventOccurrence.objects.overlapping(start, start + datetime.timedelta(days=1))
    bounds = [
        child.rhs
        for child in queryset.query.where.children
        if getattr(child, "lookup_name", None) == "gte" and child.lhs.target.name == "start"
    ]
    assert bounds == [start - datetime.timedelta(days=30)]
    plain = EventOccurrence.objects.filter(
        Q(end__gt=start) | Q(start__gte=start), start__lt=start + datetime.timedelta(days=1)
    )
    assert list(queryset) == list(plain)
    assert [row.event.title for row in queryset] == ["Utställning"]


def test_a_month_long_exhibition_is_listed_in_a_later_window(client, publish):
    publish(
        title="Utställning",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=days(-40),
        end_date=days(40),
    )
    publish(title="Konsert", start_date=days(-2))
    body = client.get(
        "/api/events/", {"start": days(10).isoformat(), "end": days(12).isoformat()}
    ).json()
    assert [row["event"]["title"] for row in body["results"]] == ["Utställning"]
    assert body["count"] == 1
    assert timezone.localdate() == TODAY


def test_page_urls_are_wagtails_own(client, publish, en):
    """The list builds URLs once per parent; each must still be what the page itself says."""
    meeting = publish(title="Årsmöte", slug="årsmöte", start_date=days(2))
    translate(meeting, en, {"Årsmöte": "Annual meeting"})
    publish(title="Dans", slug="dans-på-logen", start_date=days(3))
    window = {"start": days(0).isoformat(), "end": days(5).isoformat()}
    for locale in ("sv", "en"):
        rows = client.get("/api/events/", {"locale": locale, **window}).json()["results"]
        shown = {
            row["event"]["url"]: EventPage.objects.get(
                translation_key=row["id"], locale__language_code=row["event"]["locale"]
            )
            for row in rows
        }
        assert len(shown) == 2
        for url, page in shown.items():
            assert url == "http://testserver" + page.get_url()
    assert "/en/calendar/" in str(shown)
    assert "/sv/kalender/dans-p%C3%A5-logen/" in str(shown)
