"""Daily: refresh every active calendar feed organisers subscribed in the portal. A feed that
cannot be fetched or read is recorded on its subscription and listed here; the others still
run, and the command never ends in a traceback because of one organiser's address."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from apps.portal import feeds
from apps.portal.models import FeedSubscription


class Command(BaseCommand):
    help = "Fetch the calendar feeds organisers subscribed in the portal and import their events."

    def handle(self, **options):
        subscriptions = FeedSubscription.objects.filter(active=True).select_related(
            "organisation__locale", "created_by"
        )
        failed = 0
        for subscription in subscriptions.iterator():
            outcome = feeds.refresh(subscription)
            line = _("%(organisation)s, %(url)s: %(result)s") % {
                "organisation": subscription.organisation.name,
                "url": subscription.url,
                "result": outcome.summary,
            }
            self.stdout.write(line if outcome.ok else self.style.WARNING(line))
            for error in outcome.errors:
                self.stdout.write(f"  {error}")
            failed += not outcome.ok
        self.stdout.write(_("%(count)d feed(s) could not be imported.") % {"count": failed})
