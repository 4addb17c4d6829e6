"""The calendar feeds keep each series' VEVENT text until the series changes, and the full export
holds every series without a window; the calendar pages find their filter choices once per
content version. Each of these saves work that grew with the number of events."""

import datetime
from unittest import mock

import icalendar
import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.events import ics
from apps.network.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _summaries(body):
    return sorted(
        str(event["summary"]) for event in icalendar.Calendar.from_ical(body).walk("VEVENT")
    )


@pytest.fixture
def rendered():
    """Counts the series rendered through icalendar."""
    with mock.patch("apps.events.feed_text.ics.series_events", wraps=ics.series_events) as spy:
        yield spy


def test_feed_renders_a_series_again_only_when_it_changes(client, publish, rendered):
    today = timezone.localdate()
    first = publish(title="Stickcafé", start_date=today + datetime.timedelta(days=3))
    publish(title="Körkväll", start_date=today + datetime.timedelta(days=4))
    body = client.get("/calendar.ics").content
    assert rendered.call_count == 2
    assert client.get("/calendar.ics").content == body
    assert rendered.call_count == 2
    first.title = "Stickcafé och fika"
    first.save_revision().publish()
    assert _summaries(client.get("/calendar.ics").content) == ["Körkväll", "Stickcafé och fika"]
    assert rendered.call_count == 3


def test_feed_is_what_icalendar_writes_for_the_whole_calendar(client, publish):
    today = timezone.localdate()
    publish(title="Stickcafé", start_date=today + datetime.timedelta(days=3))
    publish(title="Körkväll", start_date=today + datetime.timedelta(days=4))
    body = client.get("/calendar.ics").content
    calendar = icalendar.Calendar.from_ical(body)
    assert ics.render(calendar) == body
    assert [component.name for component in calendar.subcomponents][:1] == ["VTIMEZONE"]


def test_full_export_holds_every_series_without_a_window(client, publish, settings):
    settings.BYGD_EVENT_FEED_MAX_SERIES = 2
    today = timezone.localdate()
    titles = []
    for number, start in enumerate(
        [
            today - datetime.timedelta(days=40),
            today + datetime.timedelta(days=2),
            today + datetime.timedelta(days=5),
            today + relativedelta(months=15),
        ]
    ):
        titles.append(publish(title=f"Evenemang {number}", start_date=start).title)
    response = client.get("/calendar/all.ics")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert _summaries(body) == sorted(titles)
    assert "Link" not in response and b"X-WR-CALDESC" not in body
    assert _summaries(client.get("/calendar.ics").content) == titles[1:3]


def test_full_export_takes_filters_but_no_window(client, publish):
    today = timezone.localdate()
    choir = OrganisationFactory(slug="kören")
    publish(title="Körkväll", organiser=choir, start_date=today + datetime.timedelta(days=2))
    publish(title="Stickcafé", start_date=today + datetime.timedelta(days=2))
    response = client.get("/calendar/all.ics", {"organiser": "kören"})
    assert _summaries(b"".join(response.streaming_content)) == ["Körkväll"]
    for params in ({"start": "2027-01-01"}, {"page": "2"}, {"organiser": "okänd"}):
        response = client.get("/calendar/all.ics", params)
        assert response.status_code == 400
        assert list(params) == list(response.json()["error"]["fields"])


def test_full_export_query_count_grows_by_chunks_not_series(client, publish, monkeypatch):
    monkeypatch.setattr("apps.events.export.CHUNK", 2)
    today = timezone.localdate()
    for number in range(4):
        publish(title=f"Evenemang {number}", start_date=today + datetime.timedelta(days=number))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get("/calendar/all.ics").streaming_content)
        return len(captured)

    queries()
    assert queries() == queries()


def test_calendar_pages_find_filter_choices_once_per_content_version(client, publish):
    today = timezone.localdate()
    publish(title="Stickcafé", start_date=today + datetime.timedelta(days=3))
    path = f"/sv/kalender/manad/{today:%Y-%m}/"
    client.get(path)  # creates the site's settings, which moves the content version
    client.get(path)
    with CaptureQueriesContext(connection) as again:
        client.get(path)
    assert not [query for query in again if "network_organisation" in query["sql"]]
    publish(
        title="Körkväll",
        organiser=OrganisationFactory(name="Kören i byn"),
        start_date=today + datetime.timedelta(days=3),
    )
    assert "Kören i byn" in client.get(path).content.decode()
