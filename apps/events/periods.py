"""The calendar's week and day views: the events under way on each day of an ISO week, or on one
day. Like the month grid they read stored occurrences through CalendarFilter with the period as
the window and resolve pages in one batch, so the query count does not grow with the events."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.api.filters import MAX_YEAR, MIN_YEAR
from apps.core.base_template import render
from apps.events.listing import CategoryLabels
from apps.events.navigation import filter_query
from apps.events.views import MONTH_LIMIT, _attach_pages, _context, _filtered, spread_over_days

ONE_DAY = datetime.timedelta(days=1)


def _in_range(year):
    """Years the month view takes too; beyond them a date window would overflow."""
    if not MIN_YEAR < year < MAX_YEAR:
        raise Http404


def _period(request, index_page, first, last):
    """Filter errors and {day: rows} for the days ``first``..``last``."""
    data = request.GET.copy()
    data["start"], data["end"] = first.isoformat(), last.isoformat()
    _filterset, occurrences, errors = _filtered(request, data)
    rows = _attach_pages(list(occurrences[:MONTH_LIMIT]), index_page)
    return errors, spread_over_days(rows, first, last)


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
    errors, by_day = _period(request, index_page, monday, sunday)
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
            days=[(day, by_day.get(day, [])) for day in days],
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
    errors, by_day = _period(request, index_page, day, day)
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
            rows=by_day.get(day, []),
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
