import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections  # noqa: F401 - connection is used by skipif
from django.test import Client, override_settings
from django.utils import timezone

from apps.newsletters.factories import SubscriptionFactory
from apps.newsletters.models import Subscription, SubscriptionSource, SubscriptionStatus
from apps.newsletters.signup import confirm
from apps.newsletters.tokens import confirm_token

pytestmark = pytest.mark.django_db

API = "/api/newsletter/subscriptions/"


def post(client, email, lists=("kulturtillgangar",), **extra):
    body = {"email": email, "lists": list(lists), "locale": "sv", "consent": True, **extra}
    return client.post(API, body, content_type="application/json")


def test_identical_responses_for_new_unconfirmed_confirmed_and_unsubscribed(
    client, newsletter_list
):
    SubscriptionFactory(
        email="pending@example.org",
        newsletter_list=newsletter_list,
        status=SubscriptionStatus.UNCONFIRMED,
        confirmed_at=None,
    )
    SubscriptionFactory(email="member@example.org", newsletter_list=newsletter_list)
    SubscriptionFactory(
        email="left@example.org",
        newsletter_list=newsletter_list,
        status=SubscriptionStatus.UNSUBSCRIBED,
    )
    responses = [
        post(client, email)
        for email in (
            "new@example.org",
            "pending@example.org",
            "member@example.org",
            "left@example.org",
        )
    ]
    assert {response.status_code for response in responses} == {202}
    assert len({response.content for response in responses}) == 1
    assert len({tuple(sorted(response.headers.items())) for response in responses}) == 1


def test_filled_honeypot_gets_the_normal_answer_and_stores_and_sends_nothing(
    client, newsletter_list
):
    response = post(client, "bot@example.org", website="http://spam.example")
    assert response.status_code == 202
    assert response.json() == post(client, "person@example.org").json()
    assert not Subscription.objects.filter(email="bot@example.org").exists()
    assert [message.to for message in mail.outbox] == [["person@example.org"]]


@override_settings(BYGD_TRUSTED_PROXIES=1, BYGD_NEWSLETTER_REQUESTS_PER_HOUR=3)
def test_rate_limit_holds_against_forged_x_forwarded_for(client, newsletter_list):
    def attempt(n):
        forged = f"10.0.0.{n}, 198.51.100.7"  # the client's own part, then what the proxy saw
        return client.post(
            API,
            {"email": f"p{n}@example.org", "lists": ["kulturtillgangar"], "consent": True},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=forged,
            REMOTE_ADDR="192.0.2.1",
        )

    assert [attempt(n).status_code for n in range(3)] == [202, 202, 202]
    blocked = attempt(99)
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert blocked.json()["error"]["code"] == "throttled"
    assert not Subscription.objects.filter(email="p99@example.org").exists()


def test_at_most_one_confirmation_email_per_address_per_day(client, newsletter_list):
    second = newsletter_list.__class__.objects.create(
        name="Lokal finansiering",
        slug="lokal-finansiering",
        sender_name="Hela Sverige",
        sender_email="info@bygd.example",
        locale=newsletter_list.locale,
    )
    post(client, "person@example.org")
    post(client, "person@example.org", lists=[second.slug])
    post(client, "person@example.org")
    assert len(mail.outbox) == 1
    Subscription.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=25))
    post(client, "person@example.org")
    assert len(mail.outbox) == 2


def test_one_confirmation_link_confirms_every_pending_list_and_records_evidence(
    client, newsletter_list
):
    post(client, "person@example.org")
    row = Subscription.objects.get()
    confirm(confirm_token(row.confirm_nonce))
    row.refresh_from_db()
    assert row.status == SubscriptionStatus.CONFIRMED
    assert row.signed_up_at <= row.confirmed_at
    assert row.source == SubscriptionSource.API
    assert row.language == "sv"
    assert row.consent_text.language == "sv" and row.consent_text.version == 1
    assert row.newsletter_list == newsletter_list


def test_html_form_uses_the_same_defences_as_the_api(client, newsletter_list):
    form = {
        "email": "form@example.org",
        "lists": "kulturtillgangar",
        "language": "en",
        "consent": "on",
        "source": "/sv/natverk/lu/",
    }
    response = client.post("/en/newsletter/signup/", form)
    assert response.status_code == 200
    row = Subscription.objects.get(email="form@example.org")
    assert (row.source, row.source_detail, row.language) == ("form", "/sv/natverk/lu/", "en")
    assert "Sörmland cultural assets" in mail.outbox[0].body
    honeypot = client.post(
        "/en/newsletter/signup/", {**form, "email": "b@example.org", "website": "x"}
    )
    assert honeypot.content == response.content
    assert not Subscription.objects.filter(email="b@example.org").exists()


def test_signup_without_consent_is_refused_with_a_field_error(client, newsletter_list):
    response = post(client, "person@example.org", consent=False)
    assert response.status_code == 400
    assert "consent" in response.json()["error"]["fields"]
    assert not Subscription.objects.exists()


def test_html_form_needs_its_csrf_token(newsletter_list):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    form = {
        "email": "csrf@example.org",
        "lists": "kulturtillgangar",
        "language": "sv",
        "consent": "on",
    }
    assert strict.post("/sv/newsletter/signup/", form).status_code == 403
    assert not Subscription.objects.filter(email="csrf@example.org").exists()


@pytest.mark.postgres
@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_identical_signups_at_once_store_one_row_and_all_answer_202(newsletter_list, settings):
    """A double-clicked button or a frontend's retries: the requests race to insert the same
    (address, list) row, and the losers must still get the normal answer."""
    settings.BYGD_NEWSLETTER_REQUESTS_PER_HOUR = 1000
    start = threading.Barrier(20)

    def sign_up(_):
        try:
            start.wait()
            return post(Client(), "samtidig@example.org").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(sign_up, range(20)))
    assert statuses == [202] * 20
    assert Subscription.objects.filter(email="samtidig@example.org").count() == 1
    assert len(mail.outbox) == 1
