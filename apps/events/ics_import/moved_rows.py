"""From a source's moved dates (``MovedOccurrence``) to ``EventMovedDate`` rows. A row names only
what differs from the series, as the editor's form does, so the stored move reads the same as
one an organiser entered. A moved date the series does not have, or that cannot be held as
given, is left out with a warning; a new place no venue matches keeps the new time and is
reported, since a venue must exist before events can be held there."""

import datetime

from django.utils.translation import gettext as _

from apps.events.ics_import.overrides import series_times
from apps.events.models import EventMovedDate
from apps.events.moves import move_errors


def _row(event, moved, venue):
    first, duration = series_times(event.fields)
    row = EventMovedDate(date=moved.original, venue=venue)
    if moved.start.date() != moved.original:
        row.start_date = moved.start.date()
    changed_length = moved.end - moved.start != duration
    if event.fields["all_day"]:
        if changed_length:
            row.end_date = (moved.end - datetime.timedelta(days=1)).date()
        return row
    if moved.start.time() != first.time():
        row.start_time = moved.start.time()
    if changed_length:
        row.end_time = moved.end.time()
        if moved.end.date() != moved.start.date():
            row.end_date = moved.end.date()
    return row


def moved_rows(page, event, venue_for, warnings):
    """The rows for ``event.moved`` on ``page`` (whose schedule fields are set); what cannot
    be kept is appended to ``warnings``."""
    rows = []
    for moved in sorted(event.moved, key=lambda moved: moved.original):
        venue = venue_for(moved.location) if moved.location else None
        if moved.location and venue is None:
            warnings.append(
                _(
                    "The date %(date)s moved to %(place)s; Bygd keeps the series' venue for it. "
                    "Check the draft."
                )
                % {"date": moved.original.isoformat(), "place": moved.location}
            )
        if venue is not None and venue.pk == page.venue_id:
            venue = None
        row = _row(event, moved, venue)
        if any([row.start_date, row.start_time, row.end_date, row.end_time, row.venue]):
            rows.append(row)
    extra = [row.date for row in page.extra_dates.all()]
    excluded = [row.date for row in page.excluded_dates.all()]
    errors = {index: message for index, _field, message in move_errors(page, extra, excluded, rows)}
    for index, message in errors.items():
        warnings.append(
            _("The changed date %(date)s was left out: %(reason)s")
            % {"date": rows[index].date.isoformat(), "reason": message}
        )
    return [row for index, row in enumerate(rows) if index not in errors]
