"""import_ics brings another calendar in as drafts, idempotently, or refuses it as a whole."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from apps.events.factories import VenueFactory
from apps.events.models import EventOccurrence, EventPage
from apps.network.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Hembygdsföreningen//Kalender//SV
BEGIN:VEVENT
UID:stick-1@hembygd.example
DTSTAMP:20261101T120000Z
DTSTART;TZID=Europe/Stockholm:20270302T180000
DTEND;TZID=Europe/Stockholm:20270302T200000
RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270413T160000Z
EXDATE;TZID=Europe/Stockholm:20270323T180000
SUMMARY:Stickcafé
DESCRIPTION:Vi stickar och fikar.
LOCATION:Bygdegården Frödinge, Frödinge
END:VEVENT
BEGIN:VEVENT
UID:stick-1@hembygd.example
DTSTAMP:20261101T120000Z
RECURRENCE-ID;TZID=Europe/Stockholm:20270330T180000
DTSTART;TZID=Europe/Stockholm:20270330T180000
DTEND;TZID=Europe/Stockholm:20270330T200000
STATUS:CANCELLED
SUMMARY:Stickcafé
DESCRIPTION:Påskuppehåll
END:VEVENT
BEGIN:VEVENT
UID:marknad-2027@hembygd.example
DTSTAMP:20261101T120000Z
DTSTART;VALUE=DATE:20270710
DTEND;VALUE=DATE:20270712
SUMMARY:Sommarmarknad
LOCATION:Bygdegården Frödinge
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture
def source(tmp_path, calendar):
    VenueFactory(name="Bygdegården Frödinge")
    OrganisationFactory(slug="frodinge-hembygdsforening")
    path = tmp_path / "calendar.ics"
    path.write_text(FEED, encoding="utf-8")
    return path


def run(path, **options):
    out = StringIO()
    with translation.override("en"):
        call_command(
            "import_ics", str(path), organiser="frodinge-hembygdsforening", stdout=out, **options
        )
    return out.getvalue()


def test_imports_drafts_with_schedule_and_is_idempotent(source):
    output = run(source)
    assert "2 created" in output
    stick = EventPage.objects.get(ical_uid="stick-1@hembygd.example")
    assert not stick.live
    latest = stick.get_latest_revision_as_object()
    assert (latest.frequency, latest.weekdays, latest.ends) == ("weekly", ["TU"], "on")
    assert latest.until == datetime.date(2027, 4, 13)
    assert latest.start_time == datetime.time(18, 0)
    assert [row.date for row in latest.excluded_dates.all()] == [datetime.date(2027, 3, 23)]
    assert [(row.date, row.note) for row in latest.cancellations.all()] == [
        (datetime.date(2027, 3, 30), "Påskuppehåll")
    ]
    market = EventPage.objects.get(ical_uid="marknad-2027@hembygd.example")
    assert market.all_day and market.end_date == datetime.date(2027, 7, 11)
    assert EventOccurrence.objects.count() == 0

    again = run(source)
    assert "0 created, 0 updated, 2 unchanged" in again
    assert EventPage.objects.count() == 2

    source.write_text(FEED.replace("SUMMARY:Sommarmarknad", "SUMMARY:Sommarmarknaden"))
    assert "1 updated" in run(source)
    market.refresh_from_db()
    assert market.get_latest_revision_as_object().title == "Sommarmarknaden"


def test_a_file_that_is_not_icalendar_is_refused_and_nothing_is_written(source):
    source.write_text("this is not a calendar", encoding="utf-8")
    with translation.override("en"), pytest.raises(CommandError, match="not a valid iCalendar"):
        run(source)
    assert EventPage.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            FEED.replace("RRULE:FREQ=WEEKLY;BYDAY=TU", "RRULE:FREQ=WEEKLY;BYSETPOS=1;BYDAY=TU"),
            "cannot express",
        ),
        (
            FEED.replace("LOCATION:Bygdegården Frödinge, Frödinge\n", "LOCATION:Okänd lada\n"),
            "No venue matches",
        ),
    ],
)
def test_an_unusable_event_is_reported_and_the_rest_imports(source, text, message):
    source.write_text(text, encoding="utf-8")
    output = run(source)
    assert "1 created" in output and "1 skipped" in output
    assert "Stickcafé (stick-1@hembygd.example): " in output and message in output
    assert list(EventPage.objects.values_list("ical_uid", flat=True)) == [
        "marknad-2027@hembygd.example"
    ]


def test_unknown_organiser_and_missing_file(source, tmp_path):
    with translation.override("en"), pytest.raises(CommandError, match="No organisation"):
        call_command("import_ics", str(source), organiser="finns-inte")
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "missing.ics")
