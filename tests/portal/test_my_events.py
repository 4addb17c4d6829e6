"""What organisers do with their events, and what moderators see."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import TaskState

from apps.events.factories import EventPageFactory, VenueFactory
from apps.events.models import EventOccurrence, EventPage
from apps.network.factories import municipality
from apps.portal import services
from apps.portal.factories import OrganiserInvitationFactory, TrustedOrganisationFactory
from tests.clock import TODAY
from tests.portal.conftest import event_data, login

pytestmark = pytest.mark.django_db


def create(client, venue, **overrides):
    response = client.post("/sv/arrangor/events/new/", event_data(venue, **overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventPage.objects.latest("pk")


def approve(client, moderator, page, comment=""):
    task_state = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status="in_progress"
    ).get()
    client.force_login(moderator)
    action = "approve"
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )


def reject(client, moderator, page, comment):
    task_state = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status="in_progress"
    ).get()
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": comment},
    )


def test_a_rejected_event_shows_the_moderators_reason_and_the_organiser_is_told(
    client, organiser, moderator, venue
):
    login(client, organiser)
    page = create(client, venue)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    reject(client, moderator, page, "Ange en sluttid som stämmer.")
    assert any(
        "Ange en sluttid som stämmer." in m.body
        for m in mail.outbox
        if organiser.user.email in m.to
    )
    login(client, organiser)
    html = client.get("/sv/arrangor/").content.decode()
    assert "Ange en sluttid som stämmer." in html
    page.refresh_from_db()
    assert not page.live


def test_edits_to_a_published_event_wait_for_moderation(client, organiser, moderator, venue):
    login(client, organiser)
    page = create(client, venue)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    approve(client, moderator, page)
    login(client, organiser)
    client.post(
        f"/sv/arrangor/events/{page.pk}/edit/", event_data(venue, title_sv="Allsång, ny tid")
    )
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    page.refresh_from_db()
    assert page.live and page.title == "Allsång i bygdegården"
    assert page.workflow_in_progress
    assert "Awaiting moderation" in client.get("/sv/arrangor/").content.decode() or (
        "Väntar på granskning" in client.get("/sv/arrangor/").content.decode()
    )
    approve(client, moderator, page)
    page.refresh_from_db()
    assert page.title == "Allsång, ny tid"


def test_an_edit_during_review_withdraws_the_submission(client, organiser, venue):
    login(client, organiser)
    page = create(client, venue)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    client.post(f"/sv/arrangor/events/{page.pk}/edit/", event_data(venue, title_sv="Ändrad"))
    page.refresh_from_db()
    assert not page.workflow_in_progress
    assert page.portal.moderation == "draft"


def test_a_trusted_organisation_publishes_directly(client, organiser, venue):
    TrustedOrganisationFactory(organisation=organiser.organisation)
    login(client, organiser)
    page = create(client, venue)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    page.refresh_from_db()
    assert page.live and not page.workflow_in_progress
    assert EventOccurrence.objects.filter(series__key=page.translation_key).count() == 1


def test_cancelling_an_event_and_a_single_date(client, organiser, venue):
    TrustedOrganisationFactory(organisation=organiser.organisation)
    login(client, organiser)
    page = create(client, venue, frequency="weekly", ends="after", count="3")
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    second = EventOccurrence.objects.filter(series__key=page.translation_key).order_by("start")[1]
    client.post(
        f"/sv/arrangor/events/{page.pk}/cancel-date/",
        {"date": second.start_date.isoformat(), "note": "Sjukdom"},
    )
    second.refresh_from_db()
    assert second.status == "cancelled" and second.note == "Sjukdom"
    client.post(f"/sv/arrangor/events/{page.pk}/cancel/", {"confirm": "on"})
    page.refresh_from_db()
    assert page.status == "cancelled"
    statuses = set(
        EventOccurrence.objects.filter(series__key=page.translation_key).values_list(
            "status", flat=True
        )
    )
    assert statuses == {"cancelled"}


def test_a_date_that_is_not_the_events_is_not_cancelled(client, organiser, venue):
    TrustedOrganisationFactory(organisation=organiser.organisation)
    login(client, organiser)
    page = create(client, venue)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    client.post(f"/sv/arrangor/events/{page.pk}/cancel-date/", {"date": "2001-01-01"})
    page.refresh_from_db()
    assert not page.cancellations.exists()


def test_copy_starts_a_new_event_with_the_originals_facts(client, organiser, venue, category):
    login(client, organiser)
    page = create(client, venue, categories=[category.pk], price_text="50 kr")
    response = client.get(f"/sv/arrangor/events/new/?copy={page.pk}")
    form = response.context["form"]
    assert form.initial["title_sv"] == "Allsång i bygdegården"
    assert form.initial["venue"] == venue.pk
    assert form.initial["categories"] == [category.pk]
    assert EventPage.objects.count() == 1


def test_bad_schedule_gets_a_clear_error_and_nothing_is_saved(organiser_client, venue):
    response = organiser_client.post(
        "/sv/arrangor/events/new/", event_data(venue, start_time="20:00", end_time="18:00")
    )
    assert response.status_code == 400
    assert "end_time" in response.context["form"].errors
    assert not EventPage.objects.exists()


def test_a_new_venue_is_created_with_the_event(organiser_client, venue):
    data = event_data(
        venue,
        venue="",
        new_venue_name="Logen i Mörlunda",
        new_venue_town="Mörlunda",
        new_venue_municipality=venue.municipality.name,
    )
    assert organiser_client.post("/sv/arrangor/events/new/", data).status_code == 302
    page = EventPage.objects.get()
    assert page.get_latest_revision_as_object().venue.name == "Logen i Mörlunda"


def test_clashes_in_the_same_municipality_are_shown_before_submitting(
    client, organiser, venue, publish
):
    day = TODAY + datetime.timedelta(days=7)
    publish(
        title="Dans på logen",
        start_date=day,
        start_time=datetime.time(19),
        end_time=datetime.time(23),
        venue=venue,
    )
    publish(
        title="Långt bort",
        start_date=day,
        start_time=datetime.time(19),
        end_time=datetime.time(23),
        venue=VenueFactory(town="Kalmar", municipality=municipality("0880")),
    )
    publish(
        title="Morgonyoga",
        start_date=day,
        start_time=datetime.time(7),
        end_time=datetime.time(8),
        venue=venue,
    )
    login(client, organiser)
    page = create(client, venue)
    html = client.get(f"/sv/arrangor/events/{page.pk}/").content.decode()
    assert "Dans på logen" in html
    assert "Morgonyoga" not in html
    assert "Långt bort" not in html


def test_moderators_see_organiser_organisation_and_clashes_in_the_editor(
    client, organiser, moderator, venue, publish
):
    day = TODAY + datetime.timedelta(days=7)
    publish(
        title="Dans på logen",
        start_date=day,
        start_time=datetime.time(19),
        end_time=datetime.time(23),
        venue=venue,
    )
    login(client, organiser)
    page = create(client, venue)
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert organiser.user.email in html
    assert organiser.organisation.name in html
    assert "Dans på logen" in html


def test_my_events_lists_events_of_the_organisation_made_anywhere(client, organiser, publish):
    publish(title="Från administrationen", organiser=organiser.organisation)
    login(client, organiser)
    assert "Från administrationen" in client.get("/sv/arrangor/").content.decode()


def test_preview_shows_the_draft(organiser_client, venue):
    page = create(organiser_client, venue, title_sv="Förhandstitel")
    response = organiser_client.get(f"/sv/arrangor/events/{page.pk}/preview/")
    assert response.status_code == 200 and "Förhandstitel" in response.content.decode()


def test_my_events_query_count_does_not_grow_with_events(client, organiser, venue, calendar):
    def add(count):
        for number in range(count):
            page = EventPageFactory.build(
                organiser=organiser.organisation,
                venue=venue,
                title=f"E{number}",
                slug=f"e-{EventPage.objects.count()}",
            )
            calendar.add_child(instance=page)
            page.save_revision()

    login(client, organiser)
    add(2)
    client.get("/sv/arrangor/")
    cache.clear()  # the uncached path: what is kept per content version is counted every time
    with CaptureQueriesContext(connection) as few:
        assert client.get("/sv/arrangor/").status_code == 200
    add(15)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert client.get("/sv/arrangor/").status_code == 200
    assert len(many) == len(few)


def test_unconfirmed_member_sees_no_events(client, organiser, venue):
    create(login(client, organiser), venue)
    organiser.organisation = None
    organiser.save()
    html = client.get("/sv/arrangor/").content.decode()
    assert "Allsång" not in html
    response = client.get("/sv/arrangor/events/new/")
    assert response.status_code == 200
    assert "event-form" not in response.content.decode()


def test_submit_service_refuses_unverified_accounts(organiser, venue, client):
    page = create(login(client, organiser), venue)
    organiser.email_verified_at = None
    with pytest.raises(services.NotAllowed):
        services.submit(organiser, page)


def test_cancelling_is_refused_while_changes_wait_and_keeps_them(client, organiser, venue):
    """Cancelling publishes at once, so it must not publish (or drop) an unapproved edit."""
    TrustedOrganisationFactory(organisation=organiser.organisation)
    login(client, organiser)
    page = create(client, venue, frequency="weekly", ends="after", count="3")
    client.post(f"/sv/arrangor/events/{page.pk}/submit/")
    page.refresh_from_db()
    assert page.live
    client.post(f"/sv/arrangor/events/{page.pk}/edit/", event_data(venue, title_sv="Ej granskad"))
    first = EventOccurrence.objects.filter(series__key=page.translation_key).order_by("start")[0]
    cancel_date = client.post(
        f"/sv/arrangor/events/{page.pk}/cancel-date/",
        {"date": first.start_date.isoformat(), "note": "Sjukdom"},
        follow=True,
    )
    client.post(f"/sv/arrangor/events/{page.pk}/cancel/", {"confirm": "on"})
    page.refresh_from_db()
    first.refresh_from_db()
    assert page.status != "cancelled" and first.status != "cancelled"
    assert page.has_unpublished_changes and page.title != "Ej granskad"
    assert page.get_latest_revision_as_object().title == "Ej granskad"
    assert "moderator" in cancel_date.text


def test_joining_by_invitation_makes_a_plain_member(organiser, other_organiser):
    from apps.portal.models import OrganiserRole
    from apps.portal.views.team import _join

    organiser.role = OrganiserRole.ADMIN
    organiser.save()
    invitation = OrganiserInvitationFactory(
        organisation=other_organiser.organisation,
        email=organiser.user.email,
        invited_by=other_organiser.user,
    )
    _join(organiser, invitation)
    organiser.refresh_from_db()
    assert organiser.organisation == other_organiser.organisation
    assert organiser.role == OrganiserRole.MEMBER and organiser.proposal is None
