"""Page-number pagination with a hard cap: asking for more than the cap is an error, not a silent
truncation, so a client never believes it has everything when it has not."""

import hashlib
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework.pagination import PageNumberPagination

from apps.core import content_version
from apps.core.api.errors import BadParameter

COUNT_TIMEOUT = 24 * 3600

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


class BygdPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw in (None, ""):
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            raise BadParameter("page_size", _("Must be a whole number.")) from None
        if not 1 <= size <= self.max_page_size:
            raise BadParameter(
                "page_size",
                _("Must be between 1 and %(max)d.") % {"max": self.max_page_size},
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw not in (None, ""):
            try:
                if int(raw) < 1:
                    raise ValueError
            except ValueError:
                raise BadParameter("page", _("Must be a positive whole number.")) from None
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "next", "previous", "results"]
        return response


class KeptCountPaginator(Paginator):
    """The total of a listing counted once per content version and query: a window of tens of
    thousands of calendar rows took longer to count than its page took to read, and every
    page and every poll of the same window asked for the same number."""

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        try:
            sql = str(query) if query is not None and not query.is_empty() else None
        except (EmptyResultSet, FullResultSet):
            sql = None
        if sql is None:
            return super().count
        digest = hashlib.sha256(sql.encode()).hexdigest()
        key = f"bygd:api:count:{content_version.current()[0]}:{digest}"
        found = cache.get(key)
        if found is None:
            found = super().count
            cache.set(key, found, COUNT_TIMEOUT)
        return found


class KeptCountPagination(BygdPagination):
    django_paginator_class = KeptCountPaginator


FACET_VALUE_SCHEMA = {
    "type": "object",
    "properties": {
        "value": {"type": "string", "description": "Stable code to use as the filter value"},
        "label": {"type": "string", "description": "Label in the requested locale"},
        "count": {"type": "integer"},
    },
    "required": ["value", "label", "count"],
}


class FacetedPagination(BygdPagination):
    """The page plus `facets`: per filter, its values with how many results each gives. The view
    computes them and sets `facets` before asking for the response."""

    facets = None

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["facets"] = self.facets or {}
        return response

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["facets"] = {
            "type": "object",
            "description": (
                "Per filter name, its values and how many results each gives with every other "
                "filter applied but not this one; chosen values are listed even at 0"
            ),
            "additionalProperties": {"type": "array", "items": FACET_VALUE_SCHEMA},
        }
        response["required"] = [*response["required"], "facets"]
        return response
