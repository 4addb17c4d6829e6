"""The VEVENT text of each series, rendered once and kept in the cache, and calendars put
together from such texts. Rendering a series through icalendar costs milliseconds, so a feed of
thousands of series took seconds on every request; a series' text only changes when its
``modified`` moves (every publish, unpublish or restriction of one of its pages, and edits of
its venue, categories or organiser) or its ``sequence`` does, so those are in the cache key,
with the language and the site address the links are made on.

A calendar is the iCalendar envelope of ``ics.new_calendar`` with the VTIMEZONEs the texts name
first and the texts after them: the same bytes icalendar would write for the whole calendar."""

import hashlib

import icalendar
from django.core.cache import cache

from apps.events import ics
from apps.events.listing import CategoryLabels, pages_by_key
from apps.events.models import EventPage
from apps.events.vtimezone import vtimezone

TIMEOUT = 7 * 24 * 3600
END = b"END:VCALENDAR\r\n"


def _cache_key(series, variant):
    stamp = series.modified.timestamp()
    return f"bygd:events:vevent:{series.key}:{series.sequence}:{stamp}:{variant}"


def series_texts(series_list, locale, fallback, request):
    """[(time zone ids, VEVENT bytes)] for ``series_list`` in its order; a series without a page
    to show (none in ``locale`` and no fallback) has empty bytes. Texts found in the cache cost
    one cache lookup for all of them; the others are rendered in a fixed number of queries."""
    base = request.build_absolute_uri("/")
    variant = hashlib.sha256(f"{base}|{locale.language_code}|{fallback}".encode()).hexdigest()
    keys = {series.pk: _cache_key(series, variant[:16]) for series in series_list}
    found = cache.get_many(list(keys.values())) if keys else {}
    missing = [series for series in series_list if keys[series.pk] not in found]
    if missing:
        rendered = {
            keys[pk]: value for pk, value in _render(missing, locale, fallback, request).items()
        }
        cache.set_many(rendered, TIMEOUT)
        found.update(rendered)
    return [found[keys[series.pk]] for series in series_list]


def _render(series_list, locale, fallback, request):
    """{series id: (time zone ids, bytes)}: schedules from each group's original page (as the
    stored occurrences are), text from the requested language."""
    keys = [series.key for series in series_list]
    text_pages = pages_by_key(keys, locale, fallback)
    schedule_pages = {}
    for page in (
        EventPage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("venue")
        .prefetch_related("extra_dates", "excluded_dates", "cancellations", "moved_dates__venue")
        .order_by("-pk")
    ):
        schedule_pages[page.translation_key] = page
    labels = CategoryLabels(locale)
    rendered = {}
    for series in series_list:
        text_page = text_pages.get(series.key)
        schedule_page = schedule_pages.get(series.key)
        if text_page is None or schedule_page is None:
            rendered[series.pk] = ((), b"")
            continue
        url = text_page.get_url(request)
        events = ics.series_events(
            schedule_page,
            text_page,
            series,
            request.build_absolute_uri(url) if url else "",
            [category["name"] for category in labels.for_page(text_page)],
        )
        holder = icalendar.Calendar()
        holder.subcomponents.extend(events)
        rendered[series.pk] = (
            tuple(sorted(holder.get_missing_tzids())),
            b"".join(event.to_ical() for event in events),
        )
    return rendered


def envelope(name, tzids, description=""):
    """The calendar's opening (properties and VTIMEZONEs) and its closing line."""
    calendar = ics.new_calendar(name)
    if description:
        calendar.add("x-wr-caldesc", description)
    for tzid in sorted(tzids):
        calendar.add_component(vtimezone(tzid))
    return calendar.to_ical()[: -len(END)], END


def calendar_bytes(name, texts, description=""):
    opening, closing = envelope(
        name, {tzid for tzids, _text in texts for tzid in tzids}, description
    )
    return b"".join([opening, *(text for _tzids, text in texts), closing])
