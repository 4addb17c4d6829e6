"""/calendar/all.ics: every live event series, with no date window and no parts, for archives
and aggregators that want the whole calendar at once. /calendar.ics stays bounded (a window
and at most `BYGD_EVENT_FEED_MAX_SERIES` series an answer) because calendar apps poll it; this
export grows with the calendar, so it is streamed a few hundred series at a time from the
cached per-series texts and never held whole in memory or in the response cache."""

from django.db.models import Exists, OuterRef
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from apps.events import feed_text
from apps.events.feed_names import feed_name
from apps.events.feeds import FeedFilter, InvalidParameters, bad_request, filtered
from apps.events.filters import CalendarFilterForm
from apps.events.models import EventPage, EventSeries

CHUNK = 500
WINDOW = ("start", "end", "modified_since", "page")


class ExportFilterForm(CalendarFilterForm):
    """The calendar's filters without its window: every date of a matching series counts."""

    def clean(self):
        data = super().clean()
        self.window = (None, None)
        return data


class ExportFilter(FeedFilter):
    class Meta(FeedFilter.Meta):
        form = ExportFilterForm


def calendar_export(request):
    windowed = sorted(name for name in WINDOW if name in request.GET)
    if windowed:
        message = _("The full export has every date; use /calendar.ics for a window or a part.")
        return bad_request({name: [message] for name in windowed})
    try:
        filterset, locale, fallback = filtered(request, ExportFilter)
    except InvalidParameters as error:
        return bad_request(error.fields)
    series = EventSeries.objects.filter(
        Exists(filterset.qs.filter(series=OuterRef("pk"))), live=True
    ).order_by("pk")
    zones = EventPage.objects.live().order_by().values_list("time_zone", flat=True).distinct()
    opening, closing = feed_text.envelope(
        feed_name(filterset.form.cleaned_data, locale), set(zones)
    )
    response = StreamingHttpResponse(
        _stream(opening, closing, series, locale, fallback, request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="calendar-all.ics"'
    return response


def _stream(opening, closing, series, locale, fallback, request):
    """The envelope around the series' texts, one query (and one cache lookup) per chunk."""
    yield opening
    last = 0
    while chunk := list(series.filter(pk__gt=last)[:CHUNK]):
        texts = feed_text.series_texts(chunk, locale, fallback, request)
        yield b"".join(text for _tzids, text in texts)
        last = chunk[-1].pk
    yield closing
