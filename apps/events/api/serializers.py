"""The JSON shape of events and occurrences. The serializers read only what the view fetched in
advance (see apps.events.listing: the pages of a batch of occurrences with their organiser,
project, venue and categories, the category labels once per language, and the images with their
renditions), so serialising a page of results issues no further queries once the renditions
exist.

The view hands each occurrence its event's JSON as `event_payload` (None for a removed occurrence
or on the event's own detail; see apps.events.api.payloads), that event's venue as `page_venue`,
a (venue id, venue JSON) pair, and the time zone its times are shown in as `zone`, and an
event's detail its series as `api_series` and its occurrences as `api_occurrences`."""

import datetime
import re
from functools import cached_property

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.api.fields import ReferenceSerializer, SourceField, place_label
from apps.events.api.pages import PageURLs
from apps.events.models import EventPage, OccurrenceStatus


def category_label(link, field):
    """A category's label in the request's language (context `category_labels`, read once)."""
    return field.context["category_labels"](link.category.slug, link.category.name)


RENDITIONS = {"thumbnail": "fill-400x225", "medium": "max-800x800", "large": "fill-1200x675"}
ROOT_RELATIVE = re.compile(r"""(\s(?:href|src)=["'])/(?!/)""")


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


def rendition(image, name, request):
    """One size of an image, or None if its file is lost (the event must still be listed).
    Renditions come from the prefetched ``image.renditions`` once they exist."""
    try:
        found = image.get_rendition(RENDITIONS[name])
    except OSError:  # SourceImageIOError too
        return None
    return {
        "url": request.build_absolute_uri(found.url),
        "width": found.width,
        "height": found.height,
    }


class EventThumbnailSerializer(serializers.Serializer):
    """What a list needs to show an event's picture."""

    alt = serializers.CharField(source="default_alt_text")
    thumbnail = serializers.SerializerMethodField()

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_thumbnail(self, image):
        return rendition(image, "thumbnail", self.context["request"])


class EventImageSerializer(EventThumbnailSerializer):
    medium = serializers.SerializerMethodField(help_text="At most 800×800, uncropped.")
    large = serializers.SerializerMethodField(help_text="1200×675, cropped around the focal point.")

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_medium(self, image):
        return rendition(image, "medium", self.context["request"])

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_large(self, image):
        return rendition(image, "large", self.context["request"])


class VenueSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        source="translation_key", help_text="Stable id of the venue in every language."
    )
    name = serializers.CharField()
    address = serializers.CharField()
    postcode = serializers.CharField()
    town = serializers.CharField()
    municipality = ReferenceSerializer(value="identifier", name=place_label())
    region = ReferenceSerializer(
        source="municipality.parent", value="identifier", name=place_label(), allow_null=True
    )
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    accessibility = serializers.CharField(help_text="Accessibility notes, in the event's language.")


class PriceSerializer(serializers.Serializer):
    free = serializers.BooleanField(source="is_free")
    amount = serializers.DecimalField(
        source="price_amount", max_digits=9, decimal_places=2, allow_null=True
    )
    currency = serializers.CharField(source="price_currency")
    text = serializers.CharField(source="price_text")


class EventSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        source="translation_key",
        help_text="Stable id of the event in every language (the iCal UID).",
    )
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()
    ics_url = serializers.SerializerMethodField()
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField(default=False)
    status = serializers.CharField()
    featured = serializers.BooleanField(help_text="Marked by an editor to be shown first.")
    organiser = ReferenceSerializer()
    project = ReferenceSerializer(
        source="related_project", value="identifier", name="title", allow_null=True
    )
    venue = VenueSerializer(allow_null=True)
    image = EventThumbnailSerializer(allow_null=True)
    attendance_mode = serializers.CharField()
    online = serializers.BooleanField(source="is_online")
    online_url = serializers.CharField()
    categories = ReferenceSerializer(many=True, value="category.slug", name=category_label)
    audience = serializers.CharField()
    age_min = serializers.IntegerField(allow_null=True)
    age_max = serializers.IntegerField(allow_null=True)
    price = PriceSerializer(source="*")
    registration_url = serializers.CharField()
    registration_deadline = serializers.DateField(allow_null=True)
    event_language = serializers.CharField()
    time_zone = serializers.CharField()
    recurring = serializers.BooleanField(source="is_recurring")
    source = SourceField()

    def get_url(self, page) -> str | None:
        urls = self.context.get("page_urls")
        if urls is None:
            urls = self.context["page_urls"] = PageURLs(self.context["request"])
        return urls(page)

    def get_ics_url(self, page) -> str:
        return self.context["request"].build_absolute_uri(page.ics_url())


class OccurrenceSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        source="series.key", help_text="The event's id; use it with /api/events/{id}/."
    )
    occurrence = serializers.CharField(
        source="key", help_text="Stable per occurrence (iCal RECURRENCE-ID)."
    )
    start = serializers.SerializerMethodField(
        help_text="ISO date for all-day events, else ISO date-time."
    )
    end = serializers.SerializerMethodField(
        help_text="Exclusive: the day after the last day for all-day events."
    )
    all_day = serializers.BooleanField()
    status = serializers.ChoiceField(choices=OccurrenceStatus.choices)
    note = serializers.CharField()
    moved = serializers.BooleanField(
        help_text="This date of the series is held at another time or venue than the rule says."
    )
    original_start = serializers.SerializerMethodField(
        help_text="For a moved date: when the series would have held it (null otherwise)."
    )
    venue = serializers.SerializerMethodField(
        help_text="Where this occurrence is: the event's venue, or another for a moved date."
    )
    modified = serializers.DateTimeField()
    event = serializers.SerializerMethodField(help_text="Null for removed occurrences.")

    def _zone(self, occurrence):
        """Times carry the event's own UTC offset (the site's for removed occurrences), so a
        client that ignores time zones still shows the local clock time."""
        return getattr(occurrence, "zone", None) or timezone.get_default_timezone()

    def get_start(self, occurrence) -> str:
        if occurrence.all_day:
            return occurrence.start_date.isoformat()
        return occurrence.start.astimezone(self._zone(occurrence)).isoformat()

    def get_end(self, occurrence) -> str:
        if occurrence.all_day:
            return (occurrence.end_date + datetime.timedelta(days=1)).isoformat()
        return occurrence.end.astimezone(self._zone(occurrence)).isoformat()

    def get_original_start(self, occurrence) -> str | None:
        if occurrence.original_start is None:
            return None
        original = occurrence.original_start.astimezone(self._zone(occurrence))
        return original.date().isoformat() if occurrence.all_day else original.isoformat()

    @extend_schema_field(EventSerializer(allow_null=True))
    def get_event(self, occurrence):
        return getattr(occurrence, "event_payload", None)

    @extend_schema_field(VenueSerializer(allow_null=True))
    def get_venue(self, occurrence):
        """The event's venue in the page's language (``page_venue``, set by the view) unless
        the date moved to another one, which is shown as stored."""
        venue = occurrence.venue
        shown_key, shown = getattr(occurrence, "page_venue", (None, None))
        if shown is not None and (venue is None or venue.translation_key == shown_key):
            return shown
        return self._venues.to_representation(venue) if venue is not None else None

    @cached_property
    def _venues(self):
        """One serializer for every row's venue: building one per row copied its fields each
        time, a fifth of a page's serialising."""
        return VenueSerializer(context=self.context)


class CancellationSerializer(serializers.Serializer):
    date = serializers.DateField()
    note = serializers.CharField()


class MovedDateSerializer(serializers.Serializer):
    """Local wall-clock values in the event's time zone; null keeps what the series says."""

    date = serializers.DateField(help_text="The date of the series that moves.")
    start_date = serializers.DateField(allow_null=True)
    start_time = serializers.TimeField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    end_time = serializers.TimeField(allow_null=True)
    venue = VenueSerializer(allow_null=True)
    note = serializers.CharField()


class DateSerializer(serializers.Serializer):
    date = serializers.DateField()


class ScheduleSerializer(serializers.Serializer):
    """The schedule as editors give it (local dates and times in `time_zone`, the repeat as
    plain choices), so another site can repeat the event exactly, beyond the stored dates."""

    all_day = serializers.BooleanField()
    start_date = serializers.DateField()
    start_time = serializers.TimeField(allow_null=True)
    end_date = serializers.DateField(allow_null=True, help_text="Null: it ends the same day.")
    end_time = serializers.TimeField(allow_null=True)
    frequency = serializers.CharField(help_text="'', daily, weekly, monthly or yearly")
    interval = serializers.IntegerField()
    weekdays = serializers.ListField(child=serializers.CharField(), help_text="MO … SU")
    monthly_by = serializers.CharField(help_text="date or weekday")
    ends = serializers.CharField(help_text="never, after (count) or on (until)")
    count = serializers.IntegerField(allow_null=True)
    until = serializers.DateField(allow_null=True)
    extra_dates = DateSerializer(many=True, help_text="Dates added to the repeat (RDATE)")
    excluded_dates = DateSerializer(many=True, help_text="Dates left out (EXDATE)")
    cancellations = CancellationSerializer(many=True)
    moved_dates = MovedDateSerializer(many=True)


class EventDetailSerializer(EventSerializer):
    image = EventImageSerializer(allow_null=True)
    body = serializers.SerializerMethodField(
        help_text="The description as HTML ready to render, with absolute links and images."
    )
    available_languages = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="api_series.modified")
    sequence = serializers.IntegerField(source="api_series.sequence")
    occurrences = OccurrenceSerializer(many=True, source="api_occurrences")
    schedule = ScheduleSerializer(source="*")

    def get_body(self, page) -> str:
        root = self.context["request"].build_absolute_uri("/")
        html = str(page.body.render_as_block())
        return ROOT_RELATIVE.sub(lambda match: match.group(1) + root, html)

    def get_available_languages(self, page) -> list[str]:
        return sorted(
            EventPage.objects.live()
            .filter(translation_key=page.translation_key)
            .values_list("locale__language_code", flat=True)
        )
