"""iCalendar feeds: /calendar.ics (the API's filters) and one .ics per event. Both render series
from the schedule (RRULE etc.), so subscribing keeps working past the stored horizon; the filters
choose which series appear by their stored occurrences."""

from types import SimpleNamespace

from dateutil.relativedelta import relativedelta
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

MAX_SERIES = 2000


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
    series_ids = filterset.qs.visible().order_by().values_list("series_id", flat=True).distinct()
    series_list = list(
        EventSeries.objects.filter(pk__in=series_ids, live=True).order_by("pk")[:MAX_SERIES]
    )
    calendar = ics.new_calendar(feed_name(filterset.form.cleaned_data, locale))
    _add_series(calendar, series_list, locale, fallback, request)
    return _response(request, calendar, "calendar.ics")


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
