import email
import email.policy
import json
import re

import pytest
from django.core import mail

from apps.newsletters.addresses import address_digest
from apps.newsletters.csv_io import import_subscribers
from apps.newsletters.factories import SubscriptionFactory
from apps.newsletters.models import Subscription, SubscriptionStatus, Suppression
from apps.newsletters.privacy import erase

pytestmark = pytest.mark.django_db


def data_link(client, email):
    mail.outbox.clear()
    response = client.post("/sv/newsletter/my-data/", {"email": email})
    links = [re.search(r"http://testserver(\S+)", message.body).group(1) for message in mail.outbox]
    return response, links


def test_data_request_answers_alike_and_mails_the_link_only_to_the_mailbox(client, newsletter_list):
    SubscriptionFactory(email="member@example.org", newsletter_list=newsletter_list)
    known, known_links = data_link(client, "member@example.org")
    unknown, unknown_links = data_link(client, "stranger@example.org")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(known_links) == 1 and unknown_links == []
    assert mail.outbox == [] or mail.outbox[0].to == ["member@example.org"]


def test_data_export_is_sent_as_json_to_the_subscriber(client, newsletter_list):
    SubscriptionFactory(email="member@example.org", newsletter_list=newsletter_list)
    _response, [link] = data_link(client, "member@example.org")
    assert client.get(link).status_code == 200
    mail.outbox.clear()
    client.post(link, {"action": "export"})
    [message] = mail.outbox
    assert message.to == ["member@example.org"]
    data = json.loads(exported_json(message)[0])
    assert data["subscriptions"][0]["list"] == "kulturtillgangar"
    assert data["subscriptions"][0]["status"] == "confirmed"


def exported_json(message):
    """The attachment as a mail program gets it: the bytes on the wire, and its headers."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    [part] = [part for part in parsed.walk() if part.get_filename() == "newsletter-data.json"]
    return part.get_payload(decode=True).decode("utf-8"), part


def test_data_export_is_utf8_json_whatever_the_letters(client, newsletter_list):
    SubscriptionFactory(
        email="asa.oberg@example.org",
        newsletter_list=newsletter_list,
        source_detail="Åsa Öberg på mässan i Älvdalen 😀",
    )
    newsletter_list.name = "Gårdsbutiker i Älvdalen 🐄"
    newsletter_list.save()
    _response, [link] = data_link(client, "asa.oberg@example.org")
    mail.outbox.clear()
    client.post(link, {"action": "export"})
    text, part = exported_json(mail.outbox[0])
    assert part.get_content_type() == "application/json"
    assert part.get_param("charset") == "utf-8"
    data = json.loads(text)
    assert data["subscriptions"][0]["list_name"] == "Gårdsbutiker i Älvdalen 🐄"
    assert data["subscriptions"][0]["source_detail"] == "Åsa Öberg på mässan i Älvdalen 😀"


def test_erasure_leaves_only_a_hashed_suppression_entry(client, newsletter_list):
    SubscriptionFactory(email="member@example.org", newsletter_list=newsletter_list)
    _response, [link] = data_link(client, "member@example.org")
    assert client.post(link, {"action": "erase"}).status_code == 200
    assert not Subscription.objects.exists()
    entry = Suppression.objects.get()
    assert entry.digest == address_digest("member@example.org")
    assert "member" not in entry.digest


def test_erased_address_stays_suppressed_when_a_list_is_reimported(newsletter_list):
    SubscriptionFactory(email="member@example.org", newsletter_list=newsletter_list)
    erase(address_digest("Member@Example.org"))
    mail.outbox.clear()
    summary = import_subscribers(
        newsletter_list,
        "email,language,confirmed_at,consent_version\n"
        "member@example.org,sv,2024-03-01T10:00:00+01:00,1\n"
        "MEMBER@example.org,sv,,\n",
    )
    assert summary.suppressed == 2
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_signing_up_again_after_erasure_needs_confirmation_and_then_lifts_suppression(
    client, newsletter_list
):
    erase(address_digest("member@example.org"))
    client.post(
        "/api/newsletter/subscriptions/",
        {"email": "member@example.org", "lists": ["kulturtillgangar"], "consent": True},
        content_type="application/json",
    )
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    client.post(link)
    assert Subscription.objects.get().status == SubscriptionStatus.CONFIRMED
    assert not Suppression.objects.exists()
