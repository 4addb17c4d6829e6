"""The domain API's conventions, set on Bygd's own views instead of in the host's
``REST_FRAMEWORK``: JSON in and out, no sessions (so no CSRF and no per-user answers in the shared
cache), anonymous throttling, page-number pagination with a cap, django-filter, and the error
format. A host's global DRF settings stay whatever its other apps need: Wagtail's and
wagtail-localize's admin endpoints (the translation editor PUTs form data with the editor's
session) keep DRF's defaults. The one global setting Bygd needs is drf-spectacular's
``DEFAULT_SCHEMA_CLASS``: its ``@extend_schema`` reads it when the views are imported."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from apps.core.api.errors import exception_handler
from apps.core.api.pagination import BygdPagination
from apps.core.api.throttling import AnonymousClientThrottle


class AnonymousAPIMixin:
    """Public, keyless, throttled per address, errors in Bygd's format; for views whose parsing
    and rendering are their own (Wagtail's content API v2)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousClientThrottle]

    def get_exception_handler(self):
        return exception_handler


class BygdAPIMixin(AnonymousAPIMixin):
    """Put first in the bases of every view of the domain API."""

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = BygdPagination
    filter_backends = [DjangoFilterBackend]
