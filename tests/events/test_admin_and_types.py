"""Page type rules, the editor's form (repeat rule without RRULE syntax) and the content API."""

import datetime

import pytest

from apps.events.factories import EventCategoryFactory, VenueFactory
from apps.events.models import EventIndexPage, EventOccurrence, EventPage
from apps.network.factories import OrganisationFactory
from cms.models import HomePage
from tests.events.admin_form import event_admin_form

pytestmark = pytest.mark.django_db


def test_page_type_rules():
    assert EventIndexPage.clean_parent_page_models() == [HomePage]  # the reference site's setting
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventPage.allowed_subpage_models() == []
    assert HomePage in EventIndexPage.allowed_parent_page_models()


def _form(organiser, venue, category, **overrides):
    return event_admin_form(
        organiser, venue, categories=[category], weekdays=["TU", "TH"], **overrides
    )


def test_editor_sets_a_repeat_with_checkboxes_and_publishing_stores_occurrences(
    admin_client, calendar
):
    organiser, venue, category = OrganisationFactory(), VenueFactory(), EventCategoryFactory()
    url = f"/admin/pages/add/events/eventpage/{calendar.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, _form(organiser, venue, category))
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="stickcafe")
    assert page.live and page.weekdays == ["TU", "TH"]
    starts = (
        EventOccurrence.objects.visible().filter(event=page).values_list("start_date", flat=True)
    )
    assert [day.day for day in starts] == [2, 4, 9, 11]
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_editor_gets_a_clear_message_for_a_time_that_does_not_exist(admin_client, calendar):
    organiser, venue, category = OrganisationFactory(), VenueFactory(), EventCategoryFactory()
    url = f"/admin/pages/add/events/eventpage/{calendar.pk}/"
    data = _form(
        organiser, venue, category, start_date="2027-03-28", start_time="02:30", end_time="04:00"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "start_time" in errors
    assert not EventPage.objects.exists()


def test_content_api_lists_event_fields(client, publish):
    publish(title="Körkonsert", start_date=datetime.date(2027, 5, 1))
    response = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*"})
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["summary"] and item["start_date"] == "2027-05-01"
    assert item["time_zone"] == "Europe/Stockholm"
