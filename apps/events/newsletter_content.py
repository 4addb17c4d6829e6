"""Offers the calendar to newsletters (registered with apps.newsletters from AppConfig.ready,
which must not import us): the upcoming events (parameter: a category slug, or empty for all),
and single events editors pick into an issue. Upcoming events matter until they happen, so a
digest lists them whatever issue first announced them."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.events.listing import pages_by_key
from apps.events.models import EventOccurrence, EventPage
from apps.events.sections import upcoming
from apps.newsletters.registry import register_newsletter_content


def _item(page, start):
    return {
        "title": page.title,
        "url": settings.WAGTAILADMIN_BASE_URL + page.url,
        "summary": page.summary,
        "date": start.astimezone(page.zone).date() if start else None,
    }


def upcoming_events(locale, parameter, limit, since):
    filters = {}
    if parameter:
        filters["event__categories__category__slug"] = parameter.strip()
    if since is not None:
        filters["event__first_published_at__gte"] = since
    return [_item(row.page, row.start) for row in upcoming(locale, limit, **filters)]


def describe_events(pages, locale):
    """Picked events with their next date, in two queries however many were picked."""
    pages = pages_by_key([page.translation_key for page in pages], locale)
    starts = {}
    rows = (
        EventOccurrence.objects.visible()
        .filter(series__key__in=list(pages), end__gte=timezone.now())
        .order_by("start")
        .values_list("series__key", "start")
    )
    for key, start in rows:
        starts.setdefault(key, start)
    return {key: _item(page, starts.get(key)) for key, page in pages.items()}


def register():
    register_newsletter_content(
        "upcoming-events",
        _("Upcoming events"),
        upcoming_events,
        parameter_help=_("An event category's slug, or empty for all events."),
        only_new=False,
        page_types=[EventPage],
        describe=describe_events,
    )
