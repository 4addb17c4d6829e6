"""Keep EventOccurrence rows in step with the pages: called on publish, unpublish and delete,
and daily by ``extend_occurrences`` to move never-ending repeats forward.

Writes are a diff against what is stored, so running it again changes nothing and ``modified``
only moves for rows that really changed — which is what ``modified_since`` clients rely on.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.events import conf
from apps.events.models import EventOccurrence, EventPage, EventSeries
from apps.events.recurrence import expand


def horizon(now=None):
    return (now or timezone.now()) + relativedelta(months=conf.horizon_months())


def schedule_page(translation_key):
    """The original live page of a translation group: its schedule is the one every translation
    shares (wagtail-localize synchronises it), and it survives unpublishing a translation. Pages
    behind a view restriction count as gone: the calendar and the API never show them."""
    return (
        EventPage.objects.live()
        .public()
        .filter(translation_key=translation_key)
        .select_related("locale")
        .order_by("pk")
        .first()
    )


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    removed: int = 0
    series: list = field(default_factory=list)

    def __add__(self, other):
        return SyncResult(
            self.created + other.created,
            self.updated + other.updated,
            self.removed + other.removed,
            self.series + other.series,
        )

    @property
    def changed(self):
        return self.created + self.updated + self.removed


def desired_rows(page, until):
    extra = [row.date for row in page.extra_dates.all()]
    excluded = [row.date for row in page.excluded_dates.all()]
    cancellations = {row.date: row.note for row in page.cancellations.all()}
    moves = {row.date: row for row in page.moved_dates.all()}
    event_status = page.status
    rows = {}
    for occurrence in expand(page, extra, excluded, cancellations, until, moves):
        status = "cancelled" if occurrence.cancelled else event_status
        rows[occurrence.key] = {
            "start": occurrence.start,
            "end": occurrence.end,
            "all_day": occurrence.all_day,
            "start_date": occurrence.start_date,
            "end_date": occurrence.end_date,
            "status": status,
            "note": occurrence.note,
            "venue_id": occurrence.venue_id or page.venue_id,
            "original_start": occurrence.original_start,
        }
    return rows


def fingerprint(page, rows):
    """What a calendar client would notice: the dates, statuses and place. A change bumps the
    iCalendar SEQUENCE so clients replace their copy instead of keeping a stale one."""
    parts = [page.status, str(page.venue_id), page.online_url, page.title]
    parts += [
        f"{key}|{row['start']}|{row['end']}|{row['status']}"
        + (f"|{row['venue_id']}" if row["venue_id"] != page.venue_id else "")
        for key, row in rows.items()
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@transaction.atomic
def sync_series(translation_key, until=None, now=None, touch=False):
    """``touch`` marks the whole event as changed even if its dates did not move: a publish can
    change anything the API shows (title, body, price, image), and ``modified_since`` clients
    find such edits through the series' ``modified``."""
    now = now or timezone.now()
    until = until or horizon(now)
    page = schedule_page(translation_key)
    series, _created = EventSeries.objects.select_for_update().get_or_create(
        key=translation_key, defaults={"modified": now, "live": page is not None}
    )
    stored = {row.key: row for row in series.occurrences.all()}
    rows = desired_rows(page, until) if page is not None else {}
    result = SyncResult(series=[series.key])

    new, changed = [], []
    for key, values in rows.items():
        row = stored.get(key)
        if row is None:
            new.append(EventOccurrence(series=series, event=page, key=key, modified=now, **values))
            continue
        if row.event_id != page.pk or any(
            getattr(row, name) != value for name, value in values.items()
        ):
            for name, value in values.items():
                setattr(row, name, value)
            row.event = page
            row.modified = now
            changed.append(row)
    for key, row in stored.items():
        if key not in rows and row.status != "removed":
            row.status = "removed"
            row.modified = now
            changed.append(row)
            result.removed += 1
    EventOccurrence.objects.bulk_create(new, batch_size=500)
    EventOccurrence.objects.bulk_update(
        changed,
        [
            "event",
            "start",
            "end",
            "all_day",
            "start_date",
            "end_date",
            "status",
            "note",
            "venue",
            "original_start",
            "modified",
        ],
        batch_size=500,
    )
    result.created = len(new)
    result.updated = len(changed) - result.removed

    live = page is not None
    new_fingerprint = fingerprint(page, rows) if live else ""
    longest = longest_occurrence(rows, stored)
    if new_fingerprint != series.fingerprint or live != series.live:
        if series.fingerprint and new_fingerprint != series.fingerprint:
            series.sequence += 1
        series.fingerprint = new_fingerprint
        series.live = live
        series.modified = now
        series.longest_occurrence = longest
        series.save()
    elif touch or longest != series.longest_occurrence:
        if touch:
            series.modified = now
        series.longest_occurrence = longest
        series.save(update_fields=["modified", "longest_occurrence"])
    return result


