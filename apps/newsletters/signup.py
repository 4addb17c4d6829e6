"""Double opt-in signup, confirmation and unsubscription: the single code path behind the HTML
form and the API. Whatever the address's state, the caller gets the same outcome, so neither
the response nor its status tells a visitor whether somebody is subscribed."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.core.tokens import new_nonce
from apps.core.transactions import atomic_retrying_conflicts
from apps.newsletters import tokens
from apps.newsletters.addresses import address_digest
from apps.newsletters.forms import HONEYPOT_FIELD, SignupForm
from apps.newsletters.models import ConsentText, Subscription, SubscriptionStatus, Suppression
from apps.newsletters.ratelimit import check_rate

CONFIRMATION_INTERVAL = datetime.timedelta(hours=24)


@dataclass
class SignupOutcome:
    """``errors`` is a form's error dict when the input was invalid; otherwise the request was
    accepted (which says nothing about what, if anything, was stored or sent)."""

    errors: dict = field(default_factory=dict)

    @property
    def accepted(self):
        return not self.errors


def handle_signup(request, data, *, source, source_detail=""):
    """Rate limit (raises RateLimited before anything is written), honeypot, validation, store,
    and at most one confirmation e-mail per address per day."""
    check_rate(request)
    if str(data.get(HONEYPOT_FIELD) or "").strip():
        return SignupOutcome()
    form = SignupForm(data)
    if not form.is_valid():
        return SignupOutcome(errors=form.errors)
    nonce = subscribe(
        form.cleaned_data["email"],
        form.cleaned_data["lists"],
        form.cleaned_data["language"],
        source=source,
        source_detail=source_detail[:300],
    )
    if nonce:
        from apps.newsletters.tasks import send_confirmation

        send_confirmation.enqueue(nonce)
    return SignupOutcome()


@atomic_retrying_conflicts
def subscribe(email, newsletter_lists, language, *, source, source_detail="", now=None):
    """Store unconfirmed subscriptions; returns the confirmation nonce to e-mail, or None when
    nothing needs confirming or the address already had a confirmation e-mail today. Identical
    signups at once race to insert the same row: the loser runs again and finds the winner's."""
    now = now or timezone.now()
    digest = address_digest(email)
    consent = ConsentText.objects.current(language)
    existing = {
        row.newsletter_list_id: row
        for row in Subscription.objects.select_for_update().filter(email_digest=digest)
    }
    pending_nonce = (
        next(
            (
                row.confirm_nonce
                for row in existing.values()
                if row.status == SubscriptionStatus.UNCONFIRMED and row.confirm_nonce
            ),
            None,
        )
        or new_nonce()
    )
    for newsletter_list in newsletter_lists:
        row = existing.get(newsletter_list.pk)
        if row is None:
            row = Subscription(email=email, newsletter_list=newsletter_list)
        elif row.status == SubscriptionStatus.CONFIRMED:
            continue
        row.status = SubscriptionStatus.UNCONFIRMED
        row.language = language
        row.source = source
        row.source_detail = source_detail
        row.consent_text = consent
        row.signed_up_at = now
        row.confirmed_at = None
        row.unsubscribed_at = None
        row.confirm_nonce = pending_nonce
        row.save()
    pending = Subscription.objects.filter(
        email_digest=digest, status=SubscriptionStatus.UNCONFIRMED
    )
    if not pending.exists():
        return None
    last_sent = Subscription.objects.filter(email_digest=digest).aggregate(
        last=Max("confirmation_sent_at")
    )["last"]
    if last_sent is not None and now - last_sent < CONFIRMATION_INTERVAL:
        return None
    pending.update(confirmation_sent_at=now, confirm_nonce=pending_nonce)
    return pending_nonce


def pending_for(token):
    """The unconfirmed subscriptions a confirmation link is for; reading changes nothing."""
    payload = tokens.read_token(tokens.CONFIRM, token)
    nonce = payload.get("n") if isinstance(payload, dict) else None
    rows = list(
        Subscription.objects.filter(
            confirm_nonce=nonce or "-", status=SubscriptionStatus.UNCONFIRMED
        ).select_related("newsletter_list", "consent_text")
    )
    if not nonce or not rows:
        raise tokens.InvalidToken("used or unknown")
    return rows


@transaction.atomic
def confirm(token, now=None):
    rows = pending_for(token)
    now = now or timezone.now()
    Subscription.objects.filter(pk__in=[row.pk for row in rows]).update(
        status=SubscriptionStatus.CONFIRMED, confirmed_at=now, confirm_nonce=""
    )
    Suppression.objects.filter(digest=rows[0].email_digest).delete()
    return rows


def subscription_for(token):
    """The subscription an unsubscribe link is for, while that link is still unused."""
    payload = tokens.read_token(tokens.UNSUBSCRIBE, token)
    if not isinstance(payload, dict):
        raise tokens.InvalidToken("malformed")
    row = (
        Subscription.objects.filter(pk=payload.get("s"), unsubscribe_nonce=payload.get("n"))
        .exclude(status=SubscriptionStatus.UNSUBSCRIBED)
        .select_related("newsletter_list")
        .first()
    )
    if row is None:
        raise tokens.InvalidToken("used or unknown")
    return row


@transaction.atomic
def unsubscribe(token, now=None):
    row = subscription_for(token)
    row.status = SubscriptionStatus.UNSUBSCRIBED
    row.unsubscribed_at = now or timezone.now()
    row.unsubscribe_nonce = new_nonce()
    row.confirm_nonce = ""
    row.save()
    return row
