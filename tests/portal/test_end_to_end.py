"""The issue's definition of done: sign-up → verify → submit → moderator approves → the event
is in the calendar HTML, the API and the iCalendar feed."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import TaskState

from apps.events.models import EventPage
from apps.network.factories import OrganisationFactory
from apps.portal.models import OrganiserAccount
from tests.portal.conftest import event_data

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_new_organiser_goes_from_signup_to_a_published_event(
    client, calendar, moderation, moderator, venue, category
):
    organisation = OrganisationFactory(name="Hultsfreds hembygdsförening")
    response = client.post(
        "/sv/arrangor/signup/",
        {
            "name": "Karin Berg",
            "email": "Karin@Example.org",
            "password1": "mossa-och-granskog",
            "password2": "mossa-och-granskog",
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302
    account = OrganiserAccount.objects.get(user__email="karin@example.org")
    assert not account.is_verified and account.organisation is None
    verify_path = link_in(mail.outbox[-1])

    assert client.get(verify_path).status_code == 200
    account.refresh_from_db()
    assert not account.is_verified, "a GET (mail scanner) must not verify"
    client.post(verify_path)
    account.refresh_from_db()
    assert account.is_verified

    # A moderator confirms that Karin acts for the organisation, in the admin.
    client.force_login(moderator)
    response = client.post(
        reverse("organiseraccount:edit", args=[account.pk]),
        {"organisation": organisation.pk, "role": "admin"},
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.organisation == organisation
    client.logout()

    response = client.post(
        "/sv/arrangor/login/", {"username": "karin@example.org", "password": "mossa-och-granskog"}
    )
    assert response.status_code == 302
    data = event_data(venue, categories=[category.pk], title_en="Singalong", summary_en="We sing.")
    response = client.post("/sv/arrangor/events/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = EventPage.objects.get(title="Allsång i bygdegården")
    assert not page.live
    assert client.post(f"/sv/arrangor/events/{page.pk}/submit/").status_code == 302

    submitted = [m for m in mail.outbox if "moderator@example.org" in m.to]
    assert submitted, "moderators hear about the submission"
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))

    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {},
    )
    assert response.status_code in (200, 302), response
    page.refresh_from_db()
    assert page.live
    approved = [m for m in mail.outbox if "karin@example.org" in m.to and "Allsång" in m.subject]
    assert approved
    client.logout()

    assert "Allsång i bygdegården" in client.get("/sv/kalender/").content.decode()
    api = client.get("/api/events/").json()
    assert any(row["event"]["title"] == "Allsång i bygdegården" for row in api["results"])
    assert "Allsång i bygdegården" in client.get("/calendar.ics").content.decode()
    english = EventPage.objects.get(
        translation_key=page.translation_key, locale__language_code="en"
    )
    assert english.live and english.title == "Singalong"
    with translation.override("en"):
        assert "Singalong" in client.get(english.url).content.decode()
