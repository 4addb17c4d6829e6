"""What ``/api/events/`` shows of each event, kept per content version (``core.api.kept``): a
page of 50 occurrences used to load and serialise up to 50 event pages, two thirds of the
request, though an event's part is the same in every window, filter and page that lists it.

A payload holds the event's JSON, its venue's JSON with that venue's id (a moved date at another
venue shows its own venue instead) and its time zone (the occurrence's times are written in
it); ``None`` when the event has no page to show in the language asked for."""

from apps.core.api.kept import kept
from apps.events.api.pages import list_pages_by_key
from apps.events.api.serializers import EventSerializer, VenueSerializer


def event_payloads(series_keys, locale, fallback, context):
    """{series key: payload or None} for ``series_keys``."""
    base = context["request"].build_absolute_uri("/")
    return kept(
        "events",
        series_keys,
        (base, locale.language_code, fallback),
        lambda missing: _serialise(missing, locale, fallback, context),
    )


def venue_payload(venue, context):
    """(venue id, venue JSON) as occurrences compare and show it, or (None, None)."""
    if venue is None:
        return None, None
    return venue.translation_key, VenueSerializer(venue, context=context).data


def _serialise(series_keys, locale, fallback, context):
    pages = list_pages_by_key(series_keys, locale, fallback)
    events = EventSerializer(context=context)
    made = {}
    for key in series_keys:
        page = pages.get(key)
        if page is None:
            made[key] = None
            continue
        venue_key, venue = venue_payload(page.venue, context)
        made[key] = {
            "event": events.to_representation(page),
            "venue_key": venue_key,
            "venue": venue,
            "zone": page.time_zone,
        }
    return made
