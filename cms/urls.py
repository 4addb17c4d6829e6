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
from apps.events import feeds as event_feeds
from apps.newsletters import urls as newsletter_urls
from apps.projects.calls.feeds import deadlines_feed
from apps.projects.news.feeds import ProjectNewsFeed, SiteNewsFeed, TagNewsFeed, atom
from cms import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "images/<str:signature>/<int:image_id>/<str:filter_spec>/",
        ServeView.as_view(),
        name="wagtailimages_serve",
    ),
    path("api/", include("cms.api")),
    path("sitemap.xml", sitemap),
    path("feeds/news.xml", SiteNewsFeed(), name="news-rss"),
    path("feeds/news.atom", atom(SiteNewsFeed)(), name="news-atom"),
    path("feeds/projects/<str:identifier>.xml", ProjectNewsFeed(), name="project-news-rss"),
    path("feeds/projects/<str:identifier>.atom", atom(ProjectNewsFeed)(), name="project-news-atom"),
    path("feeds/tags/<slug:tag>.xml", TagNewsFeed(), name="tag-news-rss"),
    path("feeds/tags/<slug:tag>.atom", atom(TagNewsFeed)(), name="tag-news-atom"),
    path("", include(newsletter_urls.unprefixed_urlpatterns)),
    path("calendar.ics", event_feeds.calendar_feed, name="calendar-ics"),
    path("calendar/<uuid:key>.ics", event_feeds.event_feed, name="event-ics"),
    path("calls/deadlines.ics", deadlines_feed, name="call-deadlines-ics"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += [path("media/<path:path>", serve_static, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path(_("search/"), views.search, name="search"),
    path(_("organisers/"), include("apps.portal.urls")),
    path("", include(newsletter_urls.urlpatterns)),
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
