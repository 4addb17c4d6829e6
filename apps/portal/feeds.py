"""Refresh an organisation's subscribed calendar feed: fetch it, import through the same
importer as ``import_ics`` (matched on UID, so an unchanged feed changes nothing) and send every
created or changed event through the portal's moderation (or publish it, for a trusted
organisation), exactly as if the organiser had submitted it. Whatever goes wrong is recorded on
the subscription for the organiser to read; it never stops the other subscriptions."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.events.ics_import import ImportProblem, import_events, parse_calendar
from apps.portal.content import calendar_for
from apps.portal.feed_fetch import FetchError, fetch
from apps.portal.services import submit_for


@dataclass
class Outcome:
    ok: bool
    summary: str
    errors: list = field(default_factory=list)


def _import(subscription, data):
    organisation = subscription.organisation
    calendar = calendar_for(organisation.locale.language_code)
    if calendar is None:
        return Outcome(False, _("There is no event calendar to import into."))
    try:
        parsed = parse_calendar(data)
    except ImportProblem as problem:
        return Outcome(False, str(problem))
    with transaction.atomic():
        report = import_events(calendar, organisation, parsed, user=subscription.created_by)
        for page in report.changed_pages:
            submit_for(organisation, subscription.created_by, page)
    summary = _(
        "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped"
    ) % {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": len(report.problems),
    }
    errors = [str(problem) for problem in report.problems + report.warnings]
    return Outcome(True, summary, errors)


def refresh(subscription, fetcher=fetch):
    """Fetch and import one subscription and record the outcome on it."""
    try:
        outcome = _import(subscription, fetcher(subscription.url))
    except FetchError as error:
        outcome = Outcome(False, str(error))
    subscription.last_fetched = timezone.now()
    subscription.last_ok = outcome.ok
    subscription.last_result = outcome.summary[:500]
    subscription.last_errors = outcome.errors
    subscription.save(update_fields=["last_fetched", "last_ok", "last_result", "last_errors"])
    return outcome
