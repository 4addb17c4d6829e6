"""Single dates a source changed (VEVENTs with RECURRENCE-ID) onto the series' rows.

``apply_overrides`` is the one place that decides how a changed date is stored: a cancelled date
becomes a cancellation (it stays visible with its note); a date moved to another day becomes an
excluded date plus an extra date, as EXDATE and RDATE would say it. Bygd's extra dates repeat at
the series' time and venue, so a new time of day, length or place of a moved date cannot be
stored yet: it is reported as a warning for the event instead of disappearing unnoticed."""

import datetime

from django.utils.translation import gettext as _

from apps.events.ics_import.records import MovedOccurrence
from apps.events.ics_import.rules import local
from apps.events.ics_import.text import plain


def _series_times(fields):
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
    """What the override says about its date, in the series' local time."""
    zone = event.fields["time_zone"]
    _first, duration = _series_times(event.fields)
    original = _moment(component["RECURRENCE-ID"].dt, zone)
    start = _moment(component["DTSTART"].dt, zone) if "DTSTART" in component else original
    if "DTEND" in component:
        end = _moment(component["DTEND"].dt, zone)
    elif "DURATION" in component:
        end = start + component["DURATION"].dt
    else:
        end = start + duration
    location = str(component.get("LOCATION") or "").strip()
    return MovedOccurrence(original.date(), start, end, location)


def apply_overrides(event, components):
    for component in components:
        original = _moment(component["RECURRENCE-ID"].dt, event.fields["time_zone"]).date()
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            note = plain(str(component.get("DESCRIPTION") or ""))
            event.cancellations[original] = " ".join(note.split())[:200]
            continue
        moved = moved_occurrence(component, event)
        event.moved.append(moved)
        first, duration = _series_times(event.fields)
        if moved.start.date() != moved.original:
            event.excluded_dates.append(moved.original)
            event.extra_dates.append(moved.start.date())
        if not event.fields["all_day"] and (
            moved.start.time() != first.time() or moved.end - moved.start != duration
        ):
            event.warnings.append(
                _(
                    "The date %(date)s moved to %(start)s–%(end)s; Bygd keeps the series' time "
                    "for it. Check the draft."
                )
                % {
                    "date": moved.original.isoformat(),
                    "start": moved.start.strftime("%Y-%m-%d %H:%M"),
                    "end": moved.end.strftime("%H:%M"),
                }
            )
        if moved.location and moved.location.casefold() != event.location.casefold():
            event.warnings.append(
                _(
                    "The date %(date)s moved to %(place)s; Bygd keeps the series' venue for it. "
                    "Check the draft."
                )
                % {"date": moved.original.isoformat(), "place": moved.location}
            )
