"""GET /api/news/ and /api/news/<id>/: posts with their body as ready-to-render HTML."""

import uuid

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.fields import ReferenceSerializer, SourceField
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.projects.models import ProjectPostPage
from apps.projects.news.query import PostFilter, base_queryset

RENDITIONS = {"large": "fill-1200x675", "thumbnail": "fill-600x340"}


class PostImageSerializer(serializers.Serializer):
    """The post's image in two renditions; null when the post has none."""

    alt = serializers.CharField(source="image_alt")
    large = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()

    def to_representation(self, post):
        return super().to_representation(post) if post.image else None

    def _rendition(self, post, name):
        rendition = post.image.get_rendition(RENDITIONS[name])
        return self.context["request"].build_absolute_uri(rendition.url)

    @extend_schema_field(OpenApiTypes.URI)
    def get_large(self, post):
        return self._rendition(post, "large")

    @extend_schema_field(OpenApiTypes.URI)
    def get_thumbnail(self, post):
        return self._rendition(post, "thumbnail")


class PostSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        source="translation_key", help_text="Stable id shared by all translations"
    )
    title = serializers.CharField()
    lead = serializers.CharField()
    date = serializers.DateField(source="pub_date")
    tags = serializers.SerializerMethodField()
    byline = serializers.CharField()
    project = ReferenceSerializer(
        source="*",
        value="project_identifier",
        name="project_title",
        allow_null=True,
        help_text="The project the post belongs to",
    )
    image = PostImageSerializer(source="*", allow_null=True)
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField()
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="last_published_at")
    source = SourceField()

    def get_tags(self, post) -> list[str]:
        return [tag.slug for tag in post.tags.all()]

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


class NewsViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.GenericViewSet):
    """Project blog posts and news, newest first."""

    serializer_class = PostSerializer
    filterset_class = PostFilter
    lookup_field = "id"
    lookup_value_regex = r"[0-9a-fA-F-]{36}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProjectPostPage.objects.none()
        return (
            base_queryset(self.locale, self.fallback)
            .select_related("locale", "image")
            .prefetch_related("provenance")
        )

    @extend_schema(
        parameters=LOCALE_PARAMETERS, responses={200: PostSerializer(many=True), **ERROR_RESPONSES}
    )
    def list(self, request):
        queryset = self.filter_queryset(self.get_queryset()).prefetch_related("tags")
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        parameters=LOCALE_PARAMETERS, responses={200: PostDetailSerializer, **ERROR_RESPONSES}
    )
    def retrieve(self, request, id=None):  # noqa: A002 - the URL keyword
        try:
            id = uuid.UUID(id)  # noqa: A001
        except ValueError:
            raise Http404 from None
        post = self.get_queryset().filter(translation_key=id).first()
        if post is None:
            raise Http404
        return Response(PostDetailSerializer(post, context=self.get_serializer_context()).data)
