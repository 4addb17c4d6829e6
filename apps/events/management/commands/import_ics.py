"""Bring another calendar's events in as drafts for a moderator to check and publish. Running it
again with the same source updates the drafts (matched on the iCalendar UID) instead of
duplicating them. An event that cannot be read or stored is listed with its reason and left
out; the rest imports. Every message goes through gettext, so the output is in one language."""

import urllib.request
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlparse

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from apps.events.ics_import import ImportProblem, import_events, parse_calendar
from apps.events.models import EventIndexPage, Venue
from apps.network.models import Organisation

TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024


def read_source(source):
    if urlparse(source).scheme in {"http", "https"}:
        try:
            with urllib.request.urlopen(source, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked above
                return response.read(MAX_BYTES + 1)
        except (URLError, TimeoutError, OSError) as error:
            raise CommandError(
                _("Could not fetch %(source)s: %(error)s") % {"source": source, "error": error}
            ) from None
    path = Path(source)
    if not path.is_file():
        raise CommandError(_("No such file: %(source)s") % {"source": source})
    return path.read_bytes()


def write_report(stdout, style, report):
    """The per-event lines and the closing counts; shared with the feed subscriptions' command."""
    for problem in report.problems:
        stdout.write(style.WARNING(_("  skipped: %(problem)s") % {"problem": problem}))
    for warning in report.warnings:
        stdout.write(_("  note: %(problem)s") % {"problem": warning})
    stdout.write(
        _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(skipped)d skipped")
        % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "skipped": len(report.problems),
        }
    )


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
            raise CommandError(_("No organisation with slug %(slug)r.") % {"slug": organiser})
        calendar = EventIndexPage.objects.filter(locale=organisation.locale).first()
        if calendar is None:
            raise CommandError(
                _("There is no event calendar page in %(locale)s.")
                % {"locale": organisation.locale}
            )
        default_venue = Venue.objects.filter(pk=venue).first() if venue else None
        if venue and default_venue is None:
            raise CommandError(_("No venue with id %(id)d.") % {"id": venue})
        data = read_source(source)
        if len(data) > MAX_BYTES:
            raise CommandError(_("The calendar is larger than 10 MB."))
        try:
            parsed = parse_calendar(data)
        except ImportProblem as problem:
            raise CommandError(str(problem)) from None
        self.stdout.write(
            _("%(count)d event(s) in %(source)s") % {"count": len(parsed.events), "source": source}
        )
        report = import_events(calendar, organisation, parsed, default_venue)
        write_report(self.stdout, self.style, report)
