"""Upcoming events shown outside the calendar: on the home page and on an organisation's page
(registered from AppConfig.ready with core and network, which must not import us)."""

from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.locale import active_locale
from apps.events.listing import pages_by_key, prefetch_thumbnails
from apps.events.models import EventIndexPage, EventOccurrence, EventPage
from apps.events.subscribe import calendar_links
from apps.events.views import localise

HOME_ITEMS = 6
ORGANISATION_ITEMS = 5


def upcoming(locale, limit, exclude_series=(), **filters):
    """The next ``limit`` occurrences, one per event, in a fixed number of queries."""
    now = timezone.now()
    rows = (
        EventOccurrence.objects.visible()
        .filter(end__gte=now, **filters)
        .exclude(series_id__in=exclude_series)
        .select_related("series", "venue__municipality__parent")
        .order_by("start", "series_id")[: limit * 4]
    )
    seen, chosen = set(), []
    for row in rows:
        if row.series_id not in seen:
            seen.add(row.series_id)
            chosen.append(row)
    pages = pages_by_key([row.series.key for row in chosen], locale)
    prefetch_thumbnails(pages.values())
    shown = [localise(row, pages[row.series.key]) for row in chosen if row.series.key in pages]
    return shown[:limit]


def home_section(request, home_page):
    """Featured upcoming events first (soonest first), then the other upcoming ones."""
    locale = home_page.locale
    featured = upcoming(locale, HOME_ITEMS, event__featured=True)
    remaining = HOME_ITEMS - len(featured)
    others = (
        upcoming(locale, remaining, exclude_series=[row.series_id for row in featured])
        if remaining
        else []
    )
    items = featured + others
    if not items:
        return None
    calendar = EventIndexPage.objects.live().filter(locale=locale).first()
    return {
        "template": "events/home_section.html",
        "title": _("Upcoming events"),
        "items": items,
        "more_url": calendar.url if calendar else None,
    }


def organisation_section(request, organisation):
    """The next events and the organiser's feed; an organiser between events still offers its
    feed, so people can subscribe before the next one is announced."""
    locale = active_locale()
    items = upcoming(
        locale,
        ORGANISATION_ITEMS,
        event__organiser__translation_key=organisation.translation_key,
    )
    pages = EventPage.objects.live().public()
    own = pages.filter(organiser__translation_key=organisation.translation_key)
    if not items and not own.exists():
        return None
    calendar = EventIndexPage.objects.live().filter(locale=locale).first()
    query = "?" + urlencode({"organiser": organisation.slug})
    return {
        "template": "events/organisation_section.html",
        "title": _("Upcoming events"),
        "items": items,
        "calendar_url": calendar.url + query if calendar else None,
        "archive_url": calendar.route_url("archive") + query if calendar else None,
        "subscribe_heading": _("Subscribe to events by %(name)s") % {"name": organisation},
        "subscribe_links": calendar_links(
            request,
            {"organiser": organisation.slug},
            active_locale().language_code,
            str(organisation),
        ),
    }
