"""RFC 5545 export. One VEVENT per series with RRULE/RDATE/EXDATE in the event's own time zone
(plus its VTIMEZONE), so a subscribed calendar shows "every Tuesday 18:00" correctly on both sides
of a DST change, and one overriding VEVENT (same UID, RECURRENCE-ID) per cancelled or moved date.

UIDs are the translation group's key, stable across renderings and languages; SEQUENCE is bumped
by the occurrence sync whenever dates, status or place change, so clients replace stale copies.
"""

import datetime
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils.html import strip_tags

from apps.events.models import EventStatus
from apps.events.moves import series_dates
from apps.events.recurrence import (
    ICAL_FREQ,
    local_duration,
    local_start,
    moved_times,
    rule_parts,
)
from apps.events.vtimezone import vtimezone

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ICAL_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def uid_for(key):
    host = urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "bygd"
    return f"{key}@{host}"


def _moment(page, local):
    """A date for all-day events, otherwise an aware local datetime (rendered with TZID)."""
    if page.all_day:
        return local.date()
    return local.replace(tzinfo=page.zone)


def _rrule(page):
    parts = rule_parts(page)
    if parts is None:
        return None
    rule = {"FREQ": ICAL_FREQ[parts["freq"]], "INTERVAL": parts["interval"]}
    if "byweekday" in parts:
        rule["BYDAY"] = parts["byweekday"]
    if "bynthweekday" in parts:
        weekday, n = parts["bynthweekday"]
        rule["BYDAY"] = [f"{n}{WEEKDAY_CODES[weekday]}"]
    if "bymonthday" in parts:
        rule["BYMONTHDAY"] = parts["bymonthday"]
    if "count" in parts:
        rule["COUNT"] = parts["count"]
    if "until" in parts:
        until = parts["until"]
        # RFC 5545: UNTIL is a DATE for all-day events and UTC when DTSTART has a TZID.
        rule["UNTIL"] = (
            until.date()
            if page.all_day
            else until.replace(tzinfo=page.zone).astimezone(datetime.UTC)
        )
    return icalendar.vRecur(rule)


def location(page, venue=None):
    """The venue's (``venue`` or the event's) name and address on one line, or the online
    link."""
    venue = venue or page.venue
    if venue is None:
        return page.online_url
    parts = [venue.name, venue.address, " ".join(filter(None, [venue.postcode, venue.town]))]
    return ", ".join(part for part in parts if part)


def _common(event, text_page, series, url):
    event.add("uid", uid_for(series.key))
    event.add("dtstamp", series.modified.astimezone(datetime.UTC))
    event.add("last-modified", series.modified.astimezone(datetime.UTC))
    event.add("sequence", series.sequence)
    event.add("summary", text_page.title)
    if url:
        event.add("url", url)


def series_events(schedule_page, text_page, series, url="", category_names=()):
    """VEVENTs of one series: the master and one override per cancelled date."""
    start = local_start(schedule_page)
    duration = local_duration(schedule_page)
    master = icalendar.Event()
    _common(master, text_page, series, url)
    master.add("dtstart", _moment(schedule_page, start))
    master.add("dtend", _moment(schedule_page, start + duration))
    description = "\n\n".join(filter(None, [text_page.summary, url]))
    if description:
        master.add("description", strip_tags(description))
    place = location(schedule_page)
    if place:
        master.add("location", place)
    venue = schedule_page.venue
    if venue is not None and venue.has_position:
        master.add("geo", (float(venue.latitude), float(venue.longitude)))
    if category_names:
        master.add("categories", list(category_names))
    master.add("status", ICAL_STATUS.get(schedule_page.status, "CONFIRMED"))
    rule = _rrule(schedule_page)
    if rule is not None:
        master.add("rrule", rule)
    time = start.time()
    extra = [row.date for row in schedule_page.extra_dates.all()]
    excluded = [row.date for row in schedule_page.excluded_dates.all()]
    for day in extra:
        master.add("rdate", _moment(schedule_page, datetime.datetime.combine(day, time)))
    for day in excluded:
        master.add("exdate", _moment(schedule_page, datetime.datetime.combine(day, time)))
    events = [master]

    events.extend(_overrides(schedule_page, text_page, series, url, extra, excluded))
    return events


def _overrides(page, text_page, series, url, extra, excluded):
    """One VEVENT per cancelled or moved date, with the original start as RECURRENCE-ID: a
    moved date gets its new times and place, a cancelled one STATUS:CANCELLED (a date both
    moved and cancelled is one override with both)."""
    cancellations = {row.date: row.note for row in page.cancellations.all()}
    moves = {row.date: row for row in page.moved_dates.all()}
    if not cancellations and not moves:
        return []
    starts = series_dates(page, extra, excluded, max([*cancellations, *moves]))
    duration = local_duration(page)
    overrides = []
    for day in sorted({*cancellations, *moves}):
        local = starts.get(day)
        if local is None:
            continue
        move = moves.get(day)
        start, end = moved_times(page, local, duration, move) if move else (local, local + duration)
        override = icalendar.Event()
        _common(override, text_page, series, url)
        override.add("recurrence-id", _moment(page, local))
        override.add("dtstart", _moment(page, start))
        override.add("dtend", _moment(page, end))
        if move is not None:
            venue = move.venue or page.venue
            place = location(page, venue)
            if place:
                override.add("location", place)
            if venue is not None and venue.has_position:
                override.add("geo", (float(venue.latitude), float(venue.longitude)))
        if day in cancellations:
            override.add("status", "CANCELLED")
        else:
            override.add("status", ICAL_STATUS.get(page.status, "CONFIRMED"))
        note = cancellations.get(day) or (move.note if move else "")
        if note:
            override.add("description", note)
        overrides.append(override)
    return overrides


def new_calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Bygd//Event calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def render(calendar):
    """VTIMEZONEs go first, as clients expect them before the events that name them."""
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        calendar.subcomponents.insert(position, vtimezone(tzid))
    return calendar.to_ical()
