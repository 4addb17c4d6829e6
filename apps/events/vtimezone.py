"""VTIMEZONE components written the way most publishers write them: one STANDARD and one
DAYLIGHT part, each with a yearly RRULE derived from the zone's current rules.

icalendar's ``Timezone.from_tzid`` lists every transition as one comma-separated RDATE; clients
built on ical.js (Thunderbird, FullCalendar) read only its first value and so show every summer
occurrence an hour late. Zones whose transitions do not follow a yearly weekday rule (or that have
no summer time) fall back to icalendar's own component, which is then still correct there.
"""

import datetime
import functools
from zoneinfo import ZoneInfo

import icalendar

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
CHECK_UNTIL = 2037
UTC = datetime.UTC


def _offset(zone, moment):
    return moment.astimezone(zone).utcoffset()


def _transitions(zone, year):
    """(UTC instant, offset before, offset after, name after) of each change of offset in ``year``."""
    found = []
    day = datetime.datetime(year, 1, 1, tzinfo=UTC)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=UTC)
    while day < end:
        following = day + datetime.timedelta(days=1)
        before, after = _offset(zone, day), _offset(zone, following)
        if before != after:
            low, high = 0, 24 * 60
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone, day + datetime.timedelta(minutes=middle)) == before:
                    low = middle
                else:
                    high = middle
            instant = day + datetime.timedelta(minutes=high)
            found.append((instant, before, after, instant.astimezone(zone).tzname()))
        day = following
    return found


def _rule(instant, before):
    """Month, weekday-in-month (-1 for the last) and wall-clock time of one transition."""
    local = (instant + before).replace(tzinfo=None)
    next_month = (local.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    nth = -1 if local.day + 7 > last_day else (local.day - 1) // 7 + 1
    return (local.month, nth, local.weekday(), local.time())


def _yearly_rules(zone, year):
    return [
        (_rule(instant, before), before, after, name)
        for instant, before, after, name in _transitions(zone, year)
    ]


@functools.lru_cache(maxsize=32)
def _rules_since(tzid, year):
    """The zone's rules this year and the first year they have held in unbroken, or None."""
    zone = ZoneInfo(tzid)
    current = _yearly_rules(zone, year)
    if len(current) != 2 or any(
        _yearly_rules(zone, later) != current for later in range(year + 1, CHECK_UNTIL)
    ):
        return None
    first = year
    while first > 1970 and _yearly_rules(zone, first - 1) == current:
        first -= 1
    return current, first


def _part(rule, before, after, name, first_year):
    (month, nth, weekday, time) = rule
    part = icalendar.TimezoneDaylight() if after > before else icalendar.TimezoneStandard()
    days = [
        datetime.date(first_year, month, day)
        for day in range(1, 32)
        if _valid(first_year, month, day)
        and datetime.date(first_year, month, day).weekday() == weekday
    ]
    part.add("dtstart", datetime.datetime.combine(days[nth if nth < 0 else nth - 1], time))
    part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": f"{nth}{WEEKDAYS[weekday]}"})
    part.add("tzoffsetfrom", before)
    part.add("tzoffsetto", after)
    part.add("tzname", name)
    return part


def _valid(year, month, day):
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def vtimezone(tzid):
    """The zone as a VTIMEZONE with yearly rules, or icalendar's listing when it has none."""
    found = _rules_since(tzid, datetime.date.today().year)
    if found is None:
        return icalendar.Timezone.from_tzid(tzid)
    rules, first_year = found
    component = icalendar.Timezone()
    component.add("tzid", tzid)
    for rule, before, after, name in rules:
        component.add_component(_part(rule, before, after, name, first_year))
    return component
