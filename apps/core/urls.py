"""The API surface of every installed Bygd app, mounted at /api/ (include this module at the
site root, outside ``i18n_patterns``):

- the domain API: each installed app's ``api_urlpatterns`` (from its own ``urls`` module), in
  INSTALLED_APPS order, so one OpenAPI document covers them all;
- ``/api/site/`` and ``/api/removed/``;
- the OpenAPI document ``/api/schema/`` and its rendering ``/api/docs/``, with Bygd's schema
  settings (``SCHEMA_SETTINGS`` and the apps' ``api_enum_overrides``) whatever the host's
  SPECTACULAR_SETTINGS say;
- Wagtail's content API v2 (``/api/v2/``) and the headless preview endpoint;
- any other path under /api/ answers the JSON error format's 404.

An app's API is served when the app is installed; a host does not include it separately."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, include, path, re_path, resolve
from drf_spectacular.settings import patched_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework import routers

from apps.core.api.errors import json_not_found
from apps.core.api.pages import HeadlessPreviewView, wagtail_router
from apps.core.api.removed import RemovedViewSet
from apps.core.api.schema import SCHEMA_SETTINGS
from apps.core.api.site import SiteInfoView
from apps.core.api.views import AnonymousAPIMixin

router = routers.SimpleRouter()
router.register("removed", RemovedViewSet, basename="removed")

api_urlpatterns = [
    path("site/", SiteInfoView.as_view(), name="site-info"),
    *router.urls,
]


def installed_app_urls():
    """The ``urls`` modules of the installed Bygd apps other than core, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("apps.") or config.name == __package__:
            continue
        try:
            modules.append(import_module(f"{config.name}.urls"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.urls":
                raise
    return modules


def schema_settings():
    overrides = {}
    for module in installed_app_urls():
        overrides.update(getattr(module, "api_enum_overrides", {}))
    return {**SCHEMA_SETTINGS, "ENUM_NAME_OVERRIDES": overrides}


class SchemaView(AnonymousAPIMixin, SpectacularAPIView):
    """The document, which does not describe itself whatever SERVE_INCLUDE_SCHEMA says."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class DocsView(AnonymousAPIMixin, SpectacularRedocView):
    """The rendering, with the Redoc bundle from drf_spectacular_sidecar and no web fonts or
    inline code (core/api_docs.html), so nothing comes from a CDN."""

    template_name = "core/api_docs.html"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with patched_settings(SCHEMA_SETTINGS):
            return super().get(request, *args, **kwargs)


def api_not_found(request, rest=""):
    """Unknown /api/ paths: the JSON 404, after the trailing-slash redirect CommonMiddleware
    would have made had this catch-all not matched."""
    if settings.APPEND_SLASH and not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return json_not_found(request)


urlpatterns = [
    path(
        "api/",
        include(
            [
                path("v2/preview/", HeadlessPreviewView.as_view(), name="headless-preview"),
                path("v2/", wagtail_router.urls),
                path(
                    "schema/",
                    SchemaView.as_view(custom_settings=schema_settings()),
                    name="api-schema",
                ),
                path("docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
                *api_urlpatterns,
                *(
                    pattern
                    for module in installed_app_urls()
                    for pattern in getattr(module, "api_urlpatterns", ())
                ),
                re_path(r"^(?P<rest>.*)$", api_not_found),
            ]
        ),
    ),
]
