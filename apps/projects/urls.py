"""Projects' URLs outside the language prefix (include at the site root): news feeds and the
funding calls' deadline calendar. ``api_urlpatterns`` (projects, news, themes, programmes, calls
and the project exports) are served under /api/ by ``apps.core.urls``."""

from django.urls import path
from rest_framework import routers

from apps.projects.api import ProjectViewSet
from apps.projects.calls.api import CallViewSet
from apps.projects.calls.feeds import deadlines_feed
from apps.projects.geo import ProjectMapViewSet
from apps.projects.news.api import NewsViewSet
from apps.projects.news.feeds import ProjectNewsFeed, SiteNewsFeed, TagNewsFeed, atom
from apps.projects.stats_api import ProjectStatisticsViewSet
from apps.projects.taxonomy_api import ProgrammeViewSet, ThemeViewSet

router = routers.SimpleRouter()
router.register("projects", ProjectViewSet, basename="project")
router.register("news", NewsViewSet, basename="news")
router.register("themes", ThemeViewSet, basename="theme")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("calls", CallViewSet, basename="call")

api_urlpatterns = [
    path("projects.csv", ProjectViewSet.as_view({"get": "export_csv"}), name="projects-csv"),
    path("projects.json", ProjectViewSet.as_view({"get": "export_json"}), name="projects-json"),
    path(
        "projects.geojson", ProjectMapViewSet.as_view({"get": "geojson"}), name="projects-geojson"
    ),
    path(
        "projects/360giving.json",
        ProjectViewSet.as_view({"get": "export_360giving"}),
        name="projects-360giving",
    ),
    # Before the router: its project detail route would take "stats" for an identifier.
    path(
        "projects/stats/",
        ProjectStatisticsViewSet.as_view({"get": "statistics"}),
        name="project-statistics",
    ),
    path(
        "projects/stats.csv",
        ProjectStatisticsViewSet.as_view({"get": "statistics_csv"}),
        name="project-statistics-csv",
    ),
    *router.urls,
]

# Names of the choice enums in the OpenAPI document (apps.core.urls collects them).
api_enum_overrides = {"CallStatusEnum": "apps.projects.models.call_status.CallStatus"}

urlpatterns = [
    path("feeds/news.xml", SiteNewsFeed(), name="news-rss"),
    path("feeds/news.atom", atom(SiteNewsFeed)(), name="news-atom"),
    path("feeds/projects/<str:identifier>.xml", ProjectNewsFeed(), name="project-news-rss"),
    path("feeds/projects/<str:identifier>.atom", atom(ProjectNewsFeed)(), name="project-news-atom"),
    path("feeds/tags/<str:tag>.xml", TagNewsFeed(), name="tag-news-rss"),
    path("feeds/tags/<str:tag>.atom", atom(TagNewsFeed)(), name="tag-news-atom"),
    path("calls/deadlines.ics", deadlines_feed, name="call-deadlines-ics"),
]
