"""What import_ics keeps from the source: moved dates, the last date of a UTC UNTIL, the full
description, and a word about every event or line it could not use — in one language."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from apps.events.factories import VenueFactory
from apps.events.ics_import.text import plain
from apps.events.models import EventPage
from apps.events.recurrence import expand
from apps.network.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEAD = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Test//EN\n"
TAIL = "END:VCALENDAR\n"
WEEK = datetime.timedelta(days=7)


@pytest.fixture
def source(tmp_path, calendar):
    VenueFactory(name="Bygdegården Frödinge")
    OrganisationFactory(slug="frodinge-hembygdsforening")

    def write(body):
        path = tmp_path / "calendar.ics"
        path.write_text(HEAD + body + TAIL, encoding="utf-8")
        return path

    return write


def run(path, language="en"):
    out = StringIO()
    with translation.override(language):
        call_command("import_ics", str(path), organiser="frodinge-hembygdsforening", stdout=out)
    return out.getvalue()


def event(uid, *lines):
    body = "\n".join(lines)
    return f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261101T120000Z\n{body}\nEND:VEVENT\n"


def starts(uid):
    draft = EventPage.objects.get(ical_uid=uid).get_latest_revision_as_object()
    extra = [row.date for row in draft.extra_dates.all()]
    excluded = [row.date for row in draft.excluded_dates.all()]
    until = datetime.datetime(2028, 1, 1, tzinfo=datetime.UTC)
    occurrences = expand(draft, extra, excluded, {}, until)
    return [o.start.astimezone(draft.zone).replace(tzinfo=None) for o in occurrences]


SERIES = (
    "DTSTART;TZID=Europe/Stockholm:20270302T180000",
    "DTEND;TZID=Europe/Stockholm:20270302T200000",
    "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    "SUMMARY:Stickcafé",
    "LOCATION:Bygdegården Frödinge",
)


def moves(uid):
    draft = EventPage.objects.get(ical_uid=uid).get_latest_revision_as_object()
    return [
        (row.date, row.start_date, row.start_time, row.end_time, row.venue)
        for row in draft.moved_dates.all()
    ]


MOVED = event(
    "stick@x",
    "RECURRENCE-ID;TZID=Europe/Stockholm:20270316T180000",
    "DTSTART;TZID=Europe/Stockholm:20270317T180000",
    "DTEND;TZID=Europe/Stockholm:20270317T200000",
    "SUMMARY:Stickcafé",
)
TUESDAY, WEDNESDAY = datetime.date(2027, 3, 16), datetime.date(2027, 3, 17)


def test_a_moved_date_is_stored_as_a_move_of_that_date_and_reimporting_keeps_one(source):
    path = source(event("stick@x", *SERIES) + MOVED)
    output = run(path)
    assert "1 created" in output and "note:" not in output
    assert moves("stick@x") == [(TUESDAY, WEDNESDAY, None, None, None)]
    assert "1 unchanged" in run(path)
    assert moves("stick@x") == [(TUESDAY, WEDNESDAY, None, None, None)]


def test_a_new_time_and_place_of_one_date_are_kept_and_shown_at_the_new_time(source, client):
    church = VenueFactory(name="Kyrkbacken")
    run(source(event("stick@x", *SERIES) + MOVED))
    later = MOVED.replace("20270317T180000", "20270317T190000").replace(
        "SUMMARY:Stickcafé", "SUMMARY:Stickcafé\nLOCATION:Kyrkbacken, Frödinge"
    )
    output = run(source(event("stick@x", *SERIES) + later))
    assert "1 updated" in output and "note:" not in output
    # 19:00 to 20:00: the source's own end, not the series' two hours
    assert moves("stick@x") == [(TUESDAY, WEDNESDAY, datetime.time(19), datetime.time(20), church)]

    EventPage.objects.get(ical_uid="stick@x").get_latest_revision().publish()
    rows = client.get("/api/events/", {"start": "2027-03-01", "end": "2027-03-31"}).json()
    occurrence = next(row for row in rows["results"] if row["occurrence"] == "20270316T180000")
    assert occurrence["moved"] is True
    assert occurrence["start"] == "2027-03-17T19:00:00+01:00"
    assert occurrence["end"] == "2027-03-17T20:00:00+01:00"
    assert occurrence["original_start"] == "2027-03-16T18:00:00+01:00"
    assert occurrence["venue"]["name"] == "Kyrkbacken"
    starts_ = [row["start"] for row in rows["results"]]
    assert "2027-03-16T18:00:00+01:00" not in starts_ and len(starts_) == 4


def test_a_place_no_venue_matches_keeps_the_new_time_and_is_reported(source):
    elsewhere = MOVED.replace("20270317T18", "20270316T19").replace("20270317T20", "20270316T21")
    elsewhere = elsewhere.replace("SUMMARY:Stickcafé", "SUMMARY:Stickcafé\nLOCATION:Ängen")
    output = run(source(event("stick@x", *SERIES) + elsewhere))
    assert "1 created" in output
    assert "2027-03-16 moved to Ängen; Bygd keeps the series' venue" in output
    assert moves("stick@x") == [(TUESDAY, None, datetime.time(19), None, None)]


def test_a_cancelled_date_stays_a_cancellation_and_an_unknown_date_is_reported(source):
    cancelled = event(
        "stick@x",
        "RECURRENCE-ID;TZID=Europe/Stockholm:20270309T180000",
        "DTSTART;TZID=Europe/Stockholm:20270309T180000",
        "STATUS:CANCELLED",
        "DESCRIPTION:Sjukdom.",
    )
    unknown = MOVED.replace("20270316T180000", "20270318T180000")
    output = run(source(event("stick@x", *SERIES) + cancelled + unknown))
    assert "1 created" in output
    assert "The changed date 2027-03-18 was left out" in output
    draft = EventPage.objects.get(ical_uid="stick@x").get_latest_revision_as_object()
    assert [(row.date, row.note) for row in draft.cancellations.all()] == [
        (datetime.date(2027, 3, 9), "Sjukdom.")
    ]
    assert moves("stick@x") == []


@pytest.mark.parametrize(
    ("until", "last"),
    [
        # 16:59:59 in Stockholm: before the 17:00 start, so Sunday 31 January is not included
        ("20270131T155959Z", datetime.date(2027, 1, 24)),
        ("20270131T160000Z", datetime.date(2027, 1, 31)),
    ],
)
def test_a_utc_until_ends_the_series_where_the_source_does(source, until, last):
    series = event(
        "sondag@x",
        "DTSTART;TZID=Europe/Stockholm:20270103T170000",
        "DTEND;TZID=Europe/Stockholm:20270103T190000",
        f"RRULE:FREQ=WEEKLY;UNTIL={until}",
        "SUMMARY:Söndagsdans",
        "LOCATION:Bygdegården Frödinge",
    )
    run(source(series))
    assert last <= EventPage.objects.get().get_latest_revision_as_object().until < last + WEEK
    assert starts("sondag@x")[-1] == datetime.datetime.combine(last, datetime.time(17))


def test_unreadable_events_and_lines_are_reported_and_the_rest_imports(source):
    body = (
        "this line is garbage\n"
        + event("bad-start@x", "DTSTART:notadate", "SUMMARY:Trasig start")
        + event("no-start@x", "SUMMARY:Ingen start", "LOCATION:Bygdegården Frödinge")
        + event("bad-rule@x", *SERIES[:2], "RRULE:FREQ=WEEKLY;INTERVAL=x", "SUMMARY:Trasig regel")
        + event("odd-rule@x", *SERIES[:2], "RRULE:FREQ=WEEKLY;BYSETPOS=1", "SUMMARY:Udda regel")
        + event("good@x", *SERIES[:2], "garbage inside", "SUMMARY:Bra", SERIES[4])
    )
    output = run(source(body))
    assert "1 created, 0 updated, 0 unchanged, 5 skipped" in output
    assert "skipped: A line was ignored" in output and "this line is garbage" in output
    assert "Trasig start (bad-start@x): DTSTART cannot be read" in output
    assert "Ingen start (no-start@x): It has no start (DTSTART)." in output
    assert "Trasig regel (bad-rule@x): RRULE cannot be read" in output
    assert "Udda regel (odd-rule@x): It repeats in a way" in output
    assert "Bra (good@x): A line was ignored" in output and "garbage inside" in output
    assert list(EventPage.objects.values_list("ical_uid", flat=True)) == ["good@x"]


def test_the_whole_description_becomes_the_body_in_paragraphs(source):
    first = "Vi stickar och fikar. " * 30
    description = f"{first}\\n\\nTa med <egna> stickor.\\nKaffe finns."
    run(source(event("stick@x", *SERIES, f"DESCRIPTION:{description}")))
    page = EventPage.objects.get()
    assert [child.block_type for child in page.body] == ["paragraph"]
    assert page.body[0].value.source == (
        f"<p>{first.strip()}</p><p>Ta med &lt;egna&gt; stickor.<br/>Kaffe finns.</p>"
    )
    assert len(page.summary) <= 400 and page.summary.startswith("Vi stickar och fikar.")
    assert page.summary.endswith("…")
    assert "unchanged" in run(source(event("stick@x", *SERIES, f"DESCRIPTION:{description}")))
    assert "1 unchanged" in run(source(event("stick@x", *SERIES, f"DESCRIPTION:{description}")))


def test_the_output_is_in_one_language(source):
    path = source(event("stick@x", *SERIES) + event("no-start@x", "SUMMARY:Ingen start"))
    english = run(path)
    assert "1 created" in english and "1 skipped" in english and "skipped: Ingen start" in english
    EventPage.objects.all().delete()
    swedish = run(path, "sv")
    for word in ("created", "updated", "unchanged", "skipped", "event(s)", "It has no start"):
        assert word not in swedish
    assert "1 skapade" in swedish and "1 hoppades över" in swedish


def test_googles_html_descriptions_keep_their_paragraphs_and_plain_text_keeps_brackets():
    assert plain("<b>Hej</b><br>alla<p>Fika &amp; dans</p><p>Välkomna!</p>") == (
        "Hej\nalla\n\nFika & dans\n\nVälkomna!"
    )
    assert plain("Ta med <egna> stickor & garn") == "Ta med <egna> stickor & garn"
