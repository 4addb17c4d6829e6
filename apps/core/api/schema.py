"""The OpenAPI document covers the domain API only; Wagtail's v2 API and the admin's internal
endpoints document themselves elsewhere and cannot be introspected outside a request.

SCHEMA_SETTINGS are drf-spectacular's settings for that document: apps.core.urls serves it with
them whatever the host's SPECTACULAR_SETTINGS say, and the reference site's settings start from
them so `manage.py spectacular` writes the same document."""

SCHEMA_SETTINGS = {
    "TITLE": "Bygd API",
    "DESCRIPTION": (
        "Projects, events, funding calls, news and the network directory of a Bygd site. "
        "Read-only and keyless. Every list takes `locale`, `page` and `page_size` (max 100); "
        'errors are `{"error": {"code", "message", "fields"}}`.'
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["apps.core.api.schema.only_domain_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.core.api.schema.document_transport",
    ],
    "REDOC_DIST": "SIDECAR",
}


def only_domain_api(endpoints, **kwargs):
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/") and not endpoint[0].startswith("/api/v2/")
    ]


_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Validator for If-None-Match"},
    "Last-Modified": {"schema": {"type": "string"}, "description": "Last content change"},
    "Cache-Control": {"schema": {"type": "string"}, "description": "public, short max-age"},
}


def document_transport(result, generator, request, public):
    """What every operation shares and the views cannot declare themselves: throttling (429 with
    Retry-After), conditional GETs (validators on 200, 304 on a match) and empty filters."""
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            # An empty optional filter means "no filter", as in the HTML forms that share them.
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and not parameter.get("required"):
                    parameter["allowEmptyValue"] = True
            responses = operation.setdefault("responses", {})
            responses["429"] = {
                "description": "Too many requests from this address",
                "content": _ERROR,
                "headers": {
                    "Retry-After": {
                        "schema": {"type": "integer"},
                        "description": "Seconds to wait before the next request",
                    }
                },
            }
            if method != "get":
                continue
            responses["304"] = {"description": "Not modified since the validator sent"}
            success = responses.get("200")
            if success is not None:
                success.setdefault("headers", {}).update(_CACHE_HEADERS)
    return result
