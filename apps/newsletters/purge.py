"""Unconfirmed signups are not consent; keeping them longer than the confirmation link lives
would only keep personal data of people who never agreed."""

import datetime

from django.utils import timezone

from apps.newsletters.models import Subscription, SubscriptionStatus

UNCONFIRMED_DAYS = 7


def purge_unconfirmed(now=None, days=UNCONFIRMED_DAYS):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    _total, deleted = Subscription.objects.filter(
        status=SubscriptionStatus.UNCONFIRMED, signed_up_at__lt=cutoff
    ).delete()
    return deleted.get(Subscription._meta.label, 0)
