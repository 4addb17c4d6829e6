import datetime
import email
import email.policy
import io
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from apps.newsletters.factories import SubscriptionFactory
from apps.newsletters.models import (
    Delivery,
    DeliveryStatus,
    Sending,
    SendingStatus,
    SubscriptionStatus,
)
from apps.newsletters.sending import run_sending, schedule

pytestmark = pytest.mark.django_db


def subscribers(newsletter_list, count, language="sv", **fields):
    return [
        SubscriptionFactory(newsletter_list=newsletter_list, language=language, **fields)
        for _ in range(count)
    ]


def test_each_confirmed_subscriber_gets_the_issue_in_their_language(issue, newsletter_list):
    swede = SubscriptionFactory(newsletter_list=newsletter_list, language="sv")
    english = SubscriptionFactory(newsletter_list=newsletter_list, language="en")
    schedule(issue, user=None)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient[swede.email].subject == "Frukostträff i mars"
    assert by_recipient[english.email].subject == "Breakfast meeting in March"
    assert "Welcome to the breakfast meeting." in by_recipient[english.email].body
    html = by_recipient[english.email].alternatives[0][0]
    assert 'href="http://testserver/sv/"' in html
    assert Sending.objects.get().status == SendingStatus.DONE


def test_unconfirmed_and_unsubscribed_receive_nothing(issue, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list, email="in@example.org")
    SubscriptionFactory(
        newsletter_list=newsletter_list,
        email="pending@example.org",
        status=SubscriptionStatus.UNCONFIRMED,
        confirmed_at=None,
    )
    SubscriptionFactory(
        newsletter_list=newsletter_list,
        email="left@example.org",
        status=SubscriptionStatus.UNSUBSCRIBED,
    )
    SubscriptionFactory(email="other-list@example.org")
    schedule(issue, user=None)
    assert [message.to for message in mail.outbox] == [["in@example.org"]]


def test_list_unsubscribe_headers_are_present_with_angle_brackets(issue, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list)
    schedule(issue, user=None)
    message = mail.outbox[0].message()
    unsubscribe = message["List-Unsubscribe"].strip()
    assert unsubscribe.startswith("<http://testserver/newsletter/one-click/")
    assert unsubscribe.endswith("/>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_list_unsubscribe_url_unsubscribes_with_a_bare_post(issue, newsletter_list):
    row = SubscriptionFactory(newsletter_list=newsletter_list)
    schedule(issue, user=None)
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("http://testserver"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriptionStatus.UNSUBSCRIBED


class SimulatedCrash(Exception):
    pass


class CrashAfterThreeBackend(LocmemBackend):
    """Hands the third message over and then dies, as a worker killed mid-send would."""

    def send_messages(self, messages):
        count = super().send_messages(messages)
        if len(mail.outbox) == 3 and not getattr(CrashAfterThreeBackend, "crashed", False):
            CrashAfterThreeBackend.crashed = True
            raise SimulatedCrash
        return count


@override_settings(BYGD_NEWSLETTER_BATCH_SIZE=2)
def test_a_crash_mid_send_is_retried_once_the_claim_expires(issue, newsletter_list):
    rows = subscribers(newsletter_list, 5)
    backend = "tests.newsletters.test_newsletter_sending.CrashAfterThreeBackend"
    with override_settings(EMAIL_BACKEND=backend):
        schedule(issue, user=None)
    sending = Sending.objects.get()
    assert sending.status == SendingStatus.SENDING
    assert len(mail.outbox) == 3
    run_sending(sending.pk)  # the crashed run's claim (messages 3 and 4) still holds
    assert len(mail.outbox) == 4
    Delivery.objects.filter(status=DeliveryStatus.CLAIMED).update(
        claimed_at=timezone.now() - datetime.timedelta(hours=1)
    )
    run_sending(sending.pk)
    recipients = [message.to[0] for message in mail.outbox]
    assert set(recipients) == {row.email for row in rows}
    # The third was accepted just before the crash and is sent again: at least once.
    assert len(recipients) == 6
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 5
    assert Sending.objects.get().status == SendingStatus.DONE


def test_sending_twice_sends_nothing_more(issue, newsletter_list):
    subscribers(newsletter_list, 2)
    sending = schedule(issue, user=None)
    run_sending(sending.pk)
    assert len(mail.outbox) == 2


class Sink:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_sending_through_a_real_smtp_server(issue, newsletter_list):
    row = SubscriptionFactory(newsletter_list=newsletter_list, language="en")
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            schedule(issue, user=None)
    finally:
        controller.stop()
    assert [envelope.rcpt_tos for envelope in sink.envelopes] == [[row.email]]
    message = email.message_from_bytes(sink.envelopes[0].content, policy=email.policy.default)
    unsubscribe = message["List-Unsubscribe"].strip()
    assert unsubscribe.startswith("<http://testserver/newsletter/one-click/")
    assert unsubscribe.endswith("/>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    types = [part.get_content_type() for part in message.walk()]
    assert "text/plain" in types and "text/html" in types


def test_scheduled_issue_is_sent_by_the_due_command_once_its_time_has_come(issue, newsletter_list):
    SubscriptionFactory(newsletter_list=newsletter_list)
    sending = schedule(issue, user=None, when=timezone.now() + datetime.timedelta(hours=1))
    call_command("send_due_newsletters", stdout=io.StringIO())
    assert mail.outbox == []
    Sending.objects.filter(pk=sending.pk).update(
        scheduled_for=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("send_due_newsletters", stdout=io.StringIO())
    assert len(mail.outbox) == 1
