"""GET /api/news/ and /api/news/<id>/: posts with their body as ready-to-render HTML."""

import uuid

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.params import LOCALE_PARAMETERS, parse_bool, parse_locale
from apps.projects.news.query import filtered

RENDITIONS = {"large": "fill-1200x675", "thumbnail": "fill-600x340"}


class PostSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        source="translation_key", help_text="Stable id shared by all translations"
    )
    title = serializers.CharField()
    lead = serializers.CharField()
    date = serializers.DateField(source="pub_date")
    tags = serializers.SerializerMethodField()
    byline = serializers.CharField()
    project = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField()
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField()
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="last_published_at")

    def get_tags(self, post) -> list[str]:
        return [tag.slug for tag in post.tags.all()]

    @extend_schema_field(
        inline_serializer(
            "PostProject",
            {"identifier": serializers.CharField(), "title": serializers.CharField()},
            allow_null=True,
        )
    )
    def get_project(self, post):
        if not post.project_identifier:
            return None
        return {"identifier": post.project_identifier, "title": post.project_title}

    @extend_schema_field(
        inline_serializer(
            "PostImage",
            {
                "alt": serializers.CharField(),
                "large": serializers.URLField(),
                "thumbnail": serializers.URLField(),
            },
            allow_null=True,
        )
    )
    def get_image(self, post):
        if not post.image:
            return None
        request = self.context["request"]
        result = {"alt": post.image_alt}
        for name, spec in RENDITIONS.items():
            result[name] = request.build_absolute_uri(post.image.get_rendition(spec).url)
        return result

    def get_html_url(self, post) -> str:
        return self.context["request"].build_absolute_uri(post.url)


class PostDetailSerializer(PostSerializer):
    body = serializers.SerializerMethodField(help_text="HTML ready to render")
    reading_minutes = serializers.IntegerField()
    authors = serializers.SerializerMethodField()

    def get_body(self, post) -> str:
        return str(post.body.render_as_block())

    def get_authors(self, post) -> list[str]:
        names = [row.person.name for row in post.authors.select_related("person")]
        return names + ([post.byline] if post.byline else [])


NEWS_PARAMETERS = [
    OpenApiParameter("project", OpenApiTypes.STR, description="Project identifier"),
    OpenApiParameter("tag", OpenApiTypes.STR),
    OpenApiParameter("theme", OpenApiTypes.STR, description="Theme slug, via the post's project"),
    OpenApiParameter("year", OpenApiTypes.INT),
    OpenApiParameter("q", OpenApiTypes.STR),
    OpenApiParameter("published_after", OpenApiTypes.DATE),
    OpenApiParameter(
        "modified_since",
        OpenApiTypes.DATETIME,
        description="Only items published since then; removals are listed at /api/removed/.",
    ),
    *LOCALE_PARAMETERS,
]


class NewsViewSet(viewsets.GenericViewSet):
    """Project blog posts and news, newest first."""

    serializer_class = PostSerializer
    filter_backends = []
    lookup_field = "id"
    lookup_value_regex = r"[0-9a-fA-F-]{36}"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.locale = parse_locale(request)
        self.fallback = parse_bool(request, "fallback", True)

    def _queryset(self):
        filterset = filtered(self.request.query_params, self.locale, self.fallback)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return filterset.qs.select_related("locale", "image").prefetch_related("tags")

    @extend_schema(
        parameters=NEWS_PARAMETERS, responses={200: PostSerializer(many=True), **ERROR_RESPONSES}
    )
    def list(self, request):
        page = self.paginate_queryset(self._queryset())
        return self.get_paginated_response(
            PostSerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        parameters=LOCALE_PARAMETERS, responses={200: PostDetailSerializer, **ERROR_RESPONSES}
    )
    def retrieve(self, request, id=None):  # noqa: A002 - the URL keyword
        try:
            id = uuid.UUID(id)  # noqa: A001
        except ValueError:
            raise Http404 from None
        post = (
            filtered({}, self.locale, self.fallback)
            .qs.filter(translation_key=id)
            .select_related("locale", "image")
            .first()
        )
        if post is None:
            raise Http404
        return Response(PostDetailSerializer(post, context={"request": request}).data)
