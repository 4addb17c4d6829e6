import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.newsletters.factories import SubscriptionFactory
from apps.newsletters.models import Subscription, SubscriptionStatus
from apps.newsletters.tasks import purge_unconfirmed

pytestmark = pytest.mark.django_db


def make(newsletter_list, email, status, days_ago):
    return SubscriptionFactory(
        email=email,
        newsletter_list=newsletter_list,
        status=status,
        signed_up_at=timezone.now() - datetime.timedelta(days=days_ago),
        confirmed_at=None,
    )


def test_purge_unconfirmed_deletes_only_week_old_unconfirmed_signups(newsletter_list):
    make(newsletter_list, "old@example.org", SubscriptionStatus.UNCONFIRMED, 8)
    make(newsletter_list, "fresh@example.org", SubscriptionStatus.UNCONFIRMED, 6)
    make(newsletter_list, "member@example.org", SubscriptionStatus.CONFIRMED, 30)
    out = io.StringIO()
    call_command("purge_unconfirmed", stdout=out)
    assert "purged 1" in out.getvalue()
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "fresh@example.org",
        "member@example.org",
    }


def test_purge_also_runs_as_a_background_task(newsletter_list):
    make(newsletter_list, "old@example.org", SubscriptionStatus.UNCONFIRMED, 9)
    result = purge_unconfirmed.enqueue()
    assert result.return_value == 1
    assert not Subscription.objects.exists()
