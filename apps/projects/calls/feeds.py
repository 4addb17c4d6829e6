"""/calls/deadlines.ics: one VEVENT per deadline (each cut-off date of a call counts on its
own), in the call's time zone with its VTIMEZONE. A UID is the call's translation key plus the
deadline's local date, so it is the same in every language and on every fetch, and a subscribed
calendar updates a deadline in place when its text changes."""

import datetime
from types import SimpleNamespace
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from apps.core.api.errors import error_body
from apps.core.api.params import parse_bool, parse_locale
from apps.projects.calls.query import filtered
from apps.projects.models import FundingCallDeadline

MAX_CALLS = 1000


def uid_for(call, moment):
    host = urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "bygd"
    local_day = moment.astimezone(call.zone).date()
    return f"call-{call.translation_key}-{local_day:%Y%m%d}@{host}"


def deadline_events(call, url):
    events = []
    for moment in call.deadline_instants():
        event = icalendar.Event()
        event.add("uid", uid_for(call, moment))
        stamp = (call.last_published_at or moment).astimezone(datetime.UTC)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("dtstart", moment.astimezone(call.zone))
        event.add("summary", _("Deadline: %(call)s") % {"call": call.title})
        event.add("description", "\n\n".join(filter(None, [call.summary, url])))
        event.add("categories", [call.funder.name])
        event.add("transp", "TRANSPARENT")
        if url:
            event.add("url", url)
        events.append(event)
    return events


def _bad_request(fields):
    message = _("Invalid parameter: {}.").format(", ".join(fields))
    return JsonResponse(error_body("invalid", message, fields), status=400)


def deadlines_feed(request):
    params = SimpleNamespace(query_params=request.GET, LANGUAGE_CODE=None)
    try:
        locale = parse_locale(params)
        fallback = parse_bool(params, "fallback", True)
    except ValidationError as error:
        return _bad_request(error.detail)
    filterset = filtered(request.GET, locale, fallback)
    if not filterset.is_valid():
        return _bad_request({key: list(value) for key, value in filterset.errors.items()})
    calls = (
        filterset.qs.select_related("funder", "locale")
        .prefetch_related(Prefetch("deadlines", queryset=FundingCallDeadline.objects.all()))
        .order_by("pk")[:MAX_CALLS]
    )
    with translation.override(locale.language_code):
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//Bygd//Funding call deadlines//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("Funding call deadlines"))
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        for call in calls:
            url = call.get_url(request)
            for event in deadline_events(call, request.build_absolute_uri(url) if url else ""):
                calendar.add_component(event)
        calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response
