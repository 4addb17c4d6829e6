"""schema.org Event markup so search engines and aggregators can list the event with its real
status and dates: one Event per upcoming occurrence (capped), each carrying the shared facts.
It follows Google's Event rich results: the required name, startDate and location, and the
recommended description, endDate, eventStatus, eventAttendanceMode, image, offers and
organizer. A moved date is EventRescheduled with its previousStartDate and, if it moved venue,
that place."""

import json

from django.utils import timezone
from django.utils.html import strip_tags

from apps.events.models import AttendanceMode, OccurrenceStatus

EVENT_STATUS = {
    OccurrenceStatus.SCHEDULED: "EventScheduled",
    OccurrenceStatus.CANCELLED: "EventCancelled",
    OccurrenceStatus.POSTPONED: "EventPostponed",
    OccurrenceStatus.RESCHEDULED: "EventRescheduled",
    OccurrenceStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE = {
    AttendanceMode.OFFLINE: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}
MAX_OCCURRENCES = 20
# 16:9, 4:3 and 1:1, at least 1200 pixels wide, as Google asks for event images.
IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
SCHEMA = "https://schema.org/"
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _location(page, venue, language):
    places = []
    if venue is not None:
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.address,
                "postalCode": venue.postcode,
                "addressLocality": venue.town or venue.municipality.label(language),
                "addressRegion": venue.municipality.parent.label(language)
                if venue.municipality.parent_id
                else "",
                "addressCountry": venue.municipality.country,
            },
        }
        if venue.has_position:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        places.append(place)
    if page.is_online and page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places[0] if len(places) == 1 else places


def image_urls(image, absolute):
    """Absolute URLs of the image in the shapes search engines crop to; none if its file is
    lost (the event must still be marked up)."""
    if image is None:
        return []
    try:
        return [absolute(image.get_rendition(spec).url) for spec in IMAGE_SPECS]
    except OSError:  # SourceImageIOError too
        return []


def _availability(page, occurrence, today):
    """What the model knows: a cancelled date has nothing on offer, a passed registration
    deadline closes registration; otherwise places are available. Bygd does not count seats,
    so it never claims SoldOut."""
    if occurrence.status == OccurrenceStatus.CANCELLED:
        return SCHEMA + "Discontinued"
    if page.registration_deadline is not None and page.registration_deadline < today:
        return SCHEMA + "OutOfStock"
    return SCHEMA + "InStock"


def _offers(page, url, occurrence, today):
    offer = {
        "@type": "Offer",
        "priceCurrency": page.price_currency,
        "url": page.registration_url or url,
        "availability": _availability(page, occurrence, today),
    }
    if page.is_free:
        offer["price"] = "0"
    elif page.price_amount is not None:
        offer["price"] = str(page.price_amount)
    if page.price_text and not page.is_free:
        offer["description"] = page.price_text
    if page.registration_deadline is not None:
        offer["validThrough"] = page.registration_deadline.isoformat()
    return offer


def event_json_ld(page, occurrences, url, venue, organiser, language, images=()):
    """``images`` are absolute URLs (``image_urls``)."""
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": strip_tags(page.summary),
        "url": url,
        "inLanguage": page.event_language,
        "eventAttendanceMode": SCHEMA + ATTENDANCE[page.attendance_mode],
        "location": _location(page, venue, language),
        "organizer": {
            "@type": "Organization",
            "name": organiser.name,
            **({"url": organiser.website} if organiser.website else {}),
        },
    }
    if images:
        common["image"] = list(images)
    today = timezone.localdate()
    items = []
    for occurrence in occurrences[:MAX_OCCURRENCES]:
        item = dict(common, offers=_offers(page, url, occurrence, today))
        if occurrence.status == OccurrenceStatus.MOVED_ONLINE and page.online_url:
            item["eventAttendanceMode"] = SCHEMA + ATTENDANCE[AttendanceMode.ONLINE]
            item["location"] = {"@type": "VirtualLocation", "url": page.online_url}
        if occurrence.all_day:
            item["startDate"] = occurrence.start_date.isoformat()
            item["endDate"] = occurrence.end_date.isoformat()
        else:
            item["startDate"] = occurrence.local_start.isoformat()
            item["endDate"] = occurrence.local_end.isoformat()
        status = EVENT_STATUS.get(occurrence.status, "EventScheduled")
        if occurrence.moved and occurrence.status == OccurrenceStatus.SCHEDULED:
            status = "EventRescheduled"
            original = occurrence.original_start.astimezone(occurrence.local_start.tzinfo)
            item["previousStartDate"] = (
                original.date().isoformat() if occurrence.all_day else original.isoformat()
            )
            if occurrence.venue_id and occurrence.venue_id != page.venue_id:
                item["location"] = _location(page, occurrence.venue, language)
        item["eventStatus"] = SCHEMA + status
        items.append(item)
    data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
