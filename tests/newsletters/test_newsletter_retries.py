"""What happens when the mail server says "later" (4xx), "never" (5xx) or hangs up: nobody is
lost, temporary failures are retried with backoff, permanent ones are failed for good."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import override

from apps.newsletters.factories import SendingFactory, SubscriptionFactory
from apps.newsletters.models import Delivery, DeliveryStatus, Sending, SendingStatus
from apps.newsletters.sending import run_sending, schedule
from tests.newsletters.smtp_sink import Sink, SinkServer, free_port, smtp_settings

pytestmark = pytest.mark.django_db


def subscribers(newsletter_list, count, **fields):
    return [SubscriptionFactory(newsletter_list=newsletter_list, **fields) for _ in range(count)]


def states():
    return sorted(Delivery.objects.values_list("status", flat=True))


def time_passes():
    """Every deferred delivery and every claim is as old as if the retry delay had passed."""
    past = timezone.now() - datetime.timedelta(days=1)
    Delivery.objects.update(next_attempt_at=past, claimed_at=past)


def send_due():
    out = io.StringIO()
    call_command("send_due_newsletters", stdout=out)
    return out.getvalue()


def test_a_greylisted_recipient_is_deferred_then_sent(issue, newsletter_list):
    rows = subscribers(newsletter_list, 3)
    sink = Sink(greylist=True)
    with SinkServer(sink) as port, override_settings(**smtp_settings(port)):
        before = timezone.now()
        schedule(issue, user=None)
        assert sink.received == {}
        assert states() == [DeliveryStatus.DEFERRED] * 3
        delivery = Delivery.objects.first()
        assert delivery.error.startswith("451")
        assert delivery.next_attempt_at >= before + datetime.timedelta(seconds=300)
        assert Sending.objects.get().status == SendingStatus.SENDING
        assert "0 sent, 3 deferred" in send_due()  # not due yet: nothing is tried
        time_passes()
        send_due()
    assert sink.received == {row.email: 1 for row in rows}
    assert states() == [DeliveryStatus.SENT] * 3
    sending = Sending.objects.get()
    assert (sending.status, sending.sent_count) == (SendingStatus.DONE, 3)


def test_a_permanent_refusal_fails_that_recipient_only(issue, newsletter_list):
    kept = SubscriptionFactory(newsletter_list=newsletter_list, email="kept@example.org")
    SubscriptionFactory(newsletter_list=newsletter_list, email="bounce@example.org")
    sink = Sink()
    with SinkServer(sink) as port, override_settings(**smtp_settings(port)):
        schedule(issue, user=None)
    assert sink.received == {kept.email: 1}
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.subscription.email == "bounce@example.org"
    assert failed.error.startswith("550") and failed.attempts == 1
    sending = Sending.objects.get()
    assert (sending.status, sending.sent_count, sending.failed_count) == (SendingStatus.DONE, 1, 1)


@override_settings(BYGD_NEWSLETTER_MAX_ATTEMPTS=2)
def test_temporary_failures_give_up_after_the_last_attempt(issue, newsletter_list):
    subscribers(newsletter_list, 1)
    sink = Sink(always_greylist=True)
    with SinkServer(sink) as port, override_settings(**smtp_settings(port)), override("en"):
        schedule(issue, user=None)
        assert states() == [DeliveryStatus.DEFERRED]
        time_passes()
        send_due()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 2)
    assert "gave up after 2 attempts" in delivery.error
    assert Sending.objects.get().status == SendingStatus.DONE


def test_a_dropped_connection_is_reopened_and_nothing_is_lost(issue, newsletter_list):
    rows = subscribers(newsletter_list, 5)
    sink = Sink(disconnect_after=2)
    SendingFactory(page=issue)
    with SinkServer(sink) as port, override_settings(**smtp_settings(port)):
        first = send_due()  # raises nothing: no traceback
        assert "4 sent, 1 deferred" in first
        time_passes()
        send_due()
    assert sink.received == {row.email: 1 for row in rows}
    assert Sending.objects.get().status == SendingStatus.DONE


def test_an_unreachable_server_ends_the_run_with_a_message_and_keeps_everyone(
    issue, newsletter_list
):
    subscribers(newsletter_list, 3)
    SendingFactory(page=issue)
    with override_settings(**smtp_settings(free_port())), pytest.raises(CommandError) as error:
        send_due()
    assert "mail server could not be reached" in str(error.value)
    assert states() == [DeliveryStatus.PENDING] * 3
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {0}
    sink = Sink()
    with SinkServer(sink) as port, override_settings(**smtp_settings(port)):
        send_due()
    assert len(sink.received) == 3


def test_whoever_unsubscribes_before_their_turn_gets_nothing(issue, newsletter_list):
    rows = subscribers(newsletter_list, 2)
    sink = Sink(greylist=True)
    with SinkServer(sink) as port, override_settings(**smtp_settings(port)):
        schedule(issue, user=None)
        rows[0].status = "unsubscribed"
        rows[0].save()
        time_passes()
        send_due()
    assert sink.received == {rows[1].email: 1}
    assert Sending.objects.get().status == SendingStatus.DONE


def queries_to_send(issue, newsletter_list, count):
    subscribers(newsletter_list, count)
    sending = SendingFactory(page=issue)
    with CaptureQueriesContext(connection) as queries:
        run_sending(sending.pk)
    Sending.objects.all().delete()
    return len(queries)


def test_queries_grow_by_one_update_per_message(issue, newsletter_list):
    few = queries_to_send(issue, newsletter_list, 3)
    more = queries_to_send(issue, newsletter_list, 6)  # 9 recipients now
    assert more - few <= 6  # one state update per extra message, no per-recipient loading
