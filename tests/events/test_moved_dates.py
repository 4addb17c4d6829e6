"""A moved date: one date of a series at another time or venue. The stored occurrence, the API,
the calendar pages, JSON-LD and the iCalendar feeds all show it where it now is, and say where
it was."""

import datetime
import json
import re
from io import StringIO

import icalendar
import pytest
import recurring_ical_events
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset

from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.events.models import EventMovedDate, EventOccurrence, EventPage
from apps.network.factories import OrganisationFactory, municipality
from tests.clock import TODAY
from tests.events.admin_form import event_admin_form

pytestmark = pytest.mark.django_db

# Tuesdays 18:00–20:00 in Stockholm; 2027-03-16 moves to Wednesday 17th 19:00–21:30.
FIRST = datetime.date(2027, 3, 2)
MOVED = datetime.date(2027, 3, 16)
UTC = datetime.UTC


def weekly(publish, moves=(), **fields):
    fields.setdefault("title", "Stickcafé")
    fields.setdefault("start_date", FIRST)
    return publish(
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        frequency="weekly",
        ends="after",
        count=4,
        rows={"moved_dates": list(moves)},
        **fields,
    )


def to_wednesday(venue=None, **fields):
    return EventMovedDate(
        date=MOVED,
        start_date=datetime.date(2027, 3, 17),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(21, 30),
        venue=venue,
        note=fields.pop("note", "Lokalen är upptagen."),
        **fields,
    )


def window():
    return {"start": "2027-03-01", "end": "2027-03-31"}


def test_the_stored_occurrence_moves_and_keeps_its_original_start(publish):
    hall = VenueFactory(name="Folkets hus", municipality=municipality("0860"))
    page = weekly(publish, [to_wednesday(hall)])
    rows = {row.key: row for row in EventOccurrence.objects.visible().filter(event=page)}
    assert len(rows) == 4
    moved = rows["20270316T180000"]
    assert moved.start == datetime.datetime(2027, 3, 17, 18, 0, tzinfo=UTC)  # 19:00 CET
    assert moved.end == datetime.datetime(2027, 3, 17, 20, 30, tzinfo=UTC)
    assert moved.original_start == datetime.datetime(2027, 3, 16, 17, 0, tzinfo=UTC)
    assert moved.moved and moved.venue == hall and moved.start_date == datetime.date(2027, 3, 17)
    others = [row for key, row in rows.items() if key != "20270316T180000"]
    assert all(not row.moved and row.venue_id == page.venue_id for row in others)


def test_removing_the_move_puts_the_date_back(publish):
    page = weekly(publish, [to_wednesday()])
    latest = page.get_latest_revision_as_object()
    latest.moved_dates = []
    latest.save_revision().publish()
    row = EventOccurrence.objects.get(event=page, key="20270316T180000")
    assert not row.moved and row.start == datetime.datetime(2027, 3, 16, 17, 0, tzinfo=UTC)


def test_extend_occurrences_repairs_a_move_changed_without_a_publish(publish):
    page = weekly(publish, [to_wednesday()])
    EventOccurrence.objects.filter(event=page).update(original_start=None)
    call_command("extend_occurrences", stdout=StringIO())
    assert EventOccurrence.objects.get(event=page, key="20270316T180000").moved
    EventMovedDate.objects.filter(page=page).delete()
    out = StringIO()
    call_command("extend_occurrences", stdout=out)
    row = EventOccurrence.objects.get(event=page, key="20270316T180000")
    assert not row.moved and "repaired" in out.getvalue()
    out = StringIO()
    call_command("extend_occurrences", stdout=out)
    assert "repaired" not in out.getvalue()


def test_a_move_only_of_the_time_keeps_date_and_length(publish):
    page = weekly(publish, [EventMovedDate(date=MOVED, start_time=datetime.time(17, 0))])
    row = EventOccurrence.objects.get(event=page, key="20270316T180000")
    assert row.start == datetime.datetime(2027, 3, 16, 16, 0, tzinfo=UTC)
    assert row.end == datetime.datetime(2027, 3, 16, 18, 0, tzinfo=UTC)
    assert row.venue_id == page.venue_id


# Validation ------------------------------------------------------------------------------


def test_a_move_must_name_something_new():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            EventMovedDate(date=MOVED).clean()
        assert error.value.messages == ["Give a new date or time, or another venue."]


def _post(admin_client, calendar, moves, **overrides):
    organiser, venue = OrganisationFactory(), VenueFactory()
    EventCategoryFactory()
    url = f"/admin/pages/add/events/eventpage/{calendar.pk}/"
    return admin_client.post(url, event_admin_form(organiser, venue, moves=moves, **overrides))


def _move_errors(response):
    formset = response.context["form"].formsets["moved_dates"]
    return [dict(form.errors) for form in formset.forms]


