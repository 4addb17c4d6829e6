"""Read another calendar's iCalendar file into EventPage field values.

Only what the editor's schedule fields can express is accepted (the RRULE subset the admin
offers); anything else is an ImportProblem naming the event, so the whole import can be refused
before a single page is written rather than importing a wrong schedule.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from apps.core.time_zones import TIME_ZONES
from apps.events.models.schedule import WEEKDAY_CODES
from apps.events.recurrence import nth_weekday

FREQUENCIES = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
SUPPORTED_RULE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}
KNOWN_ZONES = {name for name, _label in TIME_ZONES}


class ImportProblem(ValueError):
    pass


@dataclass
class ImportedEvent:
    uid: str
    fields: dict
    location: str
    extra_dates: list = field(default_factory=list)
    excluded_dates: list = field(default_factory=list)
    cancellations: dict = field(default_factory=dict)


def _zone_of(value):
    key = getattr(getattr(value, "tzinfo", None), "key", None)
    return key if key in KNOWN_ZONES else settings.TIME_ZONE


def _local(value, zone):
    """A naive local datetime in ``zone``; floating times are taken as already local."""
    if value.tzinfo is None:
        return value
    return value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def _dates(component, name, zone):
    values = component.get(name)
    if values is None:
        return []
    values = values if isinstance(values, list) else [values]
    result = []
    for value in values:
        for item in value.dts:
            moment = item.dt
            result.append(
                _local(moment, zone).date() if isinstance(moment, datetime.datetime) else moment
            )
    return result


def _rule(component, start, uid, zone):
    rrule = component.get("RRULE")
    if rrule is None:
        return {"frequency": ""}
    unsupported = set(rrule) - SUPPORTED_RULE_PARTS
    freq = (rrule.get("FREQ") or [""])[0]
    if unsupported or freq not in FREQUENCIES:
        raise ImportProblem(
            _("Event %(uid)s repeats in a way the calendar cannot express (%(rule)s).")
            % {"uid": uid, "rule": rrule.to_ical().decode()}
        )
    values = {"frequency": FREQUENCIES[freq], "interval": int((rrule.get("INTERVAL") or [1])[0])}
    byday = [str(day) for day in rrule.get("BYDAY", [])]
    if freq == "WEEKLY":
        if any(day[-2:] not in WEEKDAY_CODES or len(day) != 2 for day in byday):
            raise ImportProblem(_("Event %(uid)s has an unsupported BYDAY.") % {"uid": uid})
        values["weekdays"] = byday
    elif freq == "MONTHLY" and byday:
        weekday, n = nth_weekday(start.date())
        expected = f"{n}{WEEKDAY_CODES[weekday]}"
        if byday != [expected] and byday != [f"+{expected}"]:
            raise ImportProblem(
                _("Event %(uid)s repeats on %(byday)s, which does not match its first date.")
                % {"uid": uid, "byday": ",".join(byday)}
            )
        values["monthly_by"] = "weekday"
    elif byday:
        raise ImportProblem(_("Event %(uid)s has an unsupported BYDAY.") % {"uid": uid})
    if "BYMONTHDAY" in rrule and [int(d) for d in rrule["BYMONTHDAY"]] != [start.day]:
        raise ImportProblem(_("Event %(uid)s has an unsupported BYMONTHDAY.") % {"uid": uid})
    if "COUNT" in rrule:
        values.update(ends="after", count=int(rrule["COUNT"][0]))
    elif "UNTIL" in rrule:
        until = rrule["UNTIL"][0]
        if isinstance(until, datetime.datetime):
            until = _local(until, zone).date()
        values.update(ends="on", until=until)
    else:
        values["ends"] = "never"
    return values


def _event(component):
    uid = str(component.get("UID") or "").strip()
    if not uid:
        raise ImportProblem(_("An event without UID cannot be imported idempotently."))
    if "DTSTART" not in component:
        raise ImportProblem(_("Event %(uid)s has no start.") % {"uid": uid})
    start = component["DTSTART"].dt
    end = component["DTEND"].dt if "DTEND" in component else None
    if end is None and "DURATION" in component:
        end = start + component["DURATION"].dt
    title = str(component.get("SUMMARY") or "").strip() or uid
    summary = strip_tags(str(component.get("DESCRIPTION") or "")).strip() or title
    fields = {
        "title": title[:255],
        "summary": summary[:400],
        "status": "cancelled"
        if str(component.get("STATUS", "")).upper() == "CANCELLED"
        else "scheduled",
    }
    if isinstance(start, datetime.datetime):
        zone = _zone_of(start)
        local_start = _local(start, zone)
        local_end = _local(end, zone) if isinstance(end, datetime.datetime) else local_start
        if local_end < local_start:
            raise ImportProblem(_("Event %(uid)s ends before it starts.") % {"uid": uid})
        fields.update(
            time_zone=zone,
            all_day=False,
            start_date=local_start.date(),
            start_time=local_start.time(),
            end_date=local_end.date() if local_end.date() != local_start.date() else None,
            end_time=local_end.time(),
        )
    else:
        zone = settings.TIME_ZONE
        local_start = datetime.datetime.combine(start, datetime.time(0))
        last = (end - datetime.timedelta(days=1)) if end else start
        if last < start:
            raise ImportProblem(_("Event %(uid)s ends before it starts.") % {"uid": uid})
        fields.update(
            time_zone=zone,
            all_day=True,
            start_date=start,
            start_time=None,
            end_date=last if last != start else None,
            end_time=None,
        )
    fields.update(_rule(component, local_start, uid, zone))
    return ImportedEvent(
        uid=uid,
        fields=fields,
        location=str(component.get("LOCATION") or "").strip(),
        extra_dates=_dates(component, "RDATE", zone),
        excluded_dates=_dates(component, "EXDATE", zone),
    )


def parse_calendar(data):
    """ImportedEvents from iCalendar bytes; raises ImportProblem for anything unusable."""
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        raise ImportProblem(
            _("This is not a valid iCalendar file: %(error)s") % {"error": error}
        ) from None
    events, overrides = {}, []
    for component in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in component:
            overrides.append(component)
        else:
            try:
                event = _event(component)
            except (KeyError, TypeError, ValueError) as error:
                if isinstance(error, ImportProblem):
                    raise
                raise ImportProblem(
                    _("Event %(uid)s could not be read: %(error)s")
                    % {"uid": component.get("UID", "?"), "error": error}
                ) from None
            events[event.uid] = event
    for component in overrides:
        event = events.get(str(component.get("UID")))
        if event is None or str(component.get("STATUS", "")).upper() != "CANCELLED":
            continue
        moment = component["RECURRENCE-ID"].dt
        if isinstance(moment, datetime.datetime):
            moment = _local(moment, event.fields["time_zone"]).date()
        event.cancellations[moment] = strip_tags(str(component.get("DESCRIPTION") or ""))[:200]
    return list(events.values())
