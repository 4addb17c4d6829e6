"""Moved dates: one date of a series held at another time or venue. Shared by the occurrence
sync, the iCalendar export and both editing forms (Wagtail's and the portal's), so a move
means the same everywhere and is checked against the series the same way."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.events.models.schedule import is_nonexistent
from apps.events.recurrence import local_duration, local_starts, moved_times

# How far after the series' first date a moved date may be: the series is expanded up to it,
# so a date in year 9999 must not expand a daily rule for millennia.
MAX_YEARS = 20


def series_dates(schedule, extra_dates, excluded_dates, last):
    """{local date: naive local start} of the series up to and including ``last``."""
    time = datetime.time(0) if schedule.all_day else (schedule.start_time or datetime.time(0))
    until = datetime.datetime.combine(last + datetime.timedelta(days=1), time)
    return {
        local.date(): local for local in local_starts(schedule, extra_dates, excluded_dates, until)
    }


def move_errors(schedule, extra_dates, excluded_dates, moves):
    """[(index, field, message)] for ``moves`` (rows with ``date`` and the new values) against
    the schedule as submitted: the original date must be one of the series, once."""
    dates = [move.date for move in moves if move is not None and move.date is not None]
    if not dates or schedule.start_date is None:
        return []
    last = min(max(dates), schedule.start_date + datetime.timedelta(days=366 * MAX_YEARS))
    starts = series_dates(schedule, extra_dates, excluded_dates, last)
    duration = local_duration(schedule)
    errors, seen = [], set()
    for index, move in enumerate(moves):
        if move is None or move.date is None:
            continue
        local = starts.get(move.date)
        if local is None:
            errors.append(
                (
                    index,
                    "date",
                    _("%(date)s is not a date of this event. Choose one of its dates.")
                    % {"date": date_format(move.date, "j F Y")},
                )
            )
            continue
        if move.date in seen:
            errors.append((index, "date", _("This date is already moved in another row.")))
            continue
        seen.add(move.date)
        if schedule.all_day:
            if move.start_time or move.end_time:
                errors.append(
                    (
                        index,
                        "start_time",
                        _("An all-day event moves by date only; leave times empty."),
                    )
                )
            continue
        try:
            start, end = moved_times(schedule, local, duration, move)
        except OverflowError:
            errors.append((index, "start_date", _("Choose a date nearer in time.")))
            continue
        if move.start_time and is_nonexistent(start.date(), move.start_time, schedule.zone):
            errors.append(
                (
                    index,
                    "start_time",
                    _("This time does not exist that night: the clocks are put forward."),
                )
            )
        elif end < start:
            errors.append((index, "end_time", _("The new end cannot be before the new start.")))
    return errors
