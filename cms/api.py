"""The API surface: Wagtail's content API v2 and the domain API's router and schema."""

from django.conf import settings
from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework import routers, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.pages import HeadlessPreviewView, wagtail_router
from apps.core.api.removed import RemovedViewSet
from apps.events.api.views import EventViewSet
from apps.network.api import OrganisationViewSet, PlaceViewSet
from apps.newsletters.api import NewsletterListViewSet, SubscriptionView
from apps.projects.api import ProjectViewSet
from apps.projects.calls.api import CallViewSet
from apps.projects.news.api import NewsViewSet
from apps.projects.taxonomy_api import ProgrammeViewSet, ThemeViewSet


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    default = serializers.BooleanField()


class SiteInfoSerializer(serializers.Serializer):
    name = serializers.CharField()
    time_zone = serializers.CharField()
    languages = LanguageSerializer(many=True)


class SiteInfoView(APIView):
    """What an external frontend needs before its first call: languages and time zone."""

    @extend_schema(responses=SiteInfoSerializer, operation_id="site_info", tags=["site"])
    def get(self, request):
        return Response(
            {
                "name": settings.WAGTAIL_SITE_NAME,
                "time_zone": settings.TIME_ZONE,
                "languages": [
                    {"code": code, "name": name, "default": code == settings.LANGUAGE_CODE}
                    for code, name in settings.LANGUAGES
                ],
            }
        )


domain_router = routers.SimpleRouter()
domain_router.register("places", PlaceViewSet, basename="place")
domain_router.register("organisations", OrganisationViewSet, basename="organisation")
domain_router.register("projects", ProjectViewSet, basename="project")
domain_router.register("news", NewsViewSet, basename="news")
domain_router.register("themes", ThemeViewSet, basename="theme")
domain_router.register("programmes", ProgrammeViewSet, basename="programme")

domain_router.register("newsletter/lists", NewsletterListViewSet, basename="newsletter-list")
domain_router.register("events", EventViewSet, basename="event")
domain_router.register("removed", RemovedViewSet, basename="removed")
domain_router.register("calls", CallViewSet, basename="call")

domain_urls = [
    path("site/", SiteInfoView.as_view(), name="site-info"),
    path("newsletter/subscriptions/", SubscriptionView.as_view(), name="newsletter-subscriptions"),
    path("projects.csv", ProjectViewSet.as_view({"get": "export_csv"}), name="projects-csv"),
    path("projects.json", ProjectViewSet.as_view({"get": "export_json"}), name="projects-json"),
    path(
        "projects/360giving.json",
        ProjectViewSet.as_view({"get": "export_360giving"}),
        name="projects-360giving",
    ),
    *domain_router.urls,
]

urlpatterns = [
    path("v2/preview/", HeadlessPreviewView.as_view(), name="headless-preview"),
    path("v2/", wagtail_router.urls),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(domain_urls)),
]
