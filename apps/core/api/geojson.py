"""GeoJSON answers for maps: a FeatureCollection paged like every other listing. A map wants
all of a filtered result at once, so pages are larger than a list's, but still bounded: `count`,
`next` and `previous` ride along as foreign members, and a client that wants everything follows
`next` (GeoJSON readers ignore members they do not know)."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from apps.core.api.pagination import BygdPagination

GEOJSON_PAGE_SIZE = 500
GEOJSON_MAX_PAGE_SIZE = 1000

PAGE_PARAMETERS = [
    OpenApiParameter("page", {"type": "integer", "minimum": 1}, description="Page number (from 1)"),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": GEOJSON_MAX_PAGE_SIZE},
        description=f"Features per page (default {GEOJSON_PAGE_SIZE})",
    ),
]

POINT_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "enum": ["Point", "MultiPoint"]},
        "coordinates": {
            "type": "array",
            "description": "[longitude, latitude] (WGS 84); for a MultiPoint, a list of them",
            "items": {},
        },
    },
    "required": ["type", "coordinates"],
}


def point_geometry(points):
    """A Point for one (latitude, longitude), a MultiPoint for several (duplicates dropped,
    order kept), None for none: GeoJSON's null geometry for a feature without a place."""
    coordinates = list(dict.fromkeys((float(lon), float(lat)) for lat, lon in points))
    if not coordinates:
        return None
    if len(coordinates) == 1:
        return {"type": "Point", "coordinates": list(coordinates[0])}
    return {"type": "MultiPoint", "coordinates": [list(point) for point in coordinates]}


def feature_collection_schema(properties):
    """The OpenAPI schema of a FeatureCollection whose features carry ``properties``."""
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "count": {"type": "integer", "description": "Features in the whole filtered result"},
            "next": {"type": "string", "format": "uri", "nullable": True},
            "previous": {"type": "string", "format": "uri", "nullable": True},
            "features": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string", "enum": ["Feature"]},
                        "id": {"type": "string"},
                        "geometry": {**POINT_SCHEMA, "nullable": True},
                        "properties": {
                            "type": "object",
                            "properties": properties,
                            "required": list(properties),
                        },
                    },
                    "required": ["type", "id", "geometry", "properties"],
                },
            },
        },
        "required": ["type", "count", "next", "previous", "features"],
    }


class GeoJSONRenderer(JSONRenderer):
    """Lets a client ask for `Accept: application/geo+json`; plain JSON stays the default."""

    media_type = "application/geo+json"
    format = "geojson"


GEOJSON_RENDERERS = [JSONRenderer, GeoJSONRenderer]


class GeoJSONPagination(BygdPagination):
    page_size = GEOJSON_PAGE_SIZE
    max_page_size = GEOJSON_MAX_PAGE_SIZE

    def get_paginated_response(self, data):
        return Response(
            {
                "type": "FeatureCollection",
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "features": data,
            },
            content_type="application/geo+json",
        )
