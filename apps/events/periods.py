"""The calendar's week and day views: the events under way on each day of an ISO week, or on one
day. Like the month grid they read stored occurrences through CalendarFilter with the period as
the window and resolve pages in one batch, so the query count does not grow with the events. A
crowded week shows each day's first dates and links to the day view, which pages rather than
cuts."""

import datetime

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.api.filters import MAX_YEAR, MIN_YEAR
from apps.core.base_template import render
from apps.events import conf
from apps.events.grid import grid_days, spread_over_days
from apps.events.listing import CategoryLabels
from apps.events.navigation import filter_query
from apps.events.views import _attach_pages, _context, _filtered

ONE_DAY = datetime.timedelta(days=1)


def _in_range(year):
    """Years the month view takes too; beyond them a date window would overflow."""
    if not MIN_YEAR < year < MAX_YEAR:
        raise Http404


def _period(request, first, last):
    """Filter errors and the occurrences under way in the days ``first``..``last``."""
    data = request.GET.copy()
    data["start"], data["end"] = first.isoformat(), last.isoformat()
    _filterset, occurrences, errors = _filtered(request, data)
    return errors, occurrences


def _neighbours(request, url_of, previous, following, texts):
    query = filter_query(request.GET)
    suffix = f"?{query}" if query else ""
    return [
        {"rel": "prev", "text": texts[0], "url": url_of(previous) + suffix},
        {"rel": "next", "text": texts[1], "url": url_of(following) + suffix},
    ]


def calendar_week(request, index_page, year, week):
    _in_range(year)
    try:
        monday = datetime.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise Http404 from None
    sunday = monday + datetime.timedelta(days=6)
    errors, occurrences = _period(request, monday, sunday)
    by_day = grid_days(
        occurrences, monday, sunday, lambda rows: _attach_pages(list(rows), index_page)
    )
    query = filter_query(request.GET)
    suffix = f"?{query}" if query else ""
    today = timezone.localdate()
    days = [monday + ONE_DAY * offset for offset in range(7)]
    return render(
        request,
        "events/event_week.html",
        _context(
            request,
            index_page,
            request.GET,
            errors,
            current="week",
            day=today if monday <= today <= sunday else monday,
            first=monday,
            last=sunday,
            week=week,
            days=[
                (day, *by_day.get(day, ([], 0)), index_page.day_url(day) + suffix) for day in days
            ],
            labels=CategoryLabels(index_page.locale),
            period_links=_neighbours(
                request,
                index_page.week_url,
                monday - datetime.timedelta(days=7),
                monday + datetime.timedelta(days=7),
                (_("Previous week"), _("Next week")),
            ),
        ),
        status=400 if errors else 200,
    )


def calendar_day(request, index_page, day):
    try:
        day = datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    _in_range(day.year)
    errors, occurrences = _period(request, day, day)
    page_of = Paginator(occurrences, conf.grid_limit()).get_page(request.GET.get("page"))
    rows = _attach_pages(list(page_of.object_list), index_page)
    return render(
        request,
        "events/event_day.html",
        _context(
            request,
            index_page,
            request.GET,
            errors,
            current="day",
            day=day,
            shown_day=day,
            rows=spread_over_days(rows, day, day).get(day, []),
            occurrences=page_of,
            labels=CategoryLabels(index_page.locale),
            period_links=_neighbours(
                request,
                index_page.day_url,
                day - ONE_DAY,
                day + ONE_DAY,
                (_("Previous day"), _("Next day")),
            ),
        ),
        status=400 if errors else 200,
    )
