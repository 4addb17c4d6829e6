"""What ``/api/events/`` shows of each event, serialised once per content version and language
instead of on every request. A page of 50 occurrences used to load and serialise up to 50 event
pages (two thirds of the request); an event's part of the answer is the same in every window,
filter and page that lists it, and only an edit of public content can change it, which moves the
content version, so the kept payloads are keyed by that version like the response cache is.

A payload holds the event's JSON, its venue's JSON with that venue's id (a moved date at another
venue shows its own venue instead) and its time zone (the occurrence's times are written in
it); ``None`` when the event has no page to show in the language asked for."""

import hashlib

from django.core.cache import cache

from apps.core import content_version
from apps.events.api.pages import list_pages_by_key
from apps.events.api.serializers import EventSerializer, VenueSerializer

TIMEOUT = 24 * 3600


def _keys(series_keys, locale, fallback, request):
    base = request.build_absolute_uri("/")
    variant = hashlib.sha256(f"{base}|{locale.language_code}|{fallback}".encode()).hexdigest()
    version = content_version.current()[0]
    return {key: f"bygd:events:api:{version}:{variant[:16]}:{key}" for key in series_keys}


def event_payloads(series_keys, locale, fallback, context):
    """{series key: payload or None} for ``series_keys``: one cache lookup for all of them, and
    the missing ones loaded and serialised in a fixed number of queries."""
    keys = _keys(set(series_keys), locale, fallback, context["request"])
    found = cache.get_many(list(keys.values())) if keys else {}
    missing = [key for key, cache_key in keys.items() if cache_key not in found]
    if missing:
        made = _serialise(missing, locale, fallback, context)
        cache.set_many({keys[key]: payload for key, payload in made.items()}, TIMEOUT)
        found.update({keys[key]: payload for key, payload in made.items()})
    return {key: found[cache_key] for key, cache_key in keys.items()}


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
