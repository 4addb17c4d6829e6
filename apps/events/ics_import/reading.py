"""Read another calendar's iCalendar file into EventPage field values.

An event Bygd cannot store correctly (no readable start, a repeat rule the editor cannot
express) is left out with a Problem naming it and the reason; the other events still import.
Lines the parser cannot read are reported too, with the event they were in. Only a file that is
not iCalendar at all is refused as a whole."""

import datetime
import re

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _
from icalendar.parser import Contentline

from apps.core.plain_text import body_for
from apps.events.ics_import.overrides import apply_overrides
from apps.events.ics_import.records import (
    ImportedEvent,
    ImportProblem,
    ParsedCalendar,
    Problem,
)
from apps.events.ics_import.rules import dates, local, rule, zone_of
from apps.events.ics_import.text import plain, summary_of

# A property the schedule depends on: unreadable, the event would import with wrong dates.
SCHEDULE_PROPERTIES = {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
FOLD = re.compile(r"\r?\n[ \t]")


def _title(component):
    return " ".join(str(component.get("SUMMARY") or "").split())


def _times(component):
    start = component["DTSTART"].dt
    end = component["DTEND"].dt if "DTEND" in component else None
    if end is None and "DURATION" in component:
        end = start + component["DURATION"].dt
    if isinstance(start, datetime.datetime):
        zone = zone_of(start)
        local_start = local(start, zone)
        local_end = local(end, zone) if isinstance(end, datetime.datetime) else local_start
        if local_end < local_start:
            raise ImportProblem(_("It ends before it starts."))
        return (
            zone,
            local_start,
            {
                "time_zone": zone,
                "all_day": False,
                "start_date": local_start.date(),
                "start_time": local_start.time(),
                "end_date": local_end.date() if local_end.date() != local_start.date() else None,
                "end_time": local_end.time(),
            },
        )
    last = (end - datetime.timedelta(days=1)) if end else start
    if last < start:
        raise ImportProblem(_("It ends before it starts."))
    return (
        settings.TIME_ZONE,
        datetime.datetime.combine(start, datetime.time(0)),
        {
            "time_zone": settings.TIME_ZONE,
            "all_day": True,
            "start_date": start,
            "start_time": None,
            "end_date": last if last != start else None,
            "end_time": None,
        },
    )


def _broken(component):
    """(schedule errors, other errors) icalendar recorded while reading the component."""
    schedule, other = [], []
    for name, message in getattr(component, "errors", []):
        (schedule if name in SCHEDULE_PROPERTIES else other).append(
            _("%(property)s cannot be read: %(error)s") % {"property": name, "error": message}
            if name
            else _("A line was ignored: %(error)s") % {"error": message}
        )
    return schedule, other


def _event(component, uid):
    schedule_errors, warnings = _broken(component)
    if schedule_errors:
        raise ImportProblem(" ".join(schedule_errors))
    if "DTSTART" not in component:
        raise ImportProblem(_("It has no start (DTSTART)."))
    zone, local_start, fields = _times(component)
    title = _title(component) or uid
    description = plain(str(component.get("DESCRIPTION") or ""))
    fields.update(
        title=title[:255],
        summary=summary_of(description, title),
        body=body_for(description),
        status="cancelled"
        if str(component.get("STATUS", "")).upper() == "CANCELLED"
        else "scheduled",
    )
    fields.update(rule(component, local_start, zone))
    return ImportedEvent(
        uid=uid,
        fields=fields,
        location=str(component.get("LOCATION") or "").strip(),
        extra_dates=dates(component, "RDATE", zone),
        excluded_dates=dates(component, "EXDATE", zone),
        warnings=warnings,
    )


def _readable(data):
    """The calendar, after dropping lines outside any event that the parser cannot read (they
    make the whole file unreadable); each dropped line is a Problem. Bad lines inside an event
    are left to the parser, which records them on the event."""
    try:
        return icalendar.Calendar.from_ical(data), []
    except ValueError:
        pass
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    kept, problems, depth = [], [], 0
    for line in FOLD.sub("", text).splitlines():
        if not line.strip():
            continue
        upper = line.upper()
        depth += upper.startswith("BEGIN:") - upper.startswith("END:")
        try:
            if depth <= 1:
                Contentline(line).parts()
        except ValueError as error:
            problems.append(Problem("", "", _("A line was ignored: %(error)s") % {"error": error}))
        else:
            kept.append(line)
    try:
        return icalendar.Calendar.from_ical("\r\n".join(kept) + "\r\n"), problems
    except (ValueError, IndexError) as error:
        raise ImportProblem(
            _("This is not a valid iCalendar file: %(error)s") % {"error": error}
        ) from None


def parse_calendar(data):
    """A ParsedCalendar from iCalendar bytes; raises ImportProblem only for a file that is not
    iCalendar at all."""
    calendar, problems = _readable(data)
    result = ParsedCalendar(problems=problems)
    events, overrides = {}, {}
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID") or "").strip()
        title = _title(component)
        if not uid:
            result.problems.append(
                Problem("", title, _("An event without UID cannot be imported idempotently."))
            )
            continue
        if "RECURRENCE-ID" in component:
            overrides.setdefault(uid, []).append(component)
            continue
        try:
            event = _event(component, uid)
        except ImportProblem as problem:
            result.problems.append(Problem(uid, title, str(problem)))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            reason = _("It could not be read: %(error)s") % {"error": error}
            result.problems.append(Problem(uid, title, reason))
        else:
            events[uid] = event
    for uid, components in overrides.items():
        if uid not in events:
            continue
        try:
            apply_overrides(events[uid], components)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            reason = _("A changed date could not be read: %(error)s") % {"error": error}
            events[uid].warnings.append(reason)
    result.events = list(events.values())
    return result
