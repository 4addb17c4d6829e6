"""GET /api/events.geojson: the calendar on a map. The same filters and window as
/api/events/ (the same view, so a bad filter is the same 400), one feature per occurrence at its
venue's position, or at its venue's municipality when the venue has none, in pages of GeoJSON."""

from drf_spectacular.utils import extend_schema

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.geojson import (
    GEOJSON_RENDERERS,
    PAGE_PARAMETERS,
    GeoJSONPagination,
    feature_collection_schema,
    point_geometry,
)
from apps.core.api.params import LOCALE_PARAMETERS
from apps.events.api.pages import PageURLs, list_pages_by_key
from apps.events.api.serializers import OccurrenceSerializer
from apps.events.api.views import EventViewSet

PROPERTIES = {
    "id": {"type": "string", "format": "uuid", "description": "The event's id"},
    "occurrence": {"type": "string"},
    "title": {"type": "string"},
    "url": {"type": "string", "format": "uri", "nullable": True},
    "start": {"type": "string"},
    "end": {"type": "string"},
    "all_day": {"type": "boolean"},
    "status": {"type": "string"},
    "venue": {"type": "string", "nullable": True},
}


def venue_point(venue):
    if venue is None:
        return []
    if venue.latitude is not None and venue.longitude is not None:
        return [(venue.latitude, venue.longitude)]
    municipality = venue.municipality
    if municipality.latitude is not None and municipality.longitude is not None:
        return [(municipality.latitude, municipality.longitude)]
    return []


class EventMapViewSet(EventViewSet):
    pagination_class = GeoJSONPagination
    renderer_classes = GEOJSON_RENDERERS

    @extend_schema(
        description=(
            "The occurrences of `/api/events/` with the same filters and window, as a GeoJSON "
            "FeatureCollection: each a Point at its venue (at the venue's municipality when the "
            "venue has no position; `null` geometry for online events). Paged: `count` is the "
            "whole result, follow `next` for the rest."
        ),
        parameters=[*LOCALE_PARAMETERS, *PAGE_PARAMETERS],
        filters=True,
        responses={
            (200, "application/geo+json"): feature_collection_schema(PROPERTIES),
            **ERROR_RESPONSES,
        },
    )
    def geojson(self, request):
        occurrences = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        pages = list_pages_by_key(
            [row.series.key for row in occurrences], self.locale, self.fallback
        )
        urls = PageURLs(request)
        times = OccurrenceSerializer(context=self.get_serializer_context())
        features = []
        for occurrence in occurrences:
            page = pages.get(occurrence.series.key)
            occurrence.zone = page.zone if page else None
            venue = occurrence.venue or (page.venue if page else None)
            features.append(
                {
                    "type": "Feature",
                    "id": f"{occurrence.series.key}/{occurrence.key}",
                    "geometry": point_geometry(venue_point(venue)),
                    "properties": {
                        "id": str(occurrence.series.key),
                        "occurrence": occurrence.key,
                        "title": page.title if page else "",
                        "url": urls(page) if page else None,
                        "start": times.get_start(occurrence),
                        "end": times.get_end(occurrence),
                        "all_day": occurrence.all_day,
                        "status": occurrence.status,
                        "venue": venue.name if venue else None,
                    },
                }
            )
        return self.get_paginated_response(features)
