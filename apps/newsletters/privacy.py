"""Subscribers' rights: a copy of their data (sent only to their own mailbox) and erasure,
which leaves a keyed hash behind so that re-importing an old list cannot resubscribe them."""

from django.db import transaction

from apps.newsletters.models import Subscription, Suppression


def subscriber_data(digest):
    rows = Subscription.objects.filter(email_digest=digest).select_related(
        "newsletter_list", "consent_text"
    )
    subscriptions = []
    email = None
    for row in rows:
        email = row.email
        subscriptions.append(
            {
                "list": row.newsletter_list.slug,
                "list_name": row.newsletter_list.name,
                "status": row.status,
                "language": row.language,
                "source": row.source,
                "source_detail": row.source_detail,
                "signed_up_at": _iso(row.signed_up_at),
                "confirmed_at": _iso(row.confirmed_at),
                "unsubscribed_at": _iso(row.unsubscribed_at),
                "consent_text": (
                    {
                        "language": row.consent_text.language,
                        "version": row.consent_text.version,
                        "text": row.consent_text.text,
                    }
                    if row.consent_text
                    else None
                ),
                "deliveries": [
                    {
                        "newsletter": delivery.sending.page.title,
                        "status": delivery.status,
                        "sent_at": _iso(delivery.sent_at),
                    }
                    for delivery in row.deliveries.select_related("sending__page")
                ],
            }
        )
    return {"email": email, "subscriptions": subscriptions}


def _iso(value):
    return value.isoformat() if value else None


@transaction.atomic
def erase(digest):
    """Delete every subscription (and with it every delivery record) of the address."""
    deleted, _detail = Subscription.objects.filter(email_digest=digest).delete()
    Suppression.objects.get_or_create(digest=digest)
    return deleted
