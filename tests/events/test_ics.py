"""The iCalendar feeds are valid RFC 5545 and, expanded by an independent implementation
(recurring-ical-events), give exactly the occurrences the API gives — across a DST change."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.events.models import (
    EventCancellation,
    EventCategoryLink,
    EventExcludedDate,
    EventExtraDate,
)
from apps.network.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Summer time starts on 28 March 2027; the window spans it.
WINDOW = (datetime.date(2027, 3, 15), datetime.date(2027, 4, 15))


@pytest.fixture
def spring(publish):
    weekly = publish(
        title="Stickcafé",
        start_date=datetime.date(2027, 3, 2),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        frequency="weekly",
        ends="on",
        until=datetime.date(2027, 4, 13),
        rows={
            "excluded_dates": [EventExcludedDate(date=datetime.date(2027, 3, 23))],
            "extra_dates": [EventExtraDate(date=datetime.date(2027, 4, 1))],
            "cancellations": [EventCancellation(date=datetime.date(2027, 3, 30), note="Påsk")],
        },
    )
    festival = publish(
        title="Vårfestival",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2027, 4, 2),
        end_date=datetime.date(2027, 4, 4),
    )
    monthly = publish(
        title="Kommunfullmäktige",
        start_date=datetime.date(2027, 1, 12),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(12, 0),
        frequency="monthly",
        monthly_by="weekday",
        ends="after",
        count=6,
    )
    return weekly, festival, monthly


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def as_comparable(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC)
    return value


def api_occurrences(client):
    start, end = WINDOW
    response = client.get(
        "/api/events/", {"start": start.isoformat(), "end": end.isoformat(), "page_size": 100}
    )
    result = set()
    for row in response.json()["results"]:
        if row["all_day"]:
            begin = datetime.date.fromisoformat(row["start"])
            finish = datetime.date.fromisoformat(row["end"])
        else:
            begin = datetime.datetime.fromisoformat(row["start"]).astimezone(datetime.UTC)
            finish = datetime.datetime.fromisoformat(row["end"]).astimezone(datetime.UTC)
        result.add((row["event"]["title"], begin, finish, row["status"] == "cancelled"))
    return result


def feed_occurrences(calendar):
    start, end = WINDOW
    expanded = recurring_ical_events.of(calendar).between(start, end + datetime.timedelta(days=1))
    return {
        (
            str(event["SUMMARY"]),
            as_comparable(event["DTSTART"].dt),
            as_comparable(event["DTEND"].dt),
            str(event.get("STATUS")) == "CANCELLED",
        )
        for event in expanded
    }


def test_feed_expands_to_the_same_occurrences_as_the_api(client, spring):
    start, end = WINDOW
    calendar = parse(
        client.get("/calendar.ics", {"start": start.isoformat(), "end": end.isoformat()})
    )
    from_api = api_occurrences(client)
    assert from_api == feed_occurrences(calendar)
    stick = sorted(o for o in from_api if o[0] == "Stickcafé")
    # 18:00 local on both sides of the change: 17:00 UTC in winter, 16:00 UTC in summer.
    assert [o[1].astimezone(STOCKHOLM).strftime("%m-%d %H:%M") for o in stick] == [
        "03-16 18:00",
        "03-30 18:00",
        "04-01 18:00",
        "04-06 18:00",
        "04-13 18:00",
    ]
    assert [o[1].hour for o in stick] == [17, 16, 16, 16, 16]
    assert [o[3] for o in stick] == [False, True, False, False, False]


def test_feed_follows_rfc_5545(client, spring):
    weekly, festival, _monthly = spring
    calendar = parse(client.get("/calendar.ics", {"start": "2027-03-01", "end": "2027-04-30"}))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    events = calendar.walk("VEVENT")
    stick = [e for e in events if e["UID"].startswith(str(weekly.translation_key))]
    master = next(e for e in stick if "RECURRENCE-ID" not in e)
    override = next(e for e in stick if "RECURRENCE-ID" in e)
    assert master["DTSTART"].params["TZID"] == "Europe/Stockholm"
    until = master["RRULE"]["UNTIL"][0]
    assert until == datetime.datetime(2027, 4, 13, 16, 0, tzinfo=datetime.UTC)
    assert b"UNTIL=20270413T160000Z" in master.to_ical()
    assert master["DTSTAMP"].dt.tzinfo is not None
    assert master["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert override["STATUS"] == "CANCELLED"
    assert override["UID"] == master["UID"]
    fest = next(e for e in events if e["UID"].startswith(str(festival.translation_key)))
    assert fest["DTSTART"].dt == datetime.date(2027, 4, 2)
    assert fest["DTEND"].dt == datetime.date(2027, 4, 5)


def test_uid_is_stable_and_sequence_grows_when_the_schedule_changes(client, spring):
    weekly = spring[0]
    path = f"/calendar/{weekly.translation_key}.ics"
    before = parse(client.get(path)).walk("VEVENT")[0]
    again = parse(client.get(path)).walk("VEVENT")[0]
    assert before["UID"] == again["UID"] and before["SEQUENCE"] == again["SEQUENCE"] == 0
    weekly.start_time = datetime.time(19, 0)
    weekly.end_time = datetime.time(21, 0)
    weekly.save_revision().publish()
    after = parse(client.get(path)).walk("VEVENT")[0]
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == 1


def test_feed_filters_and_errors(client, spring):
    calendar = parse(client.get("/calendar.ics", {"q": "festival", "start": "2027-03-01"}))
    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {"Vårfestival"}
    bad = client.get("/calendar.ics", {"start": "tomorrowish"})
    assert bad.status_code == 400
    assert "start" in bad.json()["error"]["fields"]
    assert client.get("/calendar/00000000-0000-0000-0000-000000000000.ics").status_code == 404


def test_plain_feed_reaches_a_year_ahead(client, publish, settings):
    """A subscription without dates still lists a series that starts in ten months."""
    today = timezone.localdate()
    later = publish(title="Höstmarknad", start_date=today + relativedelta(months=10))
    soon = publish(title="Stickcafé", start_date=today + datetime.timedelta(days=3))
    titles = {str(e["SUMMARY"]) for e in parse(client.get("/calendar.ics")).walk("VEVENT")}
    assert titles == {later.title, soon.title}
    settings.BYGD_EVENT_FEED_MONTHS = 6
    titles = {str(e["SUMMARY"]) for e in parse(client.get("/calendar.ics")).walk("VEVENT")}
    assert titles == {soon.title}


def test_feed_name_says_what_is_filtered_in_the_feeds_language(client, publish, sv, en):
    music = EventCategoryFactory(slug="musik", name="Musik", locale=sv)
    EventCategoryFactory(
        slug="musik", name="Music", locale=en, translation_key=music.translation_key
    )
    organiser = OrganisationFactory(slug="hembygdsforeningen", name="Hembygdsföreningen")
    event = publish(title="Spelmansstämma", organiser=organiser)
    event.categories.add(EventCategoryLink(category=music))
    event.save_revision().publish()

    def name(**params):
        return str(parse(client.get("/calendar.ics", params))["X-WR-CALNAME"])

    assert name() == "Evenemangskalender"
    assert name(locale="en") == "Event calendar"
    filtered = {"category": "musik", "municipality": "SE-0884", "organiser": organiser.slug}
    assert name(**filtered, audience="children") == (
        "Evenemangskalender: Musik · Vimmerby · Hembygdsföreningen · Barn"
    )
    assert name(**filtered, locale="en") == (
        "Event calendar: Music · Vimmerby · Hembygdsföreningen"
    )


def test_feed_name_says_venue_ages_and_language(client, publish, sv, en):
    hall = VenueFactory(name="Folkets hus")
    publish(title="Pubquiz", venue=hall, age_min=18, event_language="en")

    def name(**params):
        return str(parse(client.get("/calendar.ics", params))["X-WR-CALNAME"])

    assert name(venue=hall.slug, age_from=10, age_to=15, event_language="en") == (
        "Evenemangskalender: Folkets hus · 10–15 år · Engelska"
    )
    assert name(venue=hall.slug, age_from=10, locale="en") == (
        "Event calendar: Folkets hus · ages 10 and up"
    )
    assert name(age_to=12, locale="en") == "Event calendar: ages up to 12"
    response = client.get("/calendar.ics", {"age_from": "old"})
    assert response.status_code == 400 and "age_from" in response.json()["error"]["fields"]


def test_named_feed_query_count_is_flat(client, publish, sv):
    """Naming the feed after its filters costs a fixed number of queries, however many match."""
    music = EventCategoryFactory(slug="musik", name="Musik", locale=sv)
    organiser = OrganisationFactory(slug="hembygdsforeningen")
    params = {"category": "musik", "organiser": organiser.slug, "municipality": "SE-0884"}

    def add(count):
        for number in range(count):
            page = publish(
                title=f"Stämma {number}",
                organiser=organiser,
                start_date=timezone.localdate() + datetime.timedelta(days=number + 1),
            )
            page.categories.add(EventCategoryLink(category=music))
            page.save_revision().publish()

    def queries():
        cache.clear()  # counted as when nothing is kept yet: the feed renders every series
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/calendar.ics", params).status_code == 200
        return len(captured)

    add(1)
    queries()
    few = queries()
    add(6)
    assert queries() == few
