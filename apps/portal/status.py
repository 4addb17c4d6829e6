"""The status an organiser sees for each event, derived from the page and the portal's record
of the last moderation, for a whole list in one query."""

import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.events.models import EventStatus
from apps.portal.models import Moderation
from apps.portal.permissions import owned_events

LABELS = {
    "draft": _("Draft"),
    "submitted": _("Awaiting moderation"),
    "published": _("Published"),
    "changed": _("Published; changes not yet submitted"),
    "rejected": _("Changes requested"),
    "cancelled": pgettext_lazy("event status", "Cancelled"),
}


def portal_of(page):
    try:
        return page.portal
    except page._meta.get_field("portal").related_model.DoesNotExist:
        return None


def status_code(page, portal):
    if page.live and page.status == EventStatus.CANCELLED:
        return "cancelled"
    if portal is not None and portal.moderation == Moderation.SUBMITTED:
        return "submitted"
    if portal is not None and portal.moderation == Moderation.REJECTED:
        return "rejected"
    if page.live:
        return "changed" if page.has_unpublished_changes else "published"
    return "draft"


class EventRow:
    """A line of "My events": the latest revision's title and first date without loading
    each revision as a page."""

    def __init__(self, page):
        self.page = page
        self.portal = portal_of(page)
        self.code = status_code(page, self.portal)
        self.label = LABELS[self.code]
        self.reason = self.portal.reason if self.code == "rejected" else ""
        content = page.latest_revision.content if page.latest_revision_id else {}
        self.title = page.draft_title or page.title
        start = content.get("start_date") if content else None
        self.start_date = datetime.date.fromisoformat(start) if start else page.start_date


def my_events(account):
    pages = (
        owned_events(account)
        .select_related("portal", "latest_revision", "locale")
        .order_by("-start_date", "-pk")
    )
    return pages


def rows(pages):
    return [EventRow(page) for page in pages]
