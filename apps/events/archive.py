"""Past events: the calendar's filters over occurrences that have ended, newest first, a page at
a time. The date window does not apply (the archive is everything before now), so the form
hides it and subscription links never carry it."""

import django_filters
from django.core.paginator import Paginator
from django.utils import timezone

from apps.core.base_template import render
from apps.events.filters import CalendarFilter, base_queryset, filter_ages
from apps.events.listing import CategoryLabels
from apps.events.models import EventOccurrence
from apps.events.navigation import DROPPED
from apps.events.views import PER_PAGE, _attach_pages, _context, group_by_day


class ArchiveFilter(CalendarFilter):
    """CalendarFilter's filters without its window: what has ended, newest first."""

    def filter_queryset(self, queryset):
        queryset = django_filters.FilterSet.filter_queryset(self, queryset.visible())
        queryset = filter_ages(queryset, self.form.cleaned_data)
        return queryset.filter(end__lte=timezone.now()).order_by("-start", "-series_id", "-key")


def calendar_archive(request, index_page):
    data = request.GET.copy()
    for name in (*DROPPED, "modified_since"):
        data.pop(name, None)
    filterset = ArchiveFilter(data, queryset=base_queryset())
    errors = {} if filterset.is_valid() else filterset.errors
    occurrences = EventOccurrence.objects.none() if errors else filterset.qs
    page_of = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    days = group_by_day(_attach_pages(list(page_of.object_list), index_page))
    return render(
        request,
        "events/event_archive.html",
        _context(
            request,
            index_page,
            request.GET,
            errors,
            current="archive",
            days=days,
            occurrences=page_of,
            labels=CategoryLabels(index_page.locale),
        ),
        status=400 if errors else 200,
    )
