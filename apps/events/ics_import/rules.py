"""From iCalendar date values and RRULEs to the editor's schedule fields. Only the RRULE subset
the admin offers is accepted; anything else is an ImportProblem for that event."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from apps.core.time_zones import TIME_ZONES
from apps.events.ics_import.records import ImportProblem
from apps.events.models.schedule import WEEKDAY_CODES
from apps.events.recurrence import nth_weekday

FREQUENCIES = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
SUPPORTED_RULE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}
KNOWN_ZONES = {name for name, _label in TIME_ZONES}


def zone_of(value):
    key = getattr(getattr(value, "tzinfo", None), "key", None)
    return key if key in KNOWN_ZONES else settings.TIME_ZONE


def local(value, zone):
    """A naive local datetime in ``zone``; floating times are taken as already local."""
    if value.tzinfo is None:
        return value
    return value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def dates(component, name, zone):
    values = component.get(name)
    if values is None:
        return []
    values = values if isinstance(values, list) else [values]
    result = []
    for value in values:
        for item in value.dts:
            moment = item.dt
            result.append(
                local(moment, zone).date() if isinstance(moment, datetime.datetime) else moment
            )
    return result


def last_date(until, start, zone):
    """The date of the last occurrence a (possibly UTC) UNTIL allows. Bygd stores a date and
    repeats at the start's local time, so an UNTIL earlier that day than the local start (Google
    writes 15:59:59Z for a series at 17:00 in Stockholm) ends the series the day before."""
    if not isinstance(until, datetime.datetime):
        return until
    moment = local(until, zone)
    day = moment.date()
    if moment.time() < start.time():
        day -= datetime.timedelta(days=1)
    return day


def rule(component, start, zone):
    """Schedule fields for the component's RRULE; ``start`` is the naive local first start."""
    rrule = component.get("RRULE")
    if rrule is None:
        return {"frequency": ""}
    text = rrule.to_ical().decode()
    unsupported = set(rrule) - SUPPORTED_RULE_PARTS
    freq = (rrule.get("FREQ") or [""])[0]
    if unsupported or freq not in FREQUENCIES:
        raise ImportProblem(
            _("It repeats in a way the calendar cannot express (%(rule)s).") % {"rule": text}
        )
    try:
        values = {
            "frequency": FREQUENCIES[freq],
            "interval": int((rrule.get("INTERVAL") or [1])[0]),
        }
        byday = [str(day) for day in rrule.get("BYDAY", [])]
        monthdays = [int(day) for day in rrule.get("BYMONTHDAY", [])]
        count = int(rrule["COUNT"][0]) if "COUNT" in rrule else None
    except (TypeError, ValueError):
        raise ImportProblem(
            _("Its repeat rule cannot be read (%(rule)s).") % {"rule": text}
        ) from None
    if values["interval"] < 1 or (count is not None and count < 1):
        raise ImportProblem(_("Its repeat rule cannot be read (%(rule)s).") % {"rule": text})
    if freq == "WEEKLY":
        if any(day[-2:] not in WEEKDAY_CODES or len(day) != 2 for day in byday):
            raise ImportProblem(_("It has an unsupported BYDAY (%(rule)s).") % {"rule": text})
        values["weekdays"] = byday
    elif freq == "MONTHLY" and byday:
        weekday, n = nth_weekday(start.date())
        expected = f"{n}{WEEKDAY_CODES[weekday]}"
        if byday != [expected] and byday != [f"+{expected}"]:
            raise ImportProblem(
                _("It repeats on %(byday)s, which does not match its first date.")
                % {"byday": ",".join(byday)}
            )
        values["monthly_by"] = "weekday"
    elif byday:
        raise ImportProblem(_("It has an unsupported BYDAY (%(rule)s).") % {"rule": text})
    if monthdays and monthdays != [start.day]:
        raise ImportProblem(_("It has an unsupported BYMONTHDAY (%(rule)s).") % {"rule": text})
    if count is not None:
        values.update(ends="after", count=count)
    elif "UNTIL" in rrule:
        values.update(ends="on", until=last_date(rrule["UNTIL"][0], start, zone))
    else:
        values["ends"] = "never"
    return values
