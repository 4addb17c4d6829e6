import datetime
from unittest import mock

import pytest
from django.test import Client

from apps.newsletters import tokens
from apps.newsletters.factories import SubscriptionFactory
from apps.newsletters.models import Subscription, SubscriptionStatus
from apps.newsletters.signup import subscribe
from apps.newsletters.tokens import confirm_token, unsubscribe_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(newsletter_list):
    nonce = subscribe("person@example.org", [newsletter_list], "sv", source="form")
    return Subscription.objects.get(), confirm_token(nonce)


def status_of(row):
    row.refresh_from_db()
    return row.status


def test_tampered_confirm_token_is_rejected(client, pending):
    row, token = pending
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    assert client.post(f"/sv/newsletter/confirm/{tampered}/").status_code == 400
    assert status_of(row) == SubscriptionStatus.UNCONFIRMED


def test_expired_confirm_token_is_rejected(client, pending):
    row, token = pending
    later = datetime.datetime.now().timestamp() + datetime.timedelta(days=8).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.post(f"/sv/newsletter/confirm/{token}/").status_code == 400
    assert status_of(row) == SubscriptionStatus.UNCONFIRMED


def test_used_confirm_token_is_rejected(client, pending):
    row, token = pending
    assert client.post(f"/sv/newsletter/confirm/{token}/").status_code == 200
    assert status_of(row) == SubscriptionStatus.CONFIRMED
    assert client.get(f"/sv/newsletter/confirm/{token}/").status_code == 400
    assert client.post(f"/sv/newsletter/confirm/{token}/").status_code == 400


def test_used_unsubscribe_token_is_rejected(client, newsletter_list):
    row = SubscriptionFactory(newsletter_list=newsletter_list)
    token = unsubscribe_token(row)
    assert client.post(f"/sv/newsletter/unsubscribe/{token}/").status_code == 200
    Subscription.objects.filter(pk=row.pk).update(status=SubscriptionStatus.CONFIRMED)
    assert client.post(f"/sv/newsletter/unsubscribe/{token}/").status_code == 400
    assert status_of(row) == SubscriptionStatus.CONFIRMED


def test_token_made_for_another_purpose_is_rejected(client, newsletter_list):
    row = SubscriptionFactory(newsletter_list=newsletter_list)
    unsubscribe = unsubscribe_token(row)
    assert client.post(f"/sv/newsletter/confirm/{unsubscribe}/").status_code == 400
    data = tokens.make_token(tokens.DATA, {"s": row.pk, "n": row.unsubscribe_nonce})
    assert client.post(f"/sv/newsletter/unsubscribe/{data}/").status_code == 400
    assert status_of(row) == SubscriptionStatus.CONFIRMED


def test_tokens_carry_no_plain_email_address(pending):
    row, token = pending
    assert "person" not in token
    assert "person" not in str(tokens.read_token(tokens.CONFIRM, token))
    assert "person" not in str(tokens.read_token(tokens.UNSUBSCRIBE, unsubscribe_token(row)))


def test_get_on_confirm_and_unsubscribe_links_never_changes_state(client, pending, newsletter_list):
    row, token = pending
    page = client.get(f"/sv/newsletter/confirm/{token}/")
    assert page.status_code == 200 and b'method="post"' in page.content
    assert status_of(row) == SubscriptionStatus.UNCONFIRMED
    member = SubscriptionFactory(newsletter_list=newsletter_list, email="member@example.org")
    link = unsubscribe_token(member)
    assert client.get(f"/sv/newsletter/unsubscribe/{link}/").status_code == 200
    assert client.get(f"/newsletter/one-click/{link}/").status_code == 302
    assert status_of(member) == SubscriptionStatus.CONFIRMED


def test_rfc8058_one_click_post_needs_no_cookie_or_csrf_and_answers_200(newsletter_list):
    row = SubscriptionFactory(newsletter_list=newsletter_list)
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        f"/newsletter/one-click/{unsubscribe_token(row)}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Location" not in response
    assert not response.cookies
    assert status_of(row) == SubscriptionStatus.UNSUBSCRIBED
