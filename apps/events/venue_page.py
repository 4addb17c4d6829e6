"""A venue's public page under the calendar (/sv/kalender/plats/<slug>/): where it is, how to get
in, what is coming up there and its own feed. Venues are snippets; the slug every translation
shares finds the row in the page's language, or the original where there is no translation."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from apps.core.base_template import render
from apps.events.filters import base_queryset
from apps.events.listing import CategoryLabels
from apps.events.models import Venue
from apps.events.subscribe import calendar_links, feed_query
from apps.events.views import PER_PAGE, _attach_pages, group_by_day


def _venue(slug, locale):
    preferred = Case(
        When(locale=locale, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    venue = (
        Venue.objects.filter(slug=slug)
        .select_related("municipality__parent")
        .order_by(preferred, "pk")
        .first()
    )
    if venue is None:
        raise Http404
    return venue


def venue_page(request, index_page, slug):
    venue = _venue(slug, index_page.locale)
    language = index_page.locale.language_code
    occurrences = (
        base_queryset()
        .visible()
        .filter(event__venue__translation_key=venue.translation_key, end__gte=timezone.now())
    )
    page_of = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    days = group_by_day(_attach_pages(list(page_of.object_list), index_page))
    feed = {"venue": venue.slug}
    return render(
        request,
        "events/venue_page.html",
        {
            "page": index_page,
            "self": index_page,
            "venue": venue,
            "days": days,
            "occurrences": page_of,
            "labels": CategoryLabels(index_page.locale),
            "ics_url": reverse("calendar-ics") + "?" + feed_query(feed, language),
            "subscribe_links": calendar_links(request, feed, language, str(venue)),
            "calendar_url": index_page.url + "?" + urlencode(feed),
        },
    )
