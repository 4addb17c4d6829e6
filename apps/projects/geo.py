"""GET /api/projects.geojson: the project database on a map. The same filters as the JSON
listing (the same view, so a bad filter is the same 400), one feature per project with a point
per located place (a MultiPoint for several), in pages of GeoJSON."""

from django.db.models import Prefetch
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
from apps.network.models import Place
from apps.projects.api import ProjectViewSet
from apps.projects.models import ProjectPlace

PROPERTIES = {
    "identifier": {"type": "string"},
    "title": {"type": "string"},
    "status": {"type": "string"},
    "url": {"type": "string", "format": "uri"},
    "places": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Labels of the project's places in the requested locale",
    },
}


def project_feature(page, request, language):
    places = [row.place for row in page.places.all()]
    located = [
        (p.point_latitude, p.point_longitude) for p in places if p.point_latitude is not None
    ]
    return {
        "type": "Feature",
        "id": page.identifier,
        "geometry": point_geometry(located),
        "properties": {
            "identifier": page.identifier,
            "title": page.title,
            "status": page.current_status,
            "url": request.build_absolute_uri(page.url),
            "places": [place.label(language) for place in places],
        },
    }


class ProjectMapViewSet(ProjectViewSet):
    pagination_class = GeoJSONPagination
    renderer_classes = GEOJSON_RENDERERS

    @extend_schema(
        description=(
            "The projects of `/api/projects/` with the same filters, as a GeoJSON "
            "FeatureCollection: each project a Point at its place (a MultiPoint for several "
            "places; a Leader area without a position of its own sits at the mean of its "
            "municipalities; `null` geometry for a project without a located place). Paged: "
            "`count` is the whole result, follow `next` for the rest."
        ),
        parameters=[*LOCALE_PARAMETERS, *PAGE_PARAMETERS],
        filters=True,
        responses={
            (200, "application/geo+json"): feature_collection_schema(PROPERTIES),
            **ERROR_RESPONSES,
        },
    )
    def geojson(self, request):
        located_places = ProjectPlace.objects.order_by("sort_order", "pk").prefetch_related(
            Prefetch("place", queryset=Place.objects.with_point())
        )
        queryset = self._filtered().prefetch_related(Prefetch("places", queryset=located_places))
        pages = self.paginate_queryset(queryset)
        language = self.locale.language_code
        return self.get_paginated_response(
            [project_feature(page, request, language) for page in pages]
        )
