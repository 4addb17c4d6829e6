"""GET /api/events/ (occurrences, filterable, overlap semantics, tombstones with modified_since)
and GET /api/events/{id}/ (one event with every stored occurrence)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.params import LOCALE_PARAMETERS
from apps.events.api.serializers import (
    EventDetailSerializer,
    OccurrenceSerializer,
    event_payload,
    occurrence_payload,
)
from apps.events.filters import CalendarFilter, base_queryset, only_in_locale
from apps.events.listing import CategoryLabels, pages_by_key
from apps.events.models import EventOccurrence, EventPage, EventSeries


def occurrence_rows(occurrences, locale, fallback, request):
    """Payloads for a page of occurrences in three queries, whatever its length."""
    pages = pages_by_key([row.series.key for row in occurrences], locale, fallback)
    labels = CategoryLabels(locale)
    rows = []
    for occurrence in occurrences:
        page = pages.get(occurrence.series.key)
        event = event_payload(page, occurrence.series.key, labels, request) if page else None
        rows.append(occurrence_payload(occurrence, event, page.zone if page else None))
    return rows


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
class EventViewSet(LocaleContextMixin, viewsets.GenericViewSet):
    """Public events of the calendar, one row per occurrence."""

    filterset_class = CalendarFilter
    serializer_class = OccurrenceSerializer
    lookup_field = "key"
    lookup_url_kwarg = "id"
    lookup_value_regex = r"[0-9a-fA-F-]{36}"

    def get_queryset(self):
        queryset = base_queryset()
        if getattr(self, "swagger_fake_view", False) or self.fallback:
            return queryset
        return only_in_locale(queryset, self.locale)

    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        occurrences = self.paginate_queryset(queryset)
        return self.get_paginated_response(
            occurrence_rows(occurrences, self.locale, self.fallback, request)
        )

    def retrieve(self, request, id):
        try:
            series = EventSeries.objects.get(key=id, live=True)
        except (EventSeries.DoesNotExist, ValidationError):
            raise Http404 from None
        page = pages_by_key([series.key], self.locale, self.fallback).get(series.key)
        if page is None:
            raise Http404
        labels = CategoryLabels(self.locale)
        body = event_payload(page, series.key, labels, request)
        occurrences = (
            EventOccurrence.objects.visible().filter(series=series).select_related("series")
        )
        body.update(
            available_languages=sorted(
                EventPage.objects.live()
                .filter(translation_key=series.key)
                .values_list("locale__language_code", flat=True)
            ),
            modified=series.modified,
            sequence=series.sequence,
            occurrences=[occurrence_payload(row, None, page.zone) for row in occurrences],
        )
        return Response(body)
