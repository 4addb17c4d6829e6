"""Links that put Bygd's calendars into people's own calendar apps: webcal:// (Apple, Thunderbird
and most desktop apps), Google Calendar and Outlook on the web, plus the plain .ics file.

A subscription keeps the visitor's filters (category, place, organiser, audience…) but never the
date window or the page number: a window frozen into a subscription URL would run dry once its
dates have passed. One event is added as a subscription to its own feed when it has several
dates (so later changes arrive), and as a single entry in Google's or Outlook's "new event" form
when it happens once."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.events.filters import CalendarFilter

WINDOW_PARAMS = {"start", "end", "modified_since"}
SUBSCRIPTION_PARAMS = [name for name in CalendarFilter.base_filters if name not in WINDOW_PARAMS]
GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/deeplink/compose"


def feed_query(params, language):
    """The filters of ``params`` worth keeping in a subscription, in a stable order."""
    kept = [(name, params.get(name)) for name in SUBSCRIPTION_PARAMS if params.get(name)]
    return urlencode([*kept, ("locale", language)])


def _webcal(url):
    return "webcal://" + url.split("://", 1)[1]


def subscription_links(request, path, query, name):
    """Links to subscribe to the feed at ``path`` (with ``query``), for the page's link list."""
    url = request.build_absolute_uri(path) + (f"?{query}" if query else "")
    return [
        {"text": _("Subscribe in your calendar app (webcal)"), "url": _webcal(url)},
        {
            "text": _("Subscribe in Google Calendar"),
            "url": f"{GOOGLE}?{urlencode({'cid': _webcal(url)})}",
        },
        {
            "text": _("Subscribe in Outlook"),
            "url": f"{OUTLOOK_SUBSCRIBE}?{urlencode({'url': url, 'name': name})}",
        },
        {"text": _("iCalendar feed (.ics)"), "url": url},
    ]


def calendar_links(request, params, language, name):
    """``params``: the page's query (a QueryDict) or the fixed filters of an organiser's feed."""
    query = feed_query(params, language)
    return subscription_links(request, reverse("calendar-ics"), query, name)


def _bounds(occurrence, date_format, time_format):
    """Start and end as the calendar services want them; all-day ends are exclusive there."""
    if occurrence.all_day:
        end = occurrence.end_date + datetime.timedelta(days=1)
        return f"{occurrence.start_date:{date_format}}", f"{end:{date_format}}"
    start, end = (moment.astimezone(datetime.UTC) for moment in (occurrence.start, occurrence.end))
    return f"{start:{time_format}}", f"{end:{time_format}}"


def event_links(request, page, upcoming, place):
    """Links to add one event: its own feed when it repeats, else a single entry at that
    date's own time and place (``place(occurrence)``), which a moved date may have changed."""
    path = reverse("event-ics", kwargs={"key": page.translation_key})
    query = urlencode({"locale": page.locale.language_code})
    dates = [row for row in upcoming if row.status != "cancelled"]
    if len(dates) != 1:
        return subscription_links(request, path, query, page.title)
    occurrence = dates[0]
    location = place(occurrence)
    details = request.build_absolute_uri(page.get_url(request) or "/")
    google = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": "/".join(_bounds(occurrence, "%Y%m%d", "%Y%m%dT%H%M%SZ")),
        "details": details,
        "location": location,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "body": details,
        "location": location,
    }
    outlook["startdt"], outlook["enddt"] = _bounds(occurrence, "%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ")
    outlook["allday"] = "true" if occurrence.all_day else "false"
    url = request.build_absolute_uri(path) + f"?{query}"
    return [
        {"text": _("Add to Google Calendar"), "url": f"{GOOGLE}?{urlencode(google)}"},
        {"text": _("Add to Outlook"), "url": f"{OUTLOOK_COMPOSE}?{urlencode(outlook)}"},
        {"text": _("Add to your calendar app (webcal)"), "url": _webcal(url)},
        {"text": _("Download for your calendar (.ics)"), "url": url},
    ]
