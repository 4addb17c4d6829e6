"""Possible double bookings: other events in the same municipality that are under way at the
same time as any of this event's dates (other events' dates count where they are held, so a
date moved elsewhere is no clash). The candidate dates are expanded in Python (the event may be
an unsaved draft); the other events are read from stored occurrences in one query."""

import datetime

from django.db.models import Q
from django.utils import timezone

from apps.events.models import EventOccurrence, OccurrenceStatus
from apps.events.occurrences import horizon
from apps.events.recurrence import expand

MAX_CANDIDATES = 100
MAX_CLASHES = 25


def candidate_occurrences(page, now=None):
    """The event's own upcoming occurrences (cancelled dates excluded), from the page object's
    schedule and inline rows, which may be unsaved."""
    now = now or timezone.now()
    extra = [row.date for row in page.extra_dates.all()]
    excluded = [row.date for row in page.excluded_dates.all()]
    cancellations = {row.date: row.note for row in page.cancellations.all()}
    moves = {row.date: row for row in page.moved_dates.all()}
    if page.start_date is None:
        return []
    try:
        rows = expand(page, extra, excluded, cancellations, horizon(now), moves)
    except (ValueError, OverflowError):
        return []
    return [row for row in rows if row.end >= now and not row.cancelled][:MAX_CANDIDATES]


def find_clashes(page, municipality_id, now=None):
    if municipality_id is None:
        return []
    candidates = candidate_occurrences(page, now)
    if not candidates:
        return []
    overlap = Q()
    for row in candidates:
        end = row.end if row.end > row.start else row.start + datetime.timedelta(minutes=1)
        overlap |= Q(start__lt=end, end__gt=row.start)
    queryset = (
        EventOccurrence.objects.visible()
        .exclude(status=OccurrenceStatus.CANCELLED)
        .filter(overlap, venue__municipality_id=municipality_id)
        .select_related("event__venue", "event__organiser")
        .order_by("start")
    )
    if page.translation_key:
        queryset = queryset.exclude(series__key=page.translation_key)
    return list(queryset[:MAX_CLASHES])
