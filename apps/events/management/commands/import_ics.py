"""Bring another calendar's events in as drafts for a moderator to check and publish. Running it
again with the same source updates the drafts (matched on the iCalendar UID) instead of
duplicating them; a source with any unusable event is refused as a whole."""

import urllib.request
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlparse

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.events.ics_import import ImportProblem, parse_calendar
from apps.events.models import (
    EventCancellation,
    EventExcludedDate,
    EventExtraDate,
    EventIndexPage,
    EventPage,
    Venue,
)
from apps.network.models import Organisation

TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024


def read_source(source):
    if urlparse(source).scheme in {"http", "https"}:
        try:
            with urllib.request.urlopen(source, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked above
                return response.read(MAX_BYTES + 1)
        except (URLError, TimeoutError, OSError) as error:
            raise CommandError(f"Could not fetch {source}: {error}") from None
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"No such file: {source}")
    return path.read_bytes()


class Command(BaseCommand):
    help = "Import events from an iCalendar file or URL as drafts (idempotent on UID)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path or http(s) URL of an .ics file")
        parser.add_argument(
            "--organiser", required=True, help="Slug of the organising organisation"
        )
        parser.add_argument(
            "--venue", type=int, help="Venue id for events whose LOCATION matches no venue name"
        )

    def handle(self, source, organiser, venue=None, **options):
        organisation = (
            Organisation.objects.filter(slug=organiser)
            .select_related("locale")
            .order_by("pk")
            .first()
        )
        if organisation is None:
            raise CommandError(f"No organisation with slug {organiser!r}.")
        calendar = EventIndexPage.objects.filter(locale=organisation.locale).first()
        if calendar is None:
            raise CommandError(f"There is no event calendar page in {organisation.locale}.")
        default_venue = Venue.objects.filter(pk=venue).first() if venue else None
        if venue and default_venue is None:
            raise CommandError(f"No venue with id {venue}.")
        data = read_source(source)
        if len(data) > MAX_BYTES:
            raise CommandError("The calendar is larger than 10 MB.")
        try:
            events = parse_calendar(data)
        except ImportProblem as problem:
            raise CommandError(str(problem)) from None
        venues = {v.name.casefold(): v for v in Venue.objects.filter(locale=organisation.locale)}
        self.stdout.write(f"{len(events)} event(s) in {source}")
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        with transaction.atomic():
            for number, event in enumerate(events, start=1):
                place = venues.get(event.location.split(",")[0].strip().casefold(), default_venue)
                if place is None and not event.location.startswith(("http://", "https://")):
                    raise CommandError(
                        f"No venue matches LOCATION {event.location!r} of {event.uid}; "
                        "create it or pass --venue. Nothing was imported."
                    )
                outcome = self.save(calendar, organisation, event, place)
                counts[outcome] += 1
                self.stdout.write(f"  [{number}/{len(events)}] {outcome}: {event.fields['title']}")
        self.stdout.write(
            self.style.SUCCESS(
                "imported as drafts: {created} created, {updated} updated, "
                "{unchanged} unchanged".format(**counts)
            )
        )

    def save(self, calendar, organisation, event, venue):
        fields = dict(event.fields)
        if venue is None:
            fields.update(attendance_mode="online", online_url=event.location)
        fields.update(organiser=organisation, venue=venue)
        page = EventPage.objects.filter(ical_uid=event.uid, locale=calendar.locale).first()
        if page is None:
            page = EventPage(ical_uid=event.uid, live=False, **fields)
            self.set_rows(page, event)
            calendar.add_child(instance=page)
            page.save_revision()
            return "created"
        page = page.get_latest_revision_as_object()
        before = self.state(page, fields)
        for name, value in fields.items():
            setattr(page, name, value)
        self.set_rows(page, event)
        if self.state(page, fields) == before:
            return "unchanged"
        page.save_revision()
        return "updated"

    @staticmethod
    def set_rows(page, event):
        page.extra_dates = [EventExtraDate(date=day) for day in event.extra_dates]
        page.excluded_dates = [EventExcludedDate(date=day) for day in event.excluded_dates]
        page.cancellations = [
            EventCancellation(date=day, note=note) for day, note in event.cancellations.items()
        ]

    @staticmethod
    def state(page, fields):
        return (
            {name: getattr(page, name) for name in fields},
            sorted(row.date for row in page.extra_dates.all()),
            sorted(row.date for row in page.excluded_dates.all()),
            sorted((row.date, row.note) for row in page.cancellations.all()),
        )
