"""The calendar's HTML: an upcoming list grouped by day, a month grid, and the event page's
occurrence list. All of them read stored occurrences through CalendarFilter and resolve pages in
batches, so the query count does not depend on how many events there are."""

import calendar as calendar_module
import datetime

from django.core.paginator import Paginator
from django.http import Http404
from django.templatetags.tz import do_timezone
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from apps.core.base_template import render
from apps.core.locale import localized_for_request
from apps.events.cells import month_cells
from apps.events.choices import filter_choices
from apps.events.filters import CalendarFilter, base_queryset
from apps.events.grid import grid_days
from apps.events.ics import location
from apps.events.jsonld import event_json_ld, image_urls
from apps.events.listing import CategoryLabels, pages_by_key, prefetch_thumbnails
from apps.events.models import (
    EventOccurrence,
)
from apps.events.navigation import filter_query, view_links
from apps.events.subscribe import calendar_links, event_links, feed_query

PER_PAGE = 30


def localise(occurrence, page):
    """Stored times are UTC; visitors need the event's own wall clock, which is not always the
    site's zone. The times are marked so that the ``date`` filter keeps that wall clock instead
    of converting to the site's zone, and ``zone_label`` names the zone when it is not the
    site's. Also hangs the page to show on the row for the templates."""
    zone = page.zone if page is not None else timezone.get_default_timezone()
    occurrence.local_start = do_timezone(occurrence.start, zone)
    occurrence.local_end = do_timezone(occurrence.end, zone)
    occurrence.local_original_start = (
        do_timezone(occurrence.original_start, zone) if occurrence.original_start else None
    )
    occurrence.zone_label = zone_label(page)
    occurrence.page = page
    occurrence.other_venue = _other_venue(occurrence, page)
    return occurrence


def zone_label(page):
    """The event's time zone when it differs from the site's, else ""."""
    if page is None or page.time_zone == page.site_time_zone:
        return ""
    return page.time_zone


def _other_venue(occurrence, page):
    """The venue a date moved to, when it is not the event's own (compared across languages by
    translation key); None otherwise, so templates show the event's venue."""
    if not occurrence.moved or occurrence.venue is None:
        return None
    own = page.venue if page is not None else None
    if own is not None and own.translation_key == occurrence.venue.translation_key:
        return None
    return occurrence.venue


def _attach_pages(occurrences, index_page, thumbnails=False):
    """Rows with their pages in the calendar's language, each with its page's address and the
    address of its venue's page on this calendar (the slug is shared by the venue's
    translations)."""
    keys = [row.series.key for row in occurrences]
    pages = pages_by_key(keys, index_page.locale)
    if thumbnails:
        prefetch_thumbnails(pages.values())
    url_of = _page_urls(index_page)
    addresses = {}
    for key, page in pages.items():
        venue = page.venue
        addresses[key] = (
            url_of(page),
            index_page.venue_url(venue.slug) if venue and venue.slug else "",
        )
    rows = [localise(row, pages[row.series.key]) for row in occurrences if row.series.key in pages]
    for row in rows:
        row.url, row.venue_url = addresses[row.series.key]
    return rows


def _page_urls(index_page):
    """Addresses of event pages: below the calendar from its own address and the page's path,
    elsewhere (another language's calendar) through Wagtail, which looks the site's roots up
    each time it is asked."""
    base_path, base_url = index_page.url_path, index_page.own_url

    def url_of(page):
        if base_url and page.url_path.startswith(base_path):
            return base_url + page.url_path[len(base_path) :]
        return page.url

    return url_of


def group_by_day(rows):
    """[(day, rows)] in the rows' order, each under the local day it starts."""
    days = []
    for row in rows:
        day = row.local_start.date()
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append(row)
    return days


def _filtered(request, data):
    filterset = CalendarFilter(data, queryset=base_queryset())
    if not filterset.is_valid():
        return filterset, EventOccurrence.objects.none(), filterset.errors
    return filterset, filterset.qs, {}


def _api_query(query, language):
    """The page's filters for the API (the map's GeoJSON), in the calendar's language."""
    query = query.copy()
    query["locale"] = language
    return query.urlencode()


