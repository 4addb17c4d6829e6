"""iCalendar feeds: /calendar.ics (the API's filters) and one .ics per event. Both render series
from the schedule (RRULE etc.), so subscribing keeps working past the stored horizon; the filters
choose which series appear by their stored occurrences. A calendar feed with more series than
`BYGD_EVENT_FEED_MAX_SERIES` is split into pages in date order, each saying that more follow."""

from types import SimpleNamespace

from dateutil.relativedelta import relativedelta
from django.db.models import Min
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from apps.core.api.errors import error_body
from apps.core.api.params import parse_bool, parse_locale
from apps.events import conf, ics
from apps.events.feed_names import feed_name
from apps.events.filters import CalendarFilter, CalendarFilterForm, base_queryset, only_in_locale
from apps.events.listing import CategoryLabels, pages_by_key
from apps.events.models import EventPage, EventSeries


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


def _bad_request(fields):
    message = _("Invalid parameter: {}.").format(", ".join(fields))
    return JsonResponse(error_body("invalid", message, fields), status=400)


def _response(request, calendar, filename):
    response = HttpResponse(ics.render(calendar), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _add_series(calendar, series_list, locale, fallback, request):
    """Schedules come from each group's original page (as the stored occurrences do), text
    from the requested language; a fixed number of queries for any number of series."""
    keys = [series.key for series in series_list]
    text_pages = pages_by_key(keys, locale, fallback)
    schedule_pages = {}
    for page in (
        EventPage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("venue")
        .prefetch_related("extra_dates", "excluded_dates", "cancellations", "moved_dates__venue")
        .order_by("-pk")
    ):
        schedule_pages[page.translation_key] = page
    labels = CategoryLabels(locale)
    for series in series_list:
        text_page = text_pages.get(series.key)
        schedule_page = schedule_pages.get(series.key)
        if text_page is None or schedule_page is None:
            continue
        url = text_page.get_url(request)
        names = [category["name"] for category in labels.for_page(text_page)]
        for event in ics.series_events(
            schedule_page,
            text_page,
            series,
            request.build_absolute_uri(url) if url else "",
            names,
        ):
            calendar.add_component(event)


def calendar_feed(request):
    try:
        locale, fallback = _params(request)
    except ValidationError as error:
        return _bad_request(error.detail)
    queryset = base_queryset()
    if not fallback:
        queryset = only_in_locale(queryset, locale)
    filterset = FeedFilter(request.GET, queryset=queryset)
    if not filterset.is_valid():
        return _bad_request({key: list(value) for key, value in filterset.errors.items()})
    number = _page_number(request)
    if number is None:
        return _bad_request({"page": [_("Give a whole number of at least 1.")]})
    size = conf.feed_max_series()
    chosen = _series_in_date_order(filterset.qs)[(number - 1) * size : number * size + 1]
    ids = [row["series_id"] for row in chosen]
    found = EventSeries.objects.in_bulk(ids[:size])
    series_list = [found[pk] for pk in ids[:size]]
    name = feed_name(filterset.form.cleaned_data, locale)
    calendar = ics.new_calendar(name)
    more = len(ids) > size
    if more:
        calendar.add("x-wr-caldesc", _split_note(number))
    _add_series(calendar, series_list, locale, fallback, request)
    response = _response(request, calendar, "calendar.ics")
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


def _series_in_date_order(occurrences):
    """Ids of the live series with dates in the window, first date first (then by id), so a
    split feed's pages follow the calendar and none is lost or repeated between them."""
    return (
        occurrences.visible()
        .filter(series__live=True)
        .order_by()
        .values("series_id")
        .annotate(first=Min("start"))
        .order_by("first", "series_id")
    )


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
        return _bad_request(error.detail)
    series = EventSeries.objects.filter(key=key, live=True).first()
    if series is None:
        raise Http404
    calendar = ics.new_calendar(_("Event calendar"))
    _add_series(calendar, [series], locale, True, request)
    if not calendar.walk("VEVENT"):
        raise Http404
    return _response(request, calendar, f"{key}.ics")