def test_editor_moves_a_date_in_the_admin(admin_client, calendar):
    venue = VenueFactory(name="Folkets hus")
    response = _post(
        admin_client,
        calendar,
        [{"date": "2027-03-16", "start_time": "19:00", "venue": venue.pk, "note": "Flyttat"}],
    )
    assert response.status_code == 302
    page = EventPage.objects.get(slug="stickcafe")
    row = EventOccurrence.objects.get(event=page, key="20270316T180000")
    assert row.moved and row.venue == venue
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and "Flyttade datum" in edit.content.decode()


def test_editor_gets_a_clear_error_for_a_date_not_in_the_series(admin_client, calendar):
    response = _post(admin_client, calendar, [{"date": "2027-03-17", "start_time": "19:00"}])
    assert response.status_code == 200
    assert _move_errors(response) == [
        {"date": ["17 mars 2027 är inget datum för det här evenemanget. Välj ett av dess datum."]}
    ]
    assert not EventPage.objects.filter(slug="stickcafe").exists()


def test_an_extra_date_submitted_with_the_move_counts_as_a_date(admin_client, calendar):
    response = _post(
        admin_client,
        calendar,
        [{"date": "2027-04-03", "start_time": "12:00"}],
        extra_dates=inline_formset([{"date": "2027-04-03"}]),
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("moves", "errors"),
    [
        (
            [{"date": "9999-12-31", "start_time": "19:00"}],
            [
                {
                    "date": [
                        "31 december 9999 är inget datum för det här evenemanget. "
                        "Välj ett av dess datum."
                    ]
                }
            ],
        ),
        (
            [{"date": "2027-03-16", "start_date": "9999-12-31", "start_time": "23:30"}],
            [{"start_date": ["Välj ett närmare datum."]}],
        ),
        (
            [{"date": "2027-03-16", "start_time": "19:00", "end_time": "18:00"}],
            [{"end_time": ["Det nya slutet kan inte vara före den nya starten."]}],
        ),
        (
            [{"date": "2027-03-16", "start_time": "19:00"}, {"date": "2027-03-16", "note": "x"}],
            [{}, {"__all__": ["Ange ett nytt datum eller en ny tid, eller en annan plats."]}],
        ),
        (
            [
                {"date": "2027-03-16", "start_time": "19:00"},
                {"date": "2027-03-16", "start_time": "17:00"},
            ],
            [{}, {"date": ["Det här datumet är redan flyttat på en annan rad."]}],
        ),
        (
            [{"date": "2027-03-16", "start_date": "2027-03-28", "start_time": "02:30"}],
            [{"start_time": ["Den här tiden finns inte den natten: klockan ställs fram."]}],
        ),
    ],
)
def test_editor_gets_clear_errors_for_bad_moves(admin_client, calendar, moves, errors):
    response = _post(admin_client, calendar, moves)
    assert response.status_code == 200
    assert _move_errors(response) == errors


# Outputs --------------------------------------------------------------------------------


def test_api_list_and_detail_show_the_new_time_venue_and_original_start(client, publish):
    hall = VenueFactory(name="Folkets hus", municipality=municipality("0860"))
    page = weekly(publish, [to_wednesday(hall)])
    rows = client.get("/api/events/", window()).json()["results"]
    moved = next(row for row in rows if row["occurrence"] == "20270316T180000")
    assert moved["moved"] is True
    assert moved["start"] == "2027-03-17T19:00:00+01:00"
    assert moved["end"] == "2027-03-17T21:30:00+01:00"
    assert moved["original_start"] == "2027-03-16T18:00:00+01:00"
    assert moved["venue"]["name"] == "Folkets hus"
    assert moved["note"] == "Lokalen är upptagen."
    other = next(row for row in rows if row["occurrence"] == "20270309T180000")
    assert other["moved"] is False and other["original_start"] is None
    assert other["venue"]["name"] == page.venue.name
    detail = client.get(f"/api/events/{page.translation_key}/").json()
    (moved,) = [row for row in detail["occurrences"] if row["moved"]]
    assert moved["venue"]["name"] == "Folkets hus"
    assert moved["original_start"] == "2027-03-16T18:00:00+01:00"


def test_the_municipality_filter_follows_the_moved_venue(client, publish):
    hall = VenueFactory(name="Folkets hus", municipality=municipality("0860"))
    weekly(publish, [to_wednesday(hall)])
    rows = client.get("/api/events/", {**window(), "municipality": "SE-0860"}).json()["results"]
    assert [row["occurrence"] for row in rows] == ["20270316T180000"]
    rows = client.get("/api/events/", {**window(), "municipality": "SE-0884"}).json()["results"]
    assert len(rows) == 3


