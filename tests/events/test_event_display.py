"""How an event reads in the calendar's HTML: its own wall-clock times and zone, Swedish wording,
dates ranges, thumbnails and featured events on the home page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
HELSINKI = ZoneInfo("Europe/Helsinki")


def days(n):
    return TODAY + datetime.timedelta(days=n)


def test_an_event_in_another_zone_shows_its_own_times_and_zone_everywhere(client, publish):
    day = days(10)
    page = publish(title="Konsert i Helsingfors", start_date=day, time_zone="Europe/Helsinki")
    expected = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=HELSINKI)
    offset = expected.strftime("%z")
    assert offset in ("+0200", "+0300")

    event_html = client.get(page.url).content.decode()
    assert "18:00" in event_html and "Europe/Helsinki" in event_html

    list_html = client.get("/sv/kalender/").content.decode()
    row = list_html[list_html.index('class="occurrence') :]
    row = row[: row.index("</li>")]
    assert "18:00" in row and "Europe/Helsinki" in row
    assert f'datetime="{expected.isoformat()}"' in row

    month_html = client.get(f"/sv/kalender/manad/{day:%Y-%m}/").content.decode()
    cell = month_html[month_html.index("Konsert i Helsingfors") - 300 :]
    cell = cell[: cell.index("</li>")]
    assert "18:00" in cell and "Europe/Helsinki" in cell

    results = client.get("/api/events/").json()["results"]
    assert results[0]["start"] == expected.isoformat()
    assert results[0]["start"].endswith(offset[:3] + ":" + offset[3:])
    assert results[0]["event"]["time_zone"] == "Europe/Helsinki"


def test_an_event_in_the_site_zone_has_no_zone_label(client, publish):
    publish(title="Stickcafé", start_date=days(3))
    html = client.get("/sv/kalender/").content.decode()
    assert "Europe/Stockholm" not in html


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)
