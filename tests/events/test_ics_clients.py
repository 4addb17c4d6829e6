"""Calendar clients that read the feed's own VTIMEZONE show the same instants as /api/events/ for
a whole year, summer time included. Two independent readers: recurring-ical-events (Python) and
ical.js (the parser behind Thunderbird and FullCalendar's iCalendar plugin), which reads only the
first value of a comma-separated RDATE, so the time zone must be written with yearly RRULEs."""

import datetime

import icalendar
import pytest
import recurring_ical_events

from tests.ical_js import YEAR

pytestmark = pytest.mark.django_db


def in_year(rows):
    start, end = YEAR
    first = datetime.datetime.combine(start, datetime.time(), tzinfo=datetime.UTC)
    last = datetime.datetime.combine(end, datetime.time(), tzinfo=datetime.UTC)
    return {row for row in rows if first <= row[1] < last}


def with_python(content):
    start, end = YEAR
    calendar = icalendar.Calendar.from_ical(content)
    return {
        (
            str(event["SUMMARY"]),
            event["DTSTART"].dt.astimezone(datetime.UTC),
            event["DTEND"].dt.astimezone(datetime.UTC),
            str(event.get("STATUS")) == "CANCELLED",
        )
        for event in recurring_ical_events.of(calendar).between(start, end)
    }


@pytest.fixture
def year_of_events(publish):
    weekly = publish(
        title="Stickcafé",
        start_date=datetime.date(2027, 1, 5),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        frequency="weekly",
        ends="on",
        until=datetime.date(2027, 12, 28),
    )
    summer = publish(
        title="Midsommarkonsert",
        start_date=datetime.date(2027, 7, 15),
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 0),
    )
    return weekly, summer


def api_instants(client):
    start, end = YEAR
    response = client.get(
        "/api/events/",
        {"start": str(start), "end": str(end), "page_size": 100},
    )
    rows = response.json()["results"]
    assert response.json()["count"] == len(rows) == 53
    return {
        (
            row["event"]["title"],
            datetime.datetime.fromisoformat(row["start"]).astimezone(datetime.UTC),
            datetime.datetime.fromisoformat(row["end"]).astimezone(datetime.UTC),
            row["status"] == "cancelled",
        )
        for row in rows
    }


def feeds(client, events):
    start, end = YEAR
    whole = client.get("/calendar.ics", {"start": str(start), "end": str(end)})
    assert whole.status_code == 200
    yield "calendar.ics", whole.content
    for event in events:
        single = client.get(f"/calendar/{event.translation_key}.ics")
        assert single.status_code == 200
        yield event.title, single.content


def test_python_reader_sees_the_api_instants_all_year(client, year_of_events):
    expected = api_instants(client)
    summer = {row for row in expected if row[1].month == 7}
    assert {row[1].hour for row in summer} == {16, 17}  # 18:00 and 19:30 CEST
    for name, content in feeds(client, year_of_events):
        wanted = expected if name == "calendar.ics" else {r for r in expected if r[0] == name}
        assert in_year(with_python(content)) == wanted, name


def test_ical_js_sees_the_api_instants_all_year(client, year_of_events, ical_js):
    expected = api_instants(client)
    for name, content in feeds(client, year_of_events):
        wanted = expected if name == "calendar.ics" else {r for r in expected if r[0] == name}
        seen = in_year(ical_js(content))
        assert sorted(seen - wanted) == [] and sorted(wanted - seen) == [], name


def test_time_zone_repeats_yearly_instead_of_listing_dates(client, year_of_events):
    start, end = YEAR
    content = client.get("/calendar.ics", {"start": str(start), "end": str(end)}).content
    (zone,) = icalendar.Calendar.from_ical(content).walk("VTIMEZONE")
    rules = {part.name: part for part in zone.subcomponents}
    assert set(rules) == {"STANDARD", "DAYLIGHT"}
    assert dict(rules["DAYLIGHT"]["RRULE"]) == {
        "FREQ": ["YEARLY"],
        "BYMONTH": [3],
        "BYDAY": ["-1SU"],
    }
    assert dict(rules["STANDARD"]["RRULE"]) == {
        "FREQ": ["YEARLY"],
        "BYMONTH": [10],
        "BYDAY": ["-1SU"],
    }
    assert rules["DAYLIGHT"]["DTSTART"].dt == datetime.datetime(1996, 3, 31, 2, 0)
    assert rules["STANDARD"]["DTSTART"].dt == datetime.datetime(1996, 10, 27, 3, 0)
    assert "RDATE" not in rules["DAYLIGHT"] and "RDATE" not in rules["STANDARD"]


def test_both_readers_see_a_moved_date_at_its_new_time_only(client, publish, ical_js):
    """The override (same UID, RECURRENCE-ID = the original start) replaces the instance in
    both readers: the date shows at its new time, and the original time is gone."""
    from apps.events.factories import VenueFactory
    from apps.events.models import EventMovedDate

    page = publish(
        title="Körövning",
        start_date=datetime.date(2027, 3, 2),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        frequency="weekly",
        ends="after",
        count=4,
        rows={
            "moved_dates": [
                EventMovedDate(
                    date=datetime.date(2027, 3, 16),
                    start_date=datetime.date(2027, 3, 17),
                    start_time=datetime.time(19, 0),
                    end_time=datetime.time(21, 30),
                    venue=VenueFactory(name="Folkets hus"),
                )
            ]
        },
    )
    start, end = YEAR
    rows = client.get("/api/events/", {"start": str(start), "end": str(end)}).json()["results"]
    expected = {
        (
            row["event"]["title"],
            datetime.datetime.fromisoformat(row["start"]).astimezone(datetime.UTC),
            datetime.datetime.fromisoformat(row["end"]).astimezone(datetime.UTC),
            False,
        )
        for row in rows
    }
    moved = (
        "Körövning",
        datetime.datetime(2027, 3, 17, 18, 0, tzinfo=datetime.UTC),
        datetime.datetime(2027, 3, 17, 20, 30, tzinfo=datetime.UTC),
        False,
    )
    assert len(expected) == 4 and moved in expected
    assert not any(
        row[1] == datetime.datetime(2027, 3, 16, 17, 0, tzinfo=datetime.UTC) for row in expected
    )
    for name, content in feeds(client, [page]):
        assert in_year(with_python(content)) == expected, name
        assert in_year(ical_js(content)) == expected, name
