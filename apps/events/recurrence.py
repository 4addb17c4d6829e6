"""Turn an event's schedule into occurrences.

Expansion happens on naive local wall-clock datetimes and only then gets the event's zone, so a
weekly 18:00 event is 18:00 local on both sides of a DST change (its UTC instant moves). Local
times that fall in a spring-forward gap resolve with the offset before the gap (fold=0), which is
what RFC 5545 prescribes for recurrence instances and what iCalendar clients do.
"""

import datetime
from dataclasses import dataclass

from dateutil import rrule

from apps.events.models.schedule import Ends, Frequency, MonthlyBy

FREQUENCIES = {
    Frequency.DAILY: rrule.DAILY,
    Frequency.WEEKLY: rrule.WEEKLY,
    Frequency.MONTHLY: rrule.MONTHLY,
    Frequency.YEARLY: rrule.YEARLY,
}
WEEKDAY_OBJECTS = dict(
    zip(
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
        [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU],
        strict=True,
    )
)
ICAL_FREQ = {
    Frequency.DAILY: "DAILY",
    Frequency.WEEKLY: "WEEKLY",
    Frequency.MONTHLY: "MONTHLY",
    Frequency.YEARLY: "YEARLY",
}


@dataclass(frozen=True)
class Occurrence:
    key: str
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    start_date: datetime.date
    end_date: datetime.date
    cancelled: bool
    note: str
    original_start: datetime.datetime | None = None
    venue_id: int | None = None


def local_start(schedule):
    """The first occurrence as a naive local datetime (midnight for all-day events)."""
    time = datetime.time(0) if schedule.all_day else (schedule.start_time or datetime.time(0))
    return datetime.datetime.combine(schedule.start_date, time)


def local_duration(schedule):
    """Wall-clock length: all-day spans count whole days, timed events keep their clock times."""
    if schedule.all_day:
        return datetime.timedelta(days=(schedule.last_date - schedule.start_date).days + 1)
    end_time = schedule.end_time or schedule.start_time or datetime.time(0)
    end = datetime.datetime.combine(schedule.last_date, end_time)
    return end - local_start(schedule)


def nth_weekday(day):
    """(weekday, n) for "the n-th Tuesday"; the fifth becomes "the last" so it exists monthly."""
    n = (day.day - 1) // 7 + 1
    if n == 5:
        n = -1
    return day.weekday(), n


def rule_parts(schedule):
    """The repeat rule as RRULE parts with a naive local UNTIL; shared by expansion and export."""
    if not schedule.frequency:
        return None
    parts = {"freq": schedule.frequency, "interval": max(schedule.interval or 1, 1)}
    start = local_start(schedule)
    if schedule.frequency == Frequency.WEEKLY:
        parts["byweekday"] = schedule.weekdays or [
            ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()]
        ]
    elif schedule.frequency == Frequency.MONTHLY:
        if schedule.monthly_by == MonthlyBy.WEEKDAY:
            weekday, n = nth_weekday(start.date())
            parts["bynthweekday"] = (weekday, n)
        else:
            parts["bymonthday"] = start.day
    if schedule.ends == Ends.AFTER and schedule.count:
        parts["count"] = schedule.count
    elif schedule.ends == Ends.ON and schedule.until:
        parts["until"] = datetime.datetime.combine(schedule.until, start.time())
    return parts


def build_rule(schedule):
    parts = rule_parts(schedule)
    if parts is None:
        return None
    kwargs = {"dtstart": local_start(schedule), "interval": parts["interval"]}
    if "byweekday" in parts:
        kwargs["byweekday"] = [WEEKDAY_OBJECTS[code] for code in parts["byweekday"]]
    if "bynthweekday" in parts:
        weekday, n = parts["bynthweekday"]
        kwargs["byweekday"] = [rrule.weekday(weekday, n)]
    if "bymonthday" in parts:
        kwargs["bymonthday"] = parts["bymonthday"]
    if "count" in parts:
        kwargs["count"] = parts["count"]
    if "until" in parts:
        kwargs["until"] = parts["until"]
    return rrule.rrule(FREQUENCIES[schedule.frequency], **kwargs)


def occurrence_key(local, all_day):
    return local.strftime("%Y%m%d") if all_day else local.strftime("%Y%m%dT%H%M%S")


def local_starts(schedule, extra_dates, excluded_dates, until):
    """Naive local starts up to (excluding) ``until``: the rule, plus extra dates, minus
    excluded dates — as RRULE, RDATE and EXDATE combine in iCalendar."""
    first = local_start(schedule)
    rule = build_rule(schedule)
    starts = set()
    if rule is None:
        starts.add(first)
    else:
        starts.update(rule.between(first, until, inc=True) if first < until else [])
    time = first.time()
    starts.update(datetime.datetime.combine(day, time) for day in extra_dates)
    excluded = {datetime.datetime.combine(day, time) for day in excluded_dates}
    return sorted(start for start in starts - excluded if start < until)


def moved_times(schedule, local, duration, move):
    """The naive local (start, end) of the occurrence that would start at ``local``; every
    field of ``move`` left empty keeps the series' value."""
    if schedule.all_day:
        first = move.start_date or local.date()
        days = (move.end_date - first).days + 1 if move.end_date else duration.days
        start = datetime.datetime.combine(first, datetime.time(0))
        return start, start + datetime.timedelta(days=max(days, 1))
    day = move.start_date or local.date()
    start = datetime.datetime.combine(day, move.start_time or local.time())
    if move.end_time is not None:
        end = datetime.datetime.combine(move.end_date or day, move.end_time)
    elif move.end_date is not None:
        end = datetime.datetime.combine(move.end_date, (local + duration).time())
    else:
        end = start + duration
    return start, end


def expand(schedule, extra_dates, excluded_dates, cancellations, until, moves=None):
    """Occurrences of ``schedule`` that start before the aware ``until``.

    ``cancellations`` maps a local date to its note, ``moves`` a local date to its move (an
    EventMovedDate): that occurrence keeps its key and gets the new times, ``original_start``
    and the move's venue. ``until`` is converted to local time once, which is exact enough for
    a horizon measured in months, and applies to the original start.
    """
    moves = moves or {}
    zone = schedule.zone
    local_until = until.astimezone(zone).replace(tzinfo=None)
    duration = local_duration(schedule)
    result = []
    for original in local_starts(schedule, extra_dates, excluded_dates, local_until):
        day = original.date()
        move = moves.get(day)
        if move is None:
            local, local_end = original, original + duration
        else:
            local, local_end = moved_times(schedule, original, duration, move)
        if schedule.all_day:
            last_day = (local_end - datetime.timedelta(days=1)).date()
        else:
            last_day = local_end.date()
        result.append(
            Occurrence(
                key=occurrence_key(original, schedule.all_day),
                start=local.replace(tzinfo=zone).astimezone(datetime.UTC),
                end=local_end.replace(tzinfo=zone).astimezone(datetime.UTC),
                all_day=schedule.all_day,
                start_date=local.date(),
                end_date=max(last_day, local.date()),
                cancelled=day in cancellations,
                note=cancellations.get(day) or (move.note if move else ""),
                original_start=None
                if move is None
                else original.replace(tzinfo=zone).astimezone(datetime.UTC),
                venue_id=None if move is None else move.venue_id,
            )
        )
    return result
