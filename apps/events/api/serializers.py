"""The JSON shape of events and occurrences. Payloads are built from already-fetched objects
(see apps.events.listing) so serialising a page of results issues no further queries; the
serializer classes document that shape in the OpenAPI schema."""

import datetime

from django.utils import timezone
from rest_framework import serializers

from apps.events.models import OccurrenceStatus
from apps.network.api import PlaceRefSerializer


class CategoryRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class OrganiserSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ProjectRefSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    title = serializers.CharField()


class VenueSerializer(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    postcode = serializers.CharField()
    town = serializers.CharField()
    municipality = PlaceRefSerializer()
    region = PlaceRefSerializer(allow_null=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class PriceSerializer(serializers.Serializer):
    free = serializers.BooleanField()
    amount = serializers.DecimalField(max_digits=9, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    text = serializers.CharField()


class EventSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="Stable id of the event in every language (the iCal UID).")
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    ics_url = serializers.URLField()
    locale = serializers.CharField()
    is_fallback = serializers.BooleanField()
    status = serializers.CharField()
    organiser = OrganiserSerializer()
    project = ProjectRefSerializer(allow_null=True)
    venue = VenueSerializer(allow_null=True)
    attendance_mode = serializers.CharField()
    online = serializers.BooleanField()
    online_url = serializers.CharField()
    categories = CategoryRefSerializer(many=True)
    audience = serializers.CharField()
    age_min = serializers.IntegerField(allow_null=True)
    age_max = serializers.IntegerField(allow_null=True)
    price = PriceSerializer()
    registration_url = serializers.CharField()
    registration_deadline = serializers.DateField(allow_null=True)
    event_language = serializers.CharField()
    time_zone = serializers.CharField()
    recurring = serializers.BooleanField()


class OccurrenceSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="The event's id; use it with /api/events/{id}/.")
    occurrence = serializers.CharField(help_text="Stable per occurrence (iCal RECURRENCE-ID).")
    start = serializers.CharField(help_text="ISO date for all-day events, else ISO date-time.")
    end = serializers.CharField(
        help_text="Exclusive: the day after the last day for all-day events."
    )
    all_day = serializers.BooleanField()
    status = serializers.ChoiceField(choices=OccurrenceStatus.choices)
    note = serializers.CharField()
    modified = serializers.DateTimeField()
    event = EventSerializer(allow_null=True, help_text="Null for removed occurrences.")


class EventDetailSerializer(EventSerializer):
    available_languages = serializers.ListField(child=serializers.CharField())
    modified = serializers.DateTimeField()
    sequence = serializers.IntegerField()
    occurrences = OccurrenceSerializer(many=True)


def place_ref(place, language):
    if place is None:
        return None
    return {"identifier": place.identifier, "name": place.label(language)}


def venue_payload(venue, language):
    if venue is None:
        return None
    municipality = venue.municipality
    return {
        "name": venue.name,
        "address": venue.address,
        "postcode": venue.postcode,
        "town": venue.town,
        "municipality": place_ref(municipality, language),
        "region": place_ref(municipality.parent, language),
        "latitude": float(venue.latitude) if venue.latitude is not None else None,
        "longitude": float(venue.longitude) if venue.longitude is not None else None,
    }


def event_payload(page, key, labels, request):
    language = labels.locale.language_code
    url = page.get_url(request)
    return {
        "id": str(key),
        "title": page.title,
        "summary": page.summary,
        "url": request.build_absolute_uri(url) if url else None,
        "ics_url": request.build_absolute_uri(page.ics_url()),
        "locale": page.locale.language_code,
        "is_fallback": bool(getattr(page, "is_fallback", False)),
        "status": page.status,
        "organiser": {"slug": page.organiser.slug, "name": page.organiser.name},
        "project": (
            {"identifier": page.related_project.identifier, "title": page.related_project.title}
            if page.related_project
            else None
        ),
        "venue": venue_payload(page.venue, language),
        "attendance_mode": page.attendance_mode,
        "online": page.is_online,
        "online_url": page.online_url,
        "categories": labels.for_page(page),
        "audience": page.audience,
        "age_min": page.age_min,
        "age_max": page.age_max,
        "price": {
            "free": page.is_free,
            "amount": None if page.price_amount is None else str(page.price_amount),
            "currency": page.price_currency,
            "text": page.price_text,
        },
        "registration_url": page.registration_url,
        "registration_deadline": page.registration_deadline,
        "event_language": page.event_language,
        "time_zone": page.time_zone,
        "recurring": page.is_recurring,
    }


def occurrence_payload(occurrence, event=None, zone=None):
    """Times carry the event's own UTC offset (site zone for removed ones) so a client that
    ignores time zones still shows the local clock time."""
    zone = zone or timezone.get_default_timezone()
    if occurrence.all_day:
        start = occurrence.start_date.isoformat()
        end = (occurrence.end_date + datetime.timedelta(days=1)).isoformat()
    else:
        start = occurrence.start.astimezone(zone).isoformat()
        end = occurrence.end.astimezone(zone).isoformat()
    return {
        "id": str(occurrence.series.key),
        "occurrence": occurrence.key,
        "start": start,
        "end": end,
        "all_day": occurrence.all_day,
        "status": occurrence.status,
        "note": occurrence.note,
        "modified": occurrence.modified,
        "event": event,
    }
