"""GET /api/events/ (occurrences, filterable, overlap semantics, tombstones with modified_since)
and GET /api/events/{id}/ (one event with every stored occurrence)."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.pagination import KeptCountPagination
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.events.api.payloads import event_payloads, venue_payload
from apps.events.api.serializers import EventDetailSerializer, OccurrenceSerializer
from apps.events.filters import CalendarFilter, base_queryset, only_in_locale
from apps.events.listing import CategoryLabels, pages_by_key
from apps.events.models import EventOccurrence, EventSeries


@extend_schema_view(
    list=extend_schema(
        parameters=LOCALE_PARAMETERS,
        responses={200: OccurrenceSerializer(many=True), **ERROR_RESPONSES},
        description=(
            "Occurrences overlapping the window `start`–`end` (default: today and the next 90 "
            "days), soonest first. With `modified_since` and no window: every change since "
            "then, including `removed` occurrences."
        ),
    ),
    retrieve=extend_schema(
        parameters=[
            *LOCALE_PARAMETERS,
            OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH),
        ],
        responses={200: EventDetailSerializer, **ERROR_RESPONSES},
    ),
)
class EventViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.GenericViewSet):
    """Public events of the calendar, one row per occurrence."""

    filterset_class = CalendarFilter
    pagination_class = KeptCountPagination
    serializer_class = OccurrenceSerializer
    lookup_field = "key"
    lookup_url_kwarg = "id"
    lookup_value_regex = r"[0-9a-fA-F-]{36}"

    def get_queryset(self):
        queryset = base_queryset()
        if getattr(self, "swagger_fake_view", False) or self.fallback:
            return queryset
        return only_in_locale(queryset, self.locale)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if hasattr(self, "locale"):
            context["category_labels"] = CategoryLabels(self.locale)
        return context

    def list(self, request):
        """A page of occurrences with their events and images in a fixed number of queries,
        whatever its length: the page's ids from the window index alone, then those rows."""
        selected = self.filter_queryset(self.get_queryset())
        ids = self.paginate_queryset(selected.values_list("pk", flat=True))
        rows = base_queryset().in_bulk(ids)
        occurrences = [rows[pk] for pk in ids]
        context = self.get_serializer_context()
        payloads = event_payloads(
            [row.series.key for row in occurrences], self.locale, self.fallback, context
        )
        for occurrence in occurrences:
            payload = payloads[occurrence.series.key]
            occurrence.event_payload = payload and payload["event"]
            occurrence.zone = ZoneInfo(payload["zone"]) if payload else None
            occurrence.page_venue = (
                (payload["venue_key"], payload["venue"]) if payload else (None, None)
            )
        serializer = self.get_serializer_class()(occurrences, many=True, context=context)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, id):
        try:
            series = EventSeries.objects.get(key=id, live=True)
        except (EventSeries.DoesNotExist, ValidationError):
            raise Http404 from None
        page = pages_by_key([series.key], self.locale, self.fallback).get(series.key)
        if page is None:
            raise Http404
        prefetch_related_objects(
            [page],
            "image__renditions",
            "provenance",
            "extra_dates",
            "excluded_dates",
            "cancellations",
            "moved_dates__venue__municipality__parent",
        )
        page.api_series = series
        page.api_occurrences = list(
            EventOccurrence.objects.visible()
            .filter(series=series)
            .select_related("series", "venue__municipality__parent")
        )
        context = self.get_serializer_context()
        page_venue = venue_payload(page.venue, context)
        for occurrence in page.api_occurrences:
            occurrence.zone, occurrence.page_venue = page.zone, page_venue
        return Response(EventDetailSerializer(page, context=context).data)
