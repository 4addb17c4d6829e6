"""A copied event's repeat, from the schedule the source's event detail gives (its rule, added,
left-out, cancelled and moved dates, all local to the event's time zone): the copy repeats the
same way, so this site stores the same occurrences as the source and keeps extending a
never-ending series itself. An event the source does not repeat (or a source that does not give
its schedule) is copied as its one date, with every repeat of an earlier copy cleared; from a
source too old to give its schedule, an event's other stored dates become added dates (at the
first date's time) and its cancelled ones cancellations."""

import datetime
import zoneinfo

from apps.events.models import (
    EventCancellation,
    EventExcludedDate,
    EventExtraDate,
    EventMovedDate,
)
from apps.events.models.schedule import NO_REPEAT, WEEKDAY_CODES, Ends, Frequency, MonthlyBy
from apps.harvest.values import date


def time(value):
    return datetime.time.fromisoformat(value) if value else None


def one_of(value, choices, default):
    return value if value in choices else default


def rows(schedule, name):
    return [row for row in schedule.get(name) or [] if isinstance(row, dict) and row.get("date")]


def repeat(data, refs):
    """The copy's repeat fields and rows; with the source's schedule, its start and end too
    (they replace the first date the occurrences gave)."""
    schedule = data.get("schedule")
    empty = {"extra_dates": [], "excluded_dates": [], "cancellations": [], "moved_dates": []}
    if not isinstance(schedule, dict):
        return {**NO_REPEAT, **empty, **stored_dates(data)}
    return {
        "all_day": bool(schedule["all_day"]),
        "start_date": date(schedule["start_date"]),
        "start_time": time(schedule.get("start_time")),
        "end_date": date(schedule.get("end_date")),
        "end_time": time(schedule.get("end_time")),
        "frequency": one_of(schedule.get("frequency"), Frequency.values, Frequency.NONE),
        "interval": max(int(schedule.get("interval") or 1), 1),
        "weekdays": [code for code in WEEKDAY_CODES if code in (schedule.get("weekdays") or [])],
        "monthly_by": one_of(schedule.get("monthly_by"), MonthlyBy.values, MonthlyBy.DATE),
        "ends": one_of(schedule.get("ends"), Ends.values, Ends.NEVER),
        "count": schedule.get("count"),
        "until": date(schedule.get("until")),
        "extra_dates": [
            EventExtraDate(date=date(row["date"])) for row in rows(schedule, "extra_dates")
        ],
        "excluded_dates": [
            EventExcludedDate(date=date(row["date"])) for row in rows(schedule, "excluded_dates")
        ],
        "cancellations": [
            EventCancellation(date=date(row["date"]), note=(row.get("note") or "")[:200])
            for row in rows(schedule, "cancellations")
        ],
        "moved_dates": [
            EventMovedDate(
                date=date(row["date"]),
                start_date=date(row.get("start_date")),
                start_time=time(row.get("start_time")),
                end_date=date(row.get("end_date")),
                end_time=time(row.get("end_time")),
                venue=refs.venue(row.get("venue")),
                note=(row.get("note") or "")[:200],
            )
            for row in rows(schedule, "moved_dates")
        ],
    }


def stored_dates(data):
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    dates = [
        (local_date(row["start"], zone), row)
        for row in data.get("dates") or []
        if isinstance(row, dict) and row.get("start")
    ]
    if not dates:
        return {}
    first = min(day for day, _row in dates)
    return {
        "extra_dates": [EventExtraDate(date=day) for day, _row in dates if day != first],
        "cancellations": [
            EventCancellation(date=day, note=(row.get("note") or "")[:200])
            for day, row in dates
            if row.get("status") == "cancelled"
        ],
    }


def local_date(start, zone):
    """An occurrence's start as a date where the event is (all-day starts are dates)."""
    if len(start) == 10:
        return datetime.date.fromisoformat(start)
    return datetime.datetime.fromisoformat(start).astimezone(zone).date()
