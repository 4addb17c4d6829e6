"""The public calendar and event pages, as a visitor sees them without JavaScript."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.localize import translate
from apps.events.factories import VenueFactory
from apps.events.models import EventCancellation
from apps.network.factories import OrganisationFactory
from tests.clock import TODAY, days

pytestmark = pytest.mark.django_db


def test_list_groups_by_day_and_includes_events_under_way(client, publish):
    publish(
        title="Hembygdsfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=days(-1),
        end_date=days(1),
    )
    publish(title="Körkonsert", start_date=days(2))
    response = client.get("/sv/kalender/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Hembygdsfestival") < html.index("Körkonsert")
    assert f'datetime="{TODAY.isoformat()}"' in html
    assert 'href="/calendar.ics' in html


def test_filters_and_errors_without_javascript(client, publish):
    publish(title="Gratis vandring", start_date=days(2), is_free=True)
    publish(title="Teater", start_date=days(3), is_free=False, price_amount=150)
    html = client.get("/sv/kalender/", {"free": "true"}).content.decode()
    assert "Gratis vandring" in html and "Teater" not in html
    bad = client.get("/sv/kalender/", {"start": "tomorrowish"})
    assert bad.status_code == 400
    assert 'role="alert"' in bad.content.decode()


def test_english_calendar_marks_swedish_only_events(client, publish, en):
    translated = publish(title="Vårkonsert", start_date=days(2))
    translate(translated, en, {"Vårkonsert": "Spring concert"})
    publish(title="Slåtterdag", start_date=days(3))
    html = client.get("/en/calendar/").content.decode()
    assert "Spring concert" in html and "Vårkonsert" not in html
    assert 'lang="sv"' in html and "In Swedish" in html


def test_month_view_shows_multi_day_events_on_each_day(client, publish, calendar):
    start = datetime.date(2027, 7, 9)
    publish(
        title="Sommarfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=start,
        end_date=start + datetime.timedelta(days=2),
    )
    response = client.get("/sv/kalender/manad/2027-07/")
    assert response.status_code == 200
    assert response.content.decode().count("Sommarfestival") == 3
    assert client.get("/en/calendar/month/2027-07/").status_code == 200
    assert client.get("/sv/kalender/manad/2027-13/").status_code == 404


def test_event_page_lists_dates_map_ics_and_json_ld(client, publish):
    page = publish(
        title="Stickcafé",
        start_date=days(1),
        frequency="weekly",
        ends="after",
        count=3,
        rows={"cancellations": [EventCancellation(date=days(8), note="Ledaren är sjuk")]},
    )
    html = client.get(page.url).content.decode()
    assert html.count("<time") >= 3
    assert "Ledaren är sjuk" in html
    assert "openstreetmap.org" in html
    assert f"/calendar/{page.translation_key}.ics" in html
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script.group(1))
    assert [item["eventStatus"].rsplit("/", 1)[1] for item in data] == [
        "EventScheduled",
        "EventCancelled",
        "EventScheduled",
    ]
    first = data[0]
    assert first["@type"] == "Event" and first["name"] == "Stickcafé"
    assert first["location"]["address"]["addressLocality"] == "Vimmerby"
    assert first["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert first["offers"]["price"] == "0"
    assert first["organizer"]["name"] == page.organiser.name


def _count(client, path):
    cache.clear()  # counted as when nothing is kept yet (filter choices, feed texts)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def _populate(publish, n, offset):
    for i in range(n):
        publish(
            start_date=days(1 + (i + offset) % 20),
            frequency="weekly" if i % 2 else "",
            ends="after",
            count=2,
            venue=VenueFactory(),
            organiser=OrganisationFactory(),
        )


def test_list_and_month_query_counts_do_not_grow(client, publish, calendar):
    month = days(10)
    paths = ["/sv/kalender/", f"/sv/kalender/manad/{month:%Y-%m}/", "/en/calendar/"]
    _populate(publish, 2, 0)
    for path in paths:
        client.get(path)
    few = [_count(client, path) for path in paths]
    _populate(publish, 12, 3)
    many = [_count(client, path) for path in paths]
    assert few == many
