"""What the month grid shows of each date, read as plain values. A crowded month shows a few
hundred dates; building an occurrence with its series, venue and places for each, and a Wagtail
page per event (about 0.3 ms a page), was most of the view's time, for a cell that shows a time,
a title and an address."""

from zoneinfo import ZoneInfo

from django.templatetags.tz import do_timezone
from django.utils import timezone
from wagtail.models import Page

from apps.events.listing import page_facts
from apps.events.models import OccurrenceStatus

OCCURRENCE_VALUES = (
    "start",
    "end",
    "all_day",
    "start_date",
    "end_date",
    "status",
    "note",
    "original_start",
    "series__key",
    "venue__translation_key",
    "venue__name",
)


class Cell:
    """One date as the month grid shows it. Times are marked like ``views.localise`` marks them,
    so the ``date`` filter keeps the event's wall clock."""

    def __init__(self, row, page, url, site_zone):
        zone = ZoneInfo(page["time_zone"])
        self.all_day, self.status, self.note = row["all_day"], row["status"], row["note"]
        self.start_date, self.end_date = row["start_date"], row["end_date"]
        self.local_start = do_timezone(row["start"], zone)
        self.local_end = do_timezone(row["end"], zone)
        self.moved = row["original_start"] is not None
        self.local_original_start = do_timezone(row["original_start"], zone) if self.moved else None
        self.zone_label = "" if page["time_zone"] == site_zone else page["time_zone"]
        self.title, self.url = page["title"], url
        self.language = page["language"] if page["is_fallback"] else ""
        venue_key = row["venue__translation_key"]
        moved_away = self.moved and venue_key is not None and venue_key != page["venue_key"]
        self.other_venue = {"name": row["venue__name"]} if moved_away else None

    def get_status_display(self):
        return OccurrenceStatus(self.status).label


def month_cells(occurrences, index_page):
    """Cells for ``occurrences`` (a queryset, in order) whose events have a live page in the
    calendar's language or a fallback, in two queries (a third when a fallback lives in another
    language's calendar)."""
    rows = list(occurrences.values(*OCCURRENCE_VALUES))
    pages = page_facts([row["series__key"] for row in rows], index_page.locale)
    urls = _addresses(pages, index_page)
    site_zone = timezone.get_default_timezone_name()
    return [
        Cell(row, pages[row["series__key"]], urls[row["series__key"]], site_zone)
        for row in rows
        if row["series__key"] in pages
    ]


def _addresses(pages, index_page):
    """{translation_key: address}. An event page is a child of its calendar, so its address is
    the calendar's and its slug: Wagtail is asked once per calendar, not once per page."""
    parents = {key: _parent_path(page["url_path"]) for key, page in pages.items()}
    calendars = {index_page.url_path: index_page.own_url}
    others = set(parents.values()) - set(calendars)
    if others:
        calendars.update(
            (page.url_path, page.url) for page in Page.objects.filter(url_path__in=others)
        )
    urls = {}
    for key, page in pages.items():
        base = calendars.get(parents[key])
        urls[key] = base + page["url_path"][len(parents[key]) :] if base else None
    return urls


def _parent_path(url_path):
    return url_path[: url_path.rstrip("/").rfind("/") + 1]
