"""Single dates a source changed (VEVENTs with RECURRENCE-ID) onto the series' rows.

``apply_overrides`` is the one place that decides how a changed date is read: a cancelled date
becomes a cancellation (it stays visible with its note); any other change of day, time, length
or place becomes a move of that one date (``MovedOccurrence``), which saving stores as an
``EventMovedDate`` so the occurrence keeps its identity, as RECURRENCE-ID says. An override
that changes none of these (only its title or text) changes nothing Bygd stores."""

import datetime

from apps.events.ics_import.records import MovedOccurrence
from apps.events.ics_import.rules import local
from apps.events.ics_import.text import plain


def series_times(fields):
    start = datetime.datetime.combine(
        fields["start_date"], fields["start_time"] or datetime.time(0)
    )
    if fields["all_day"]:
        last = fields["end_date"] or fields["start_date"]
        return start, datetime.timedelta(days=(last - fields["start_date"]).days + 1)
    end_time = fields["end_time"] or fields["start_time"]
    end = datetime.datetime.combine(fields["end_date"] or fields["start_date"], end_time)
    return start, end - start


def _moment(value, zone):
    if isinstance(value, datetime.datetime):
        return local(value, zone)
    return datetime.datetime.combine(value, datetime.time(0))


def moved_occurrence(component, event):
    """What the override says about its date, in the series' local time; None when it keeps
    the series' day, time, length and place."""
    zone = event.fields["time_zone"]
    first, duration = series_times(event.fields)
    original = _moment(component["RECURRENCE-ID"].dt, zone).date()
    usual = datetime.datetime.combine(original, first.time())
    start = _moment(component["DTSTART"].dt, zone) if "DTSTART" in component else usual
    if "DTEND" in component:
        end = _moment(component["DTEND"].dt, zone)
    elif "DURATION" in component:
        end = start + component["DURATION"].dt
    else:
        end = start + duration
    location = str(component.get("LOCATION") or "").strip()
    if location.casefold() == event.location.casefold():
        location = ""
    if start == usual and end - start == duration and not location:
        return None
    return MovedOccurrence(original, start, end, location)


def apply_overrides(event, components):
    for component in components:
        original = _moment(component["RECURRENCE-ID"].dt, event.fields["time_zone"]).date()
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            note = plain(str(component.get("DESCRIPTION") or ""))
            event.cancellations[original] = " ".join(note.split())[:200]
            continue
        moved = moved_occurrence(component, event)
        if moved is not None:
            event.moved.append(moved)
