"""The bookkeeping of a sending's deliveries, as single UPDATEs that are safe to repeat.

A run claims a batch of due deliveries under its own random claim (so two runs never take the
same rows, on any database), sends them, and records each outcome: *sent* only after the mail
server accepted the message, *deferred* with a growing delay after a temporary failure, *failed*
after a permanent one or when the attempts run out. A claim older than the claim timeout
belongs to a run that died; the next run takes those rows over (at-least-once), so a crash
after the server accepted a message but before the row said so sends that message twice."""

import datetime
import uuid

from django.db import transaction
from django.db.models import Case, Count, F, Min, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.newsletters import conf
from apps.newsletters.models import (
    OPEN_STATES,
    Delivery,
    DeliveryStatus,
    Sending,
    SendingStatus,
    SubscriptionStatus,
)

CHUNK = 1000
ERROR_LENGTH = Delivery._meta.get_field("error").max_length


def new_claim():
    return uuid.uuid4().hex


def add_recipients(sending, subscriptions, language_of):
    """A pending row for every recipient who has none yet (people confirmed since the sending
    began get the issue too), written in chunks without loading every subscription at once."""
    missing = (
        subscriptions.exclude(deliveries__sending=sending)
        .order_by("pk")
        .values_list("pk", "language")
    )
    last_pk = 0
    while rows := list(missing.filter(pk__gt=last_pk)[:CHUNK]):
        last_pk = rows[-1][0]
        Delivery.objects.bulk_create(
            [
                Delivery(sending=sending, subscription_id=pk, language=language_of(language))
                for pk, language in rows
            ],
            ignore_conflicts=True,
        )


def drop_departed(sending):
    """Who unsubscribed (or was erased) before their turn gets nothing and needs no row."""
    Delivery.objects.filter(
        sending=sending, status__in=[DeliveryStatus.PENDING, DeliveryStatus.DEFERRED]
    ).exclude(subscription__status=SubscriptionStatus.CONFIRMED).delete()


def _due(now):
    stale = now - datetime.timedelta(seconds=conf.claim_timeout())
    return (
        Q(status=DeliveryStatus.PENDING)
        | Q(status=DeliveryStatus.DEFERRED, next_attempt_at=None)
        | Q(status=DeliveryStatus.DEFERRED, next_attempt_at__lte=now)
        | Q(status=DeliveryStatus.CLAIMED, claimed_at__lt=stale)
    )


def claim(sending, token, size):
    """Up to ``size`` due deliveries, now claimed by ``token``, with their subscriptions."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=conf.claim_timeout())
    Delivery.objects.filter(
        sending=sending,
        status=DeliveryStatus.CLAIMED,
        claimed_at__lt=stale,
        attempts__gte=conf.max_attempts(),
    ).update(status=DeliveryStatus.FAILED, claim="", error=_gave_up(_("interrupted")))
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(
                sending=sending, subscription__status=SubscriptionStatus.CONFIRMED
            )
            .filter(_due(now))
            .order_by("pk")
            .select_for_update(skip_locked=True, of=("self",))
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids).filter(_due(now)).update(
            status=DeliveryStatus.CLAIMED, claim=token, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(
        Delivery.objects.filter(sending=sending, claim=token, status=DeliveryStatus.CLAIMED)
        .select_related("subscription")
        .order_by("pk")
    )


def renew(token):
    """Keeps a slow batch's lease, so no other run takes it over while this one still works."""
    Delivery.objects.filter(claim=token, status=DeliveryStatus.CLAIMED).update(
        claimed_at=timezone.now()
    )


def mark_sent(pks):
    """Whatever else happened to the rows (another run took them over), the server accepted
    them."""
    Delivery.objects.filter(pk__in=pks).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), error="", next_attempt_at=None
    )


def _mine(delivery):
    return Delivery.objects.filter(
        pk=delivery.pk, claim=delivery.claim, status=DeliveryStatus.CLAIMED
    )


def mark_failed(delivery, error):
    _mine(delivery).update(status=DeliveryStatus.FAILED, claim="", error=error[:ERROR_LENGTH])


def retry_delay(attempts):
    """Seconds before try number ``attempts + 1``: the retry delay, doubled for each try made."""
    return min(conf.retry_delay() * 2 ** max(attempts - 1, 0), conf.max_retry_delay())


def _gave_up(error):
    return _("%(error)s (gave up after %(count)d attempts)") % {
        "error": error,
        "count": conf.max_attempts(),
    }


def defer(delivery, error):
    """A temporary failure: try again later, or give up when the attempts are used."""
    if delivery.attempts >= conf.max_attempts():
        mark_failed(delivery, _gave_up(error))
        return DeliveryStatus.FAILED
    _mine(delivery).update(
        status=DeliveryStatus.DEFERRED,
        claim="",
        error=error[:ERROR_LENGTH],
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=retry_delay(delivery.attempts)),
    )
    return DeliveryStatus.DEFERRED


def release(token):
    """Rows this run claimed but never tried go back, their attempt not counted."""
    Delivery.objects.filter(claim=token, status=DeliveryStatus.CLAIMED).update(
        status=Case(
            When(attempts__lte=1, then=Value(DeliveryStatus.PENDING)),
            default=Value(DeliveryStatus.DEFERRED),
        ),
        attempts=F("attempts") - 1,
        claim="",
        next_attempt_at=None,
    )


def counts(sendings):
    """{sending id: {status: number}} for all ``sendings`` in one query."""
    result = {sending.pk: dict.fromkeys(DeliveryStatus.values, 0) for sending in sendings}
    rows = (
        Delivery.objects.filter(sending__in=list(result))
        .values_list("sending", "status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    for sending_id, status, number in rows:
        result[sending_id][status] = number
    return result


def finish(sending):
    """Store the totals; the sending is done when nothing is left to try. Returns the counts
    and when the next deferred delivery is due (None when none is)."""
    totals = counts([sending])[sending.pk]
    fields = {
        "sent_count": totals[DeliveryStatus.SENT],
        "failed_count": totals[DeliveryStatus.FAILED],
    }
    if not any(totals[state] for state in OPEN_STATES):
        fields.update(status=SendingStatus.DONE, finished_at=timezone.now())
    Sending.objects.filter(pk=sending.pk).update(**fields)
    next_attempt = (
        Delivery.objects.filter(sending=sending, status=DeliveryStatus.DEFERRED).aggregate(
            first=Min("next_attempt_at")
        )["first"]
        if totals[DeliveryStatus.DEFERRED]
        else None
    )
    return totals, fields.get("status", SendingStatus.SENDING), next_attempt


@transaction.atomic
def retry_failed(sending):
    """The editor's "retry failed": every failed delivery is due again with fresh attempts, and
    a finished sending is reopened so the next run picks it up. Returns how many."""
    number = Delivery.objects.filter(sending=sending, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.DEFERRED, attempts=0, next_attempt_at=None, claim=""
    )
    if number:
        Sending.objects.filter(pk=sending.pk, status=SendingStatus.DONE).update(
            status=SendingStatus.SENDING, finished_at=None
        )
    return number
