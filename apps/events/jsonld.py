"""schema.org Event markup so search engines and aggregators can list the event with its real
status and dates: one Event per upcoming occurrence (capped), each carrying the shared facts. A
moved date is EventRescheduled with its previousStartDate and, if it moved venue, that place."""

import json

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


def _offers(page, url):
    if page.is_free:
        return {"@type": "Offer", "price": "0", "priceCurrency": page.price_currency, "url": url}
    offer = {
        "@type": "Offer",
        "priceCurrency": page.price_currency,
        "url": page.registration_url or url,
    }
    if page.price_amount is not None:
        offer["price"] = str(page.price_amount)
    if page.price_text:
        offer["description"] = page.price_text
    return offer


def event_json_ld(page, occurrences, url, venue, organiser, language, image_url=None):
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": strip_tags(page.summary),
        "url": url,
        "inLanguage": page.event_language,
        "eventAttendanceMode": "https://schema.org/" + ATTENDANCE[page.attendance_mode],
        "location": _location(page, venue, language),
        "organizer": {
            "@type": "Organization",
            "name": organiser.name,
            **({"url": organiser.website} if organiser.website else {}),
        },
        "offers": _offers(page, url),
    }
    if image_url:
        common["image"] = [image_url]
    items = []
    for occurrence in occurrences[:MAX_OCCURRENCES]:
        item = dict(common)
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
        item["eventStatus"] = "https://schema.org/" + status
        items.append(item)
    data = items[0] if len(items) == 1 else items
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
