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


def expand(schedule, extra_dates, excluded_dates, cancellations, until):
    """Occurrences of ``schedule`` that start before the aware ``until``.

    ``cancellations`` maps a local date to its note; ``until`` is converted to local time once,
    which is exact enough for a horizon measured in months.
    """
    zone = schedule.zone
    local_until = until.astimezone(zone).replace(tzinfo=None)
    duration = local_duration(schedule)
    result = []
    for local in local_starts(schedule, extra_dates, excluded_dates, local_until):
        local_end = local + duration
        if schedule.all_day:
            last_day = (local_end - datetime.timedelta(days=1)).date()
        else:
            last_day = local_end.date()
        day = local.date()
        result.append(
            Occurrence(
                key=occurrence_key(local, schedule.all_day),
                start=local.replace(tzinfo=zone).astimezone(datetime.UTC),
                end=local_end.replace(tzinfo=zone).astimezone(datetime.UTC),
                all_day=schedule.all_day,
                start_date=day,
                end_date=max(last_day, day),
                cancelled=day in cancellations,
                note=cancellations.get(day, ""),
            )
        )
    return result