def _context(request, index_page, filters, errors, current="list", day=None, **extra):
    language = index_page.locale.language_code
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": index_page,
        "self": index_page,
        "filters": filters,
        "errors": errors,
        "query_string": query.urlencode(),
        "map_query": _api_query(query, language),
        "ics_url": reverse("calendar-ics") + "?" + feed_query(request.GET, language),
        "subscribe_links": calendar_links(request, request.GET, language, index_page.title),
        "view_links": view_links(index_page, request.GET, current, day),
        **filter_choices(index_page.locale),
        **extra,
    }


def calendar_list(request, index_page):
    filterset, occurrences, errors = _filtered(request, request.GET)
    paginator = Paginator(occurrences, PER_PAGE)
    page_of = paginator.get_page(request.GET.get("page"))
    rows = _attach_pages(list(page_of.object_list), index_page, thumbnails=True)
    window_start = filterset.form.window[0] if not errors else None
    days = []
    for row in rows:
        day = row.local_start.date()
        if window_start is not None:
            day = max(day, window_start.astimezone(row.local_start.tzinfo).date())
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append(row)
    return render(
        request,
        "events/event_index_page.html",
        _context(
            request,
            index_page,
            request.GET,
            errors,
            day=timezone.localdate(window_start) if window_start else None,
            days=days,
            occurrences=page_of,
            labels=CategoryLabels(index_page.locale),
        ),
        status=400 if errors else 200,
    )


def calendar_month(request, index_page, year, month):
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 1900 < year < 2200):
        raise Http404
    weeks_dates = calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks_dates[0][0], weeks_dates[-1][-1]
    data = request.GET.copy()
    data["start"], data["end"] = first.isoformat(), last.isoformat()
    _filterset, occurrences, errors = _filtered(request, data)
    by_day = grid_days(occurrences, first, last, lambda rows: month_cells(rows, index_page))
    suffix = "?" + filter_query(request.GET) if filter_query(request.GET) else ""
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "today": day == today,
                "items": by_day.get(day, ([], 0))[0],
                "more": by_day.get(day, ([], 0))[1],
                "day_url": index_page.day_url(day) + suffix,
            }
            for day in week
        ]
        for week in weeks_dates
    ]
    previous = datetime.date(year, month, 1) - datetime.timedelta(days=1)
    following = datetime.date(year, month, 28) + datetime.timedelta(days=7)
    shown = datetime.date(year, month, 1)
    return render(
        request,
        "events/event_month.html",
        _context(
            request,
            index_page,
            request.GET,
            errors,
            current="month",
            day=today if (today.year, today.month) == (year, month) else shown,
            weeks=weeks,
            month=shown,
            weekdays=[WEEKDAYS_ABBR[number] for number in range(7)],
            period_links=[
                {
                    "rel": "prev",
                    "text": _("Previous month"),
                    "url": index_page.month_url(previous.year, previous.month) + suffix,
                },
                {
                    "rel": "next",
                    "text": _("Next month"),
                    "url": index_page.month_url(following.year, following.month) + suffix,
                },
            ],
        ),
        status=400 if errors else 200,
    )


def event_page_context(request, page):
    """Occurrences next first (then recent past ones), the map link and JSON-LD."""
    now = timezone.now()
    rows = (
        EventOccurrence.objects.visible()
        .filter(series__key=page.translation_key)
        .select_related("venue__municipality__parent")
    )
    upcoming = [localise(row, page) for row in rows.filter(end__gte=now).order_by("start")[:50]]
    past = [localise(row, page) for row in rows.filter(end__lt=now).order_by("-start")[:10]]
    venue = localized_for_request(request, page.venue) if page.venue_id else None
    calendar_page = page.get_parent().specific
    organiser = localized_for_request(request, page.organiser)
    url = request.build_absolute_uri(page.get_url(request) or "/")
    language = page.locale.language_code
    return {
        "upcoming": upcoming,
        "past": past,
        "venue": venue,
        "organiser": organiser,
        "category_names": [c["name"] for c in CategoryLabels(page.locale).for_page(page)],
        "calendar_page": calendar_page,
        "venue_url": calendar_page.venue_url(venue.slug) if venue and venue.slug else "",
        "json_ld": event_json_ld(
            page,
            upcoming or past,
            url,
            venue,
            organiser,
            language,
            images=image_urls(page.sharing_image, request.build_absolute_uri),
        ),
        "add_links": event_links(
            request, page, upcoming, lambda row: location(page, row.other_venue)
        ),
    }
