"""Write parsed events as draft revisions, matched on the iCalendar UID so that importing the
same source again updates the drafts instead of duplicating them and a source unchanged since
the last run changes nothing. Each event is saved on its own: one that cannot be stored is a
Problem in the report and the others still import."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.events.ics_import.moved_rows import moved_rows
from apps.events.ics_import.records import Problem
from apps.events.models import (
    EventCancellation,
    EventExcludedDate,
    EventExtraDate,
    EventPage,
    Venue,
)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    changed_pages: list = field(default_factory=list)


def _venue(location, venues, default_venue=None):
    """The venue named by a LOCATION: its part before the first comma, ignoring case."""
    return venues.get(location.split(",")[0].strip().casefold(), default_venue)


def _rows(page, event, venues, warnings):
    page.extra_dates = [EventExtraDate(date=day) for day in sorted(set(event.extra_dates))]
    page.excluded_dates = [EventExcludedDate(date=day) for day in sorted(set(event.excluded_dates))]
    page.cancellations = [
        EventCancellation(date=day, note=note) for day, note in sorted(event.cancellations.items())
    ]
    page.moved_dates = moved_rows(page, event, lambda location: _venue(location, venues), warnings)


def _comparable(name, value):
    if name == "body":
        return [(child.block_type, getattr(child.value, "source", child.value)) for child in value]
    return value


def _state(page, fields):
    return (
        {name: _comparable(name, getattr(page, name)) for name in fields},
        sorted(row.date for row in page.extra_dates.all()),
        sorted(row.date for row in page.excluded_dates.all()),
        sorted((row.date, row.note) for row in page.cancellations.all()),
        sorted(
            (row.date, row.start_date, row.start_time, row.end_date, row.end_time, row.venue_id)
            for row in page.moved_dates.all()
        ),
    )


def _save(calendar, organisation, event, venue, existing, user, venues, warnings):
    fields = dict(event.fields)
    if venue is None:
        fields.update(attendance_mode="online", online_url=event.location)
    fields.update(organiser=organisation, venue=venue)
    if existing is None:
        page = EventPage(ical_uid=event.uid, live=False, **fields)
        _rows(page, event, venues, warnings)
        calendar.add_child(instance=page)
        page.save_revision(user=user)
        return "created", page
    draft = existing.get_latest_revision_as_object()
    before = _state(draft, fields)
    for name, value in fields.items():
        setattr(draft, name, value)
    _rows(draft, event, venues, warnings)
    if _state(draft, fields) == before:
        return "unchanged", existing
    draft.full_clean()
    draft.save_revision(user=user)
    return "updated", existing


def import_events(calendar, organisation, parsed, default_venue=None, user=None):
    """Save ``parsed`` (a ParsedCalendar) under ``calendar`` for ``organisation``. An event
    whose UID already belongs to another organiser's event is refused: a source must not be
    able to overwrite someone else's calendar."""
    report = ImportReport(problems=list(parsed.problems))
    venues = {v.name.casefold(): v for v in Venue.objects.filter(locale=calendar.locale)}
    existing = {
        page.ical_uid: page
        for page in EventPage.objects.filter(
            locale=calendar.locale, ical_uid__in=[event.uid for event in parsed.events]
        ).select_related("organiser")
    }
    for event in parsed.events:
        report.warnings += [Problem(event.uid, event.title, text) for text in event.warnings]
        page = existing.get(event.uid)
        if page is not None and (
            page.organiser is None or page.organiser.translation_key != organisation.translation_key
        ):
            reason = _("Another organiser's event already has this UID.")
            report.problems.append(Problem(event.uid, event.title, reason))
            continue
        venue = _venue(event.location, venues, default_venue)
        if venue is None and not event.location.startswith(("http://", "https://")):
            reason = _("No venue matches its LOCATION %(location)s; create the venue first.") % {
                "location": repr(event.location)
            }
            report.problems.append(Problem(event.uid, event.title, reason))
            continue
        warnings = []
        try:
            with transaction.atomic():
                outcome, saved = _save(
                    calendar, organisation, event, venue, page, user, venues, warnings
                )
        except ValidationError as error:
            reason = " ".join(error.messages)
            report.problems.append(Problem(event.uid, event.title, reason))
            continue
        report.warnings += [Problem(event.uid, event.title, text) for text in warnings]
        setattr(report, outcome, getattr(report, outcome) + 1)
        if outcome != "unchanged":
            report.changed_pages.append(saved)
    return report
