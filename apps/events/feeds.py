"""iCalendar feeds: /calendar.ics (the API's filters) and one .ics per event. Both render series
from the schedule (RRULE etc.), so subscribing keeps working past the stored horizon; the filters
choose which series appear by their stored occurrences. A calendar feed with more series than
`BYGD_EVENT_FEED_MAX_SERIES` is split into pages in date order, each saying that more follow."""

from types import SimpleNamespace

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from apps.core.api.errors import error_body
from apps.core.api.params import parse_bool, parse_locale
from apps.events import conf, feed_text
from apps.events.feed_names import feed_name
from apps.events.filters import CalendarFilter, CalendarFilterForm, base_queryset, only_in_locale
from apps.events.models import EventSeries

SCAN_CHUNK = 2000


class FeedFilterForm(CalendarFilterForm):
    """A subscription without dates should hold everything coming up in the next months, not
    just the next weeks a page of the calendar shows."""

    def default_end(self, start_at):
        return start_at + relativedelta(months=conf.feed_months())


class FeedFilter(CalendarFilter):
    class Meta(CalendarFilter.Meta):
        form = FeedFilterForm


def _params(request):
    params = SimpleNamespace(query_params=request.GET, LANGUAGE_CODE=None)
    return parse_locale(params), parse_bool(params, "fallback", True)


def bad_request(fields):
    message = _("Invalid parameter: {}.").format(", ".join(fields))
    return JsonResponse(error_body("invalid", message, fields), status=400)


class InvalidParameters(Exception):
    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields


def filtered(request, filter_class):
    """(filterset, locale, fallback) of a calendar feed's query; InvalidParameters names the
    parameters that are wrong. The bounded feed and the full export read their filters alike."""
    try:
        locale, fallback = _params(request)
    except ValidationError as error:
        raise InvalidParameters(error.detail) from error
    queryset = base_queryset()
    if not fallback:
        queryset = only_in_locale(queryset, locale)
    filterset = filter_class(request.GET, queryset=queryset)
    if not filterset.is_valid():
        raise InvalidParameters({key: list(value) for key, value in filterset.errors.items()})
    return filterset, locale, fallback


def _response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(request):
    try:
        filterset, locale, fallback = filtered(request, FeedFilter)
    except InvalidParameters as error:
        return bad_request(error.fields)
    number = _page_number(request)
    if number is None:
        return bad_request({"page": [_("Give a whole number of at least 1.")]})
    size = conf.feed_max_series()
    ids, more = _series_page(filterset.qs, number, size)
    found = EventSeries.objects.in_bulk(ids)
    texts = feed_text.series_texts([found[pk] for pk in ids], locale, fallback, request)
    name = feed_name(filterset.form.cleaned_data, locale)
    response = _response(
        feed_text.calendar_bytes(name, texts, _split_note(number) if more else ""),
        "calendar.ics",
    )
    if more:
        query = request.GET.copy()
        query["page"] = number + 1
        response["Link"] = f'<{request.build_absolute_uri("?" + query.urlencode())}>; rel="next"'
    return response


def _page_number(request):
    """The feed page asked for (1 without ``page``), or None when it is not a page number."""
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        return None
    return number if number >= 1 else None


def _series_page(occurrences, number, size):
    """Ids of the live series on page ``number`` of a feed, first date in the window first
    (then by id), so a split feed's pages follow the calendar and none is lost or repeated
    between them; and whether more follow. The dates are read in that order only until the page
    is full, instead of grouping every date of the window to find each series' first."""
    rows = (
        occurrences.visible()
        .filter(series__live=True)
        .order_by("start", "series_id")
        .values_list("series_id", flat=True)
    )
    wanted = number * size + 1
    seen = {}
    # In a transaction PostgreSQL's cursor reads as it goes; outside one it is declared WITH
    # HOLD and computes every row of the window before the first arrives.
    with transaction.atomic():
        for series_id in rows.iterator(chunk_size=SCAN_CHUNK):
            seen.setdefault(series_id, None)
            if len(seen) == wanted:
                break
    ids = list(seen)[(number - 1) * size :]
    return ids[:size], len(ids) > size


def _split_note(number):
    return _(
        "This feed has more events than one answer holds: this is part {number}, and the "
        'next part is at the address of the "next" link. Narrower feeds (one organiser, '
        "municipality or month) are smaller."
    ).format(number=number)


def event_feed(request, key):
    try:
        locale, fallback = _params(request)
    except ValidationError as error:
        return bad_request(error.detail)
    series = EventSeries.objects.filter(key=key, live=True).first()
    if series is None:
        raise Http404
    texts = feed_text.series_texts([series], locale, True, request)
    if not texts[0][1]:
        raise Http404
    return _response(feed_text.calendar_bytes(_("Event calendar"), texts), f"{key}.ics")
