"""An organiser who proposed a new organisation is told why "New event" waits, and hears by
e-mail, in their own language, when a moderator confirms it."""

import pytest
from django.core import mail
from django.urls import reverse

from apps.network.factories import municipality
from apps.portal.models import OrganiserAccount, ProposalStatus

pytestmark = pytest.mark.django_db


def propose(client, language, email):
    signup = "/sv/arrangor/signup/" if language == "sv" else "/en/organisers/signup/"
    response = client.post(
        signup,
        {
            "name": "Karin Berg",
            "email": email,
            "password1": "mossa-och-granskog",
            "password2": "mossa-och-granskog",
            "new_organisation": "Mörlunda byalag",
            "new_organisation_kind": "association",
            "new_organisation_municipality": "Hultsfred",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return OrganiserAccount.objects.get(user__email=email)


def confirm(client, moderator, proposal):
    client.force_login(moderator)
    response = client.post(
        reverse("organisationproposal:edit", args=[proposal.pk]),
        {
            "name": proposal.name,
            "kind": proposal.kind,
            "municipality": proposal.municipality_id,
            "org_number": "",
            "website": "",
            "organisation": "",
            "status": ProposalStatus.CONFIRMED,
        },
    )
    assert response.status_code == 302


def test_new_event_explains_the_wait_for_a_proposed_organisation(client, calendar, moderation):
    account = propose(client, "sv", "karin@example.org")
    assert account.proposal.municipality == municipality("0860")
    client.force_login(account.user)
    response = client.get("/sv/arrangor/events/new/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mörlunda byalag, väntar på att en moderator bekräftar den" in html
    assert "event-form" not in html


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("sv", "Du kan nu lägga in evenemang för Mörlunda byalag"),
        ("en", "You can post events for Mörlunda byalag"),
    ],
)
def test_confirming_the_organisation_emails_the_organiser_in_their_language(
    client, calendar, moderation, moderator, language, subject
):
    account = propose(client, language, "karin@example.org")
    mail.outbox.clear()
    confirm(client, moderator, account.proposal)
    account.refresh_from_db()
    assert account.organisation.name == "Mörlunda byalag"
    [message] = mail.outbox
    assert message.to == ["karin@example.org"] and message.subject == subject
    assert f"http://testserver/{language}/" in message.body and "/events/new/" in message.body

    mail.outbox.clear()
    confirm(client, moderator, account.proposal)
    assert mail.outbox == [], "saving the confirmed proposal again sends nothing"
    client.force_login(account.user)
    assert "event-form" in client.get("/sv/arrangor/events/new/").content.decode()
