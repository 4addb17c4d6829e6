"""Organisers move one date of a series in the portal's "Moved dates" formset, without
JavaScript; bad rows are refused with a clear message and nothing is saved."""

import datetime

import pytest

from apps.events.factories import VenueFactory
from apps.events.models import EventMovedDate, EventOccurrence, EventPage
from apps.portal.factories import TrustedOrganisationFactory
from tests.clock import TODAY
from tests.portal.conftest import event_data, login

pytestmark = pytest.mark.django_db

FIRST = TODAY + datetime.timedelta(days=7)
SECOND = FIRST + datetime.timedelta(days=7)


def weekly(venue, moves, **overrides):
    data = event_data(
        venue, frequency="weekly", ends="after", count="3", start_date=FIRST.isoformat()
    )
    data.update(
        {"moved-TOTAL_FORMS": str(len(moves)), "moved-INITIAL_FORMS": "0"},
    )
    for number, move in enumerate(moves):
        for name, value in move.items():
            data[f"moved-{number}-{name}"] = value
    data.update(overrides)
    return data


def move_second(venue=None):
    return {
        "date": SECOND.isoformat(),
        "new_start": f"{SECOND + datetime.timedelta(days=1)}T19:00",
        "new_end": f"{SECOND + datetime.timedelta(days=1)}T21:00",
        "venue": str(venue.pk) if venue else "",
        "note": "Lokalen är upptagen",
    }


def test_the_form_offers_an_empty_moved_date_row(organiser_client):
    response = organiser_client.get("/sv/arrangor/events/new/")
    html = response.content.decode()
    assert 'name="moved-TOTAL_FORMS"' in html and 'name="moved-0-date"' in html
    assert "Flyttade datum" in html


def test_an_organiser_moves_a_date_and_publishing_shows_it(client, organiser, venue):
    TrustedOrganisationFactory(organisation=organiser.organisation)
    login(client, organiser)
    hall = VenueFactory(name="Folkets hus")
    response = client.post("/sv/arrangor/events/new/", weekly(venue, [move_second(hall)]))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EventPage.objects.get()
    (move,) = page.get_latest_revision_as_object().moved_dates.all()
    assert move.date == SECOND and move.start_time == datetime.time(19, 0) and move.venue == hall
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    row = EventOccurrence.objects.get(event=page, original_start__isnull=False)
    assert row.start_date == SECOND + datetime.timedelta(days=1) and row.venue == hall
    edit = client.get(f"/sv/arrangor/events/{page.pk}/edit/")
    assert edit.context["moves"].initial[0]["venue"] == hall.pk


def latest_moves():
    return list(EventPage.objects.get().get_latest_revision_as_object().moved_dates.all())


def test_editing_without_the_formset_keeps_the_moves(organiser_client, venue):
    organiser_client.post("/sv/arrangor/events/new/", weekly(venue, [move_second()]))
    page = EventPage.objects.get()
    data = event_data(venue, frequency="weekly", ends="after", count="3")
    data["start_date"] = FIRST.isoformat()
    response = organiser_client.post(f"/sv/arrangor/events/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert len(latest_moves()) == 1


def test_saving_the_form_unchanged_keeps_the_moves(organiser_client, venue):
    organiser_client.post("/sv/arrangor/events/new/", weekly(venue, [move_second()]))
    page = EventPage.objects.get()
    formset = organiser_client.get(f"/sv/arrangor/events/{page.pk}/edit/").context["moves"]
    data = weekly(venue, [], **{"moved-TOTAL_FORMS": "2", "moved-INITIAL_FORMS": "1"})
    for field in formset.forms[0]:
        value = field.field.widget.format_value(field.value())
        if value not in (None, "", False):
            data[field.html_name] = value
    response = organiser_client.post(f"/sv/arrangor/events/{page.pk}/edit/", data)
    assert response.status_code == 302
    (move,) = latest_moves()
    assert move.date == SECOND and move.start_time == datetime.time(19, 0)


def test_removing_a_move_with_the_checkbox(organiser_client, venue):
    organiser_client.post("/sv/arrangor/events/new/", weekly(venue, [move_second()]))
    page = EventPage.objects.get()
    data = weekly(venue, [{**move_second(), "DELETE": "on"}], **{"moved-INITIAL_FORMS": "1"})
    response = organiser_client.post(f"/sv/arrangor/events/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert latest_moves() == []


@pytest.mark.parametrize(
    ("move", "field", "message"),
    [
        (
            {"date": (FIRST + datetime.timedelta(days=1)).isoformat(), "new_start": ""},
            "date",
            "är inget datum för det här evenemanget",
        ),
        ({"new_start": "", "new_end": "", "venue": ""}, "__all__", "Ange en ny start"),
        ({"new_start": "i morgon"}, "new_start", "Ange datum och tid"),
        (
            {"new_end": f"{SECOND}T08:00"},
            "new_end",
            "Det nya slutet kan inte vara före den nya starten.",
        ),
    ],
)
def test_bad_moves_get_a_clear_error_and_nothing_is_saved(
    organiser_client, venue, move, field, message
):
    response = organiser_client.post(
        "/sv/arrangor/events/new/", weekly(venue, [{**move_second(), **move}])
    )
    assert response.status_code == 400
    errors = response.context["moves"].forms[0].errors
    assert message in " ".join(errors[field]), errors
    assert not EventPage.objects.exists() and not EventMovedDate.objects.exists()
    assert message in response.content.decode()


def test_another_organisations_organiser_cannot_move_a_date(
    client, organiser, other_organiser, venue
):
    login(client, organiser)
    client.post("/sv/arrangor/events/new/", weekly(venue, []))
    page = EventPage.objects.get()
    login(client, other_organiser)
    response = client.post(f"/sv/arrangor/events/{page.pk}/edit/", weekly(venue, [move_second()]))
    assert response.status_code == 404
    assert not EventMovedDate.objects.exists()
