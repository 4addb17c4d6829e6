"""GET /api/site/: what an external frontend needs before its first call."""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.views import BygdAPIMixin


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    default = serializers.BooleanField()


class SiteInfoSerializer(serializers.Serializer):
    name = serializers.CharField()
    time_zone = serializers.CharField()
    languages = LanguageSerializer(many=True)


class SiteInfoView(BygdAPIMixin, APIView):
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
