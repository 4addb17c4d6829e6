"""The reference host site's URLs: Wagtail, then Bygd's apps included exactly as any host site
includes them (README, "Installing Bygd's apps into your Wagtail site")."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from apps.core.api.errors import json_not_found, json_server_error
from cms import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "images/<str:signature>/<int:image_id>/<str:filter_spec>/",
        ServeView.as_view(),
        name="wagtailimages_serve",
    ),
    path("sitemap.xml", sitemap),
    path("", include("apps.core.urls")),
    path("", include("apps.newsletters.urls")),
    path("", include("apps.network.urls")),
    path("", include("apps.projects.urls")),
    path("", include("apps.events.urls")),
    path("", include("apps.portal.urls")),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += [path("media/<path:path>", serve_static, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path(_("search/"), views.search, name="search"),
    path("", include("apps.portal.i18n_urls")),
    path("", include("apps.newsletters.i18n_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)


def handler404(request, exception=None):
    if request.path.startswith("/api/"):
        return json_not_found(request, exception)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def handler500(request):
    if request.path.startswith("/api/"):
        return json_server_error(request)
    from django.views.defaults import server_error

    return server_error(request)