def longest_occurrence(rows, stored):
    """The longest of the series' rows after this sync: the desired ones and the tombstones,
    which keep their times (``overlapping`` bounds window queries with it)."""
    spans = [values["end"] - values["start"] for values in rows.values()]
    spans += [row.end - row.start for key, row in stored.items() if key not in rows]
    return max([datetime.timedelta(0), *spans])


def touch_series(pages, now=None):
    """Mark the events of ``pages`` (a page queryset) as changed: a venue, category or organiser
    they show was edited, which no page publish reports."""
    return EventSeries.objects.filter(key__in=pages.values("translation_key")).update(
        modified=now or timezone.now()
    )


def sync_open_ended(until=None, progress=None):
    """Extend every live series whose rule reaches past its stored occurrences; repeats with a
    count or an end date inside the horizon need nothing, but are cheap to check."""
    total = SyncResult()
    keys = (
        EventPage.objects.live()
        .exclude(frequency="")
        .order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()
    )
    for number, key in enumerate(keys.iterator(), start=1):
        result = sync_series(key, until=until)
        total = total + result
        if progress:
            progress(number, key, result)
    return total


def drifted_keys():
    """Translation groups whose stored rows disagree with what is live and public: occurrences
    of pages unpublished, deleted or restricted without signals (bulk updates, raw SQL,
    restored backups), and live events with no series or no occurrences at all."""
    shown = EventPage.objects.live().public()
    live_keys = shown.values("translation_key")
    gone = EventSeries.objects.exclude(key__in=live_keys).filter(
        Q(live=True) | Q(occurrences__in=EventOccurrence.objects.visible())
    )
    orphaned = EventOccurrence.objects.visible().exclude(event__in=shown)
    stored = EventSeries.objects.filter(live=True, occurrences__isnull=False)
    missing = shown.exclude(translation_key__in=stored.values("key"))
    keys = set(gone.values_list("key", flat=True))
    keys |= set(orphaned.values_list("series__key", flat=True))
    keys |= set(missing.values_list("translation_key", flat=True))
    return sorted(keys, key=str)


def moved_keys():
    """Translation groups with a moved date on a live page or a moved stored occurrence. Whether
    a move and its row agree depends on the series' dates in the event's zone, so these groups
    are re-synced (a diff, so it changes only what disagrees) rather than compared in SQL."""
    keys = set(
        EventPage.objects.live()
        .filter(moved_dates__isnull=False)
        .values_list("translation_key", flat=True)
    )
    keys |= set(
        EventOccurrence.objects.visible()
        .filter(original_start__isnull=False)
        .values_list("series__key", flat=True)
    )
    return sorted(keys, key=str)


def repair_drift(until=None, progress=None):
    """Re-sync every drifted group, and every group with moves whose rows disagree with them
    (a move edited or removed without a publish); ``progress(key, result)`` is told about each
    one repaired."""
    total = SyncResult()
    drifted = drifted_keys()
    for key in drifted:
        result = sync_series(key, until=until, touch=True)
        total = total + result
        if progress:
            progress(key, result)
    for key in set(moved_keys()) - set(drifted):
        result = sync_series(key, until=until)
        if result.changed:
            total = total + result
            if progress:
                progress(key, result)
    return total
