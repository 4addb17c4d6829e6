"""The month grid reads its dates and their pages as plain values (apps/events/cells.py), not
as models: each cell must still say what the other views say about a date (time, zone, status,
a moved date's origin and place, the language of a fallback page, its address), and a grid of
many events from another language's calendar must still cost a fixed number of queries."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import translate
from apps.events.factories import VenueFactory
from apps.events.models import EventCancellation, EventMovedDate
from apps.network.factories import municipality

pytestmark = pytest.mark.django_db

MONTH = "/sv/kalender/manad/2027-03/"
ENGLISH_MONTH = "/en/calendar/month/2027-03/"


def _cells(html, title):
    """The grid's list items that name ``title``."""
    return [item for item in re.findall(r"<li[^>]*>.*?</li>", html, re.S) if title in item]


def _weekly(publish, title, **fields):
    return publish(
        title=title,
        start_date=datetime.date(2027, 3, 2),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        frequency="weekly",
        ends="after",
        count=4,
        **fields,
    )


def test_cells_show_cancelled_and_moved_dates_with_their_new_place(client, publish):
    hall = VenueFactory(name="Folkets hus", municipality=municipality("0860"))
    move = EventMovedDate(
        date=datetime.date(2027, 3, 16),
        start_date=datetime.date(2027, 3, 17),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(21, 30),
        venue=hall,
        note="Lokalen är upptagen.",
    )
    cancel = EventCancellation(date=datetime.date(2027, 3, 9), note="Ledaren är sjuk")
    page = _weekly(publish, "Stickcafé", rows={"moved_dates": [move], "cancellations": [cancel]})
    cells = _cells(client.get(MONTH).content.decode(), "Stickcafé")
    assert len(cells) == 4
    cancelled = [cell for cell in cells if "is-cancelled" in cell]
    assert len(cancelled) == 1 and "(Inställt)" in cancelled[0]
    moved = [cell for cell in cells if "Flyttad" in cell]
    assert len(moved) == 1
    assert "19:00" in moved[0] and "Flyttad från 16 mars, 18:00 · på Folkets hus" in moved[0]
    assert ": Lokalen är upptagen." in moved[0]
    assert all(f'href="{page.url}"' in cell for cell in cells)


def test_a_date_moved_within_its_own_venue_names_no_place(client, publish):
    move = EventMovedDate(
        date=datetime.date(2027, 3, 16),
        start_date=datetime.date(2027, 3, 17),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(21, 30),
    )
    _weekly(publish, "Stickcafé", rows={"moved_dates": [move]})
    moved = _cells(client.get(MONTH).content.decode(), "Flyttad")
    assert len(moved) == 1 and " · " not in moved[0]


def test_english_month_marks_and_links_swedish_only_events(client, publish, en):
    swedish = _weekly(publish, "Slåtterdag")
    translated = _weekly(publish, "Vårkonsert")
    english = translate(translated, en, {"Vårkonsert": "Spring concert"})
    html = client.get(ENGLISH_MONTH).content.decode()
    fallback = _cells(html, "Slåtterdag")
    assert len(fallback) == 4
    assert all('lang="sv"' in cell and f'href="{swedish.url}"' in cell for cell in fallback)
    assert swedish.url.startswith("/sv/kalender/")
    own = _cells(html, "Spring concert")
    assert len(own) == 4 and "Vårkonsert" not in html
    assert all("lang=" not in cell and f'href="{english.url}"' in cell for cell in own)


def _queries(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_month_query_count_stays_flat_with_fallbacks_from_another_calendar(client, publish):
    _weekly(publish, "Slåtterdag")
    client.get(ENGLISH_MONTH)
    few = _queries(client, ENGLISH_MONTH)
    for number in range(5):
        _weekly(publish, f"Vandring {number}")
    assert _queries(client, ENGLISH_MONTH) == few
