"""The choices of the calendar pages' filter form: categories in the page's language, and the
municipalities, organisers and venues that have live events."""

from django.core.cache import cache
from django.db.models import Exists, OuterRef

from apps.core import content_version
from apps.events.models import EVENT_LANGUAGES, Audience, EventCategory, EventPage, Venue
from apps.network.models import Organisation, Place

CHOICES_TIMEOUT = 24 * 3600


def _venue_choices(locale):
    """Venues with live events, one per translation group, in ``locale`` where translated."""
    used = Venue.objects.filter(events__live=True).values("translation_key")
    rows = Venue.objects.filter(translation_key__in=used).exclude(slug="")
    chosen = {}
    for venue in sorted(rows, key=lambda row: row.locale_id != locale.pk):
        chosen.setdefault(venue.translation_key, venue)
    return sorted(chosen.values(), key=lambda venue: str(venue).casefold())


def _live_events(**lookups):
    return EventPage.objects.filter(live=True, **lookups)


def filter_choices(locale):
    """Choices that have live events. Finding them reads every live event, so they are kept
    under the content version (which moves with every publish) instead of being found again
    on each calendar page; EXISTS per choice rather than a DISTINCT over the whole join."""
    key = f"bygd:events:filter-choices:{locale.pk}:{content_version.current()[0]}"
    choices = cache.get(key)
    if choices is None:
        choices = {name: list(rows) for name, rows in _find_choices(locale).items()}
        cache.set(key, choices, CHOICES_TIMEOUT)
    return {**choices, "audiences": Audience.choices, "event_languages": EVENT_LANGUAGES}


def _find_choices(locale):
    return {
        "categories": EventCategory.objects.filter(locale=locale).order_by("name"),
        "municipalities": Place.objects.filter(
            Exists(_live_events(venue__municipality=OuterRef("pk")))
        ).order_by("name"),
        "organisers": Organisation.objects.filter(
            Exists(_live_events(organiser=OuterRef("pk")))
        ).order_by("name"),
        "venues": _venue_choices(locale),
    }
