"""Listings and feeds at more dates than their limits: they page or say what is left out,
never cut silently. The limits are set low so a few events are "many"."""

import datetime
import re

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.clock import TODAY

pytestmark = pytest.mark.django_db

CROWDED = datetime.date(2027, 1, 15)


@pytest.fixture
def low_limits(settings):
    settings.BYGD_EVENT_GRID_LIMIT = 5
    settings.BYGD_EVENT_GRID_DAY_ITEMS = 5
    settings.BYGD_EVENT_FEED_MAX_SERIES = 5


@pytest.fixture
def crowded_january(publish, low_limits):
    for number in range(12):
        publish(title=f"Trängsel {number:02d}", start_date=CROWDED)
    publish(title="Senare konsert", start_date=datetime.date(2027, 1, 20))
    publish(title="Sista dansen", start_date=datetime.date(2027, 1, 29))


def _queries(client, path):
    cache.clear()  # counted as when nothing is kept yet (filter choices, feed texts)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_crowded_month_shows_every_day_and_how_many_more(client, crowded_january):
    html = client.get("/sv/kalender/manad/2027-01/").content.decode()
    assert html.count("Trängsel") == 5
    assert "Senare konsert" in html and "Sista dansen" in html
    link = re.search(r'<a class="more" href="([^"]+)">([^<]+)</a>', html)
    assert link.group(1) == f"/sv/kalender/dag/{CROWDED.isoformat()}/"
    assert link.group(2).startswith("+ 7 ")


def test_crowded_week_links_the_crowded_day(client, crowded_january):
    html = client.get("/sv/kalender/vecka/2027-W02/").content.decode()
    assert html.count("Trängsel") == 5
    assert f'href="/sv/kalender/dag/{CROWDED.isoformat()}/"' in html and ">+ 7 " in html


def test_day_view_pages_through_all_dates(client, crowded_january):
    path = f"/sv/kalender/dag/{CROWDED.isoformat()}/"
    seen = []
    url = path
    while url:
        html = client.get(url).content.decode()
        assert re.search(r">12 \w+</h2>", html)
        seen += re.findall(r"Trängsel \d\d", html)
        following = re.search(r'rel="next" href="(\?[^"]+)"', html)
        url = path + following.group(1).replace("&amp;", "&") if following else None
    assert sorted(seen) == [f"Trängsel {number:02d}" for number in range(12)]


def test_crowded_month_counts_a_new_date_at_once(client, crowded_january, publish):
    path = "/sv/kalender/manad/2027-01/"
    assert ">+ 7 " in client.get(path).content.decode()
    publish(title="Trängsel 12", start_date=CROWDED)
    html = client.get(path).content.decode()
    assert ">+ 8 " in html and html.count("Trängsel") == 5


def test_crowded_month_query_count_stays_flat(client, crowded_january, publish):
    path = "/sv/kalender/manad/2027-01/"
    client.get(path)
    few = _queries(client, path)
    for number in range(6):
        publish(title=f"Fler {number}", start_date=datetime.date(2027, 1, 3 + number))
    assert _queries(client, path) == few


def _summaries(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return [str(event["summary"]) for event in calendar.walk("VEVENT")]


def test_feed_splits_in_date_order_and_says_so(client, publish, low_limits):
    # Created latest-first, so the order of primary keys is the reverse of the dates'.
    for offset in range(8, 0, -1):
        publish(title=f"Dag {offset}", start_date=TODAY + datetime.timedelta(days=offset))
    first = client.get("/calendar.ics")
    assert first.status_code == 200
    assert sorted(_summaries(first)) == [f"Dag {offset}" for offset in range(1, 6)]
    assert "X-WR-CALDESC" in first.content.decode()
    next_url = re.fullmatch(r'<([^>]+)>; rel="next"', first["Link"]).group(1)
    assert "page=2" in next_url
    second = client.get(next_url)
    assert sorted(_summaries(second)) == [f"Dag {offset}" for offset in range(6, 9)]
    assert "Link" not in second and "X-WR-CALDESC" not in second.content.decode()


def test_feed_page_must_be_a_page_number(client, publish, low_limits):
    for value in ("0", "två"):
        response = client.get("/calendar.ics", {"page": value})
        assert response.status_code == 400
        assert "page" in response.json()["error"]["message"]


def test_split_feed_query_count_stays_flat(client, publish, low_limits):
    for offset in range(1, 8):
        publish(start_date=TODAY + datetime.timedelta(days=offset))
    client.get("/calendar.ics")
    few = _queries(client, "/calendar.ics")
    for offset in range(8, 14):
        publish(start_date=TODAY + datetime.timedelta(days=offset))
    assert _queries(client, "/calendar.ics") == few


def test_calendar_subscribe_links_leave_out_the_listing_page(client, publish, low_limits):
    publish(start_date=TODAY + datetime.timedelta(days=2))
    html = client.get("/sv/kalender/", {"page": "1"}).content.decode()
    assert "/calendar.ics?" in html and "page=" not in html.split("/calendar.ics?")[1][:80]
