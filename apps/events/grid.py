"""Which dates a month or week grid shows on each day. A period with more dates than
`BYGD_EVENT_GRID_LIMIT` is not cut by order (that left the month's later days empty without a
word): each day then shows its first dates and says how many more its day view holds. Counting
and choosing take a fixed number of queries however many dates there are, and what they find
is kept under the content version (which moves with every write to events): both read every
date of the period, the rest of the page only the few hundred it shows."""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from apps.core import content_version
from apps.events import conf

SELECTION_TIMEOUT = 24 * 3600

ONE_DAY = datetime.timedelta(days=1)


def spread_over_days(rows, first, last):
    """{day: [rows]} for the days from ``first`` to ``last``: an event lasting several days is
    under each of them, in its own wall-clock days."""
    by_day = {}
    for row in rows:
        if row.all_day:
            begin, end = row.start_date, row.end_date
        else:
            begin = row.local_start.date()
            end = (row.local_end - datetime.timedelta(microseconds=1)).date()
            end = max(begin, end)
        day = max(begin, first)
        while day <= min(end, last):
            by_day.setdefault(day, []).append(row)
            day += ONE_DAY
    return by_day


def _days(first, last):
    return [first + ONE_DAY * offset for offset in range((last - first).days + 1)]


def _spans(occurrences):
    """[(first day, last day, dates)]: the period's dates grouped by their stored local days, in
    one pass; a filtered count per day read each date once per day of the grid."""
    return list(occurrences.order_by().values_list("start_date", "end_date").annotate(Count("pk")))


def _counts(spans, days):
    """{day: dates under way that day}."""
    totals = dict.fromkeys(days, 0)
    for begin, end, count in spans:
        day = max(begin, days[0])
        while day <= min(end, days[-1]):
            totals[day] += count
            day += ONE_DAY
    return totals


def _selection(occurrences, per_day, limit):
    """(spans, chosen primary keys or None when the period is not crowded), from the cache when
    the same period and filters were read since the content last changed."""
    if occurrences.query.is_empty():  # invalid filters: nothing to read, no SQL to key by
        return [], None
    query = str(occurrences.query).encode()
    digest = hashlib.sha256(query + f":{per_day}:{limit}".encode()).hexdigest()
    key = f"bygd:events:grid:{content_version.current()[0]}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _select(occurrences, per_day, limit)
        cache.set(key, found, SELECTION_TIMEOUT)
    return found


def _select(occurrences, per_day, limit):
    spans = _spans(occurrences)
    if sum(count for _first, _last, count in spans) <= limit:
        return spans, None
    ranked = occurrences.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("start_date")],
            order_by=[F("start").asc(), F("series_id").asc(), F("key").asc()],
        )
    ).filter(rank__lte=per_day)
    # Ranking reads only the columns it sorts by; just the chosen rows come whole, with joins.
    return spans, list(ranked.values_list("pk", flat=True))


def grid_days(occurrences, first, last, attach):
    """{day: (rows, more)}: the rows to show on each day (``attach`` turns a queryset of
    occurrences into rows with their pages) and how many of that day's dates are left for its
    day view. The grouped counts come first: they say whether the period is crowded (the
    same rows a check past the limit read) and are what a crowded grid needs anyway."""
    per_day = conf.grid_day_items()
    spans, chosen = _selection(occurrences, per_day, conf.grid_limit())
    if chosen is None:
        by_day = spread_over_days(attach(occurrences), first, last)
        return {day: (rows, 0) for day, rows in by_day.items()}
    by_day = spread_over_days(attach(occurrences.filter(pk__in=chosen)), first, last)
    days = _days(first, last)
    counts = _counts(spans, days)
    shown = {}
    for day in days:
        rows = by_day.get(day, [])[:per_day]
        if rows or counts[day]:
            shown[day] = (rows, max(0, counts[day] - len(rows)))
    return shown