def test_calendar_pages_show_the_new_time_and_where_it_moved_from(client, publish):
    hall = VenueFactory(name="Folkets hus", municipality=municipality("0860"))
    page = weekly(publish, [to_wednesday(hall)])
    listing = client.get("/sv/kalender/", window()).content.decode()
    assert "Flyttad från 16 mars, 18:00" in listing and "Folkets hus" in listing
    english = client.get("/en/calendar/", window()).content.decode()
    assert "Moved from 16 March, 18:00" in english
    month = client.get("/sv/kalender/manad/2027-03/").content.decode()
    assert "Flyttad från 16 mars, 18:00" in month
    detail = client.get(page.url).content.decode()
    assert "onsdag 17 mars 2027, 19:00" in detail and "Flyttad från 16 mars, 18:00" in detail


def test_json_ld_marks_the_moved_date_rescheduled(client, publish, settings):
    hall = VenueFactory(name="Folkets hus", municipality=municipality("0860"))
    page = weekly(publish, [to_wednesday(hall)], start_date=TODAY)
    page.start_date = TODAY + datetime.timedelta(days=1)
    moved_day = page.start_date + datetime.timedelta(days=7)
    latest = page.get_latest_revision_as_object()
    latest.start_date = page.start_date
    latest.moved_dates = [
        EventMovedDate(date=moved_day, start_time=datetime.time(19, 0), venue=hall)
    ]
    latest.save_revision().publish()
    html = client.get(page.url).content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    (moved,) = [item for item in data if "previousStartDate" in item]
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"].startswith(f"{moved_day.isoformat()}T18:00:00")
    assert moved["startDate"].startswith(f"{moved_day.isoformat()}T19:00:00")
    assert moved["location"]["name"] == "Folkets hus"
    others = [item for item in data if "previousStartDate" not in item]
    assert {item["eventStatus"] for item in others} == {"https://schema.org/EventScheduled"}


def _feeds(client, page):
    yield client.get("/calendar.ics", window()).content
    yield client.get(f"/calendar/{page.translation_key}.ics").content


def test_ics_has_an_override_with_the_original_start_as_recurrence_id(client, publish):
    hall = VenueFactory(name="Folkets hus", address="Torget 1", town="Västervik")
    page = weekly(publish, [to_wednesday(hall)])
    for content in _feeds(client, page):
        master, override = icalendar.Calendar.from_ical(content).walk("VEVENT")
        assert "RRULE" in master and master["UID"] == override["UID"]
        assert override["RECURRENCE-ID"].dt == datetime.datetime(
            2027, 3, 16, 18, 0, tzinfo=page.zone
        )
        assert override["DTSTART"].dt == datetime.datetime(2027, 3, 17, 19, 0, tzinfo=page.zone)
        assert override["DTEND"].dt == datetime.datetime(2027, 3, 17, 21, 30, tzinfo=page.zone)
        assert str(override["LOCATION"]) == "Folkets hus, Torget 1, 598 30 Västervik"
        assert str(override["STATUS"]) == "CONFIRMED"


def test_a_python_client_sees_the_date_moved_and_the_original_gone(client, publish):
    page = weekly(publish, [to_wednesday()])
    for content in _feeds(client, page):
        calendar = icalendar.Calendar.from_ical(content)
        starts = [
            event["DTSTART"].dt.astimezone(UTC)
            for event in recurring_ical_events.of(calendar).between(
                datetime.date(2027, 3, 1), datetime.date(2027, 4, 1)
            )
        ]
        assert datetime.datetime(2027, 3, 17, 18, 0, tzinfo=UTC) in starts
        assert datetime.datetime(2027, 3, 16, 17, 0, tzinfo=UTC) not in starts
        assert len(starts) == 4


def _count(client, path, params):
    cache.clear()  # counted as when nothing is kept yet (filter choices, feed texts)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path", ["/api/events/", "/calendar.ics", "/sv/kalender/", "/sv/kalender/manad/2027-03/"]
)
def test_query_counts_stay_flat_with_moved_dates(client, publish, path):
    params = window() if "manad" not in path else {}
    weekly(publish, [to_wednesday(VenueFactory())])
    client.get(path, params)
    few = _count(client, path, params)
    for number in range(4):
        weekly(publish, [to_wednesday(VenueFactory())], title=f"Evenemang {number}")
    assert _count(client, path, params) == few


def test_translations_carry_the_move_as_a_fact(publish, en):
    from apps.core.localize import translate

    page = weekly(publish, [to_wednesday()])
    translated = translate(page, en, {})
    assert [(row.date, row.start_time) for row in translated.moved_dates.all()] == [
        (MOVED, datetime.time(19, 0))
    ]
    assert EventOccurrence.objects.filter(series__key=page.translation_key).count() == 4
