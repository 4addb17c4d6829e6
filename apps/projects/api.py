"""Domain API of the project database: a filtered, faceted list, details by identifier, and
downloads of any filtered result (CSV, JSON, 360Giving)."""

from django.db.models import Prefetch
from django.http import Http404, StreamingHttpResponse
from drf_spectacular.drainage import set_override
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
from wagtail.models import Page

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.fields import OptionalURLField
from apps.core.api.params import LOCALE_PARAMETERS, parse_bool, parse_locale
from apps.core.locale import with_fallback
from apps.projects.exports import csv_rows, json_rows, with_export_relations
from apps.projects.grants import grants_json
from apps.projects.listing import with_translation_origin
from apps.projects.models import ProjectPartner, ProjectPlace, ProjectTheme, Theme
from apps.projects.query import base_queryset, evaluate, facets, filtered


class RefSerializer(serializers.Serializer):
    value = serializers.CharField()
    name = serializers.CharField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Stable code to use as the filter value")
    label = serializers.CharField(help_text="Label in the requested locale")
    count = serializers.IntegerField()


class ProjectSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    title = serializers.CharField()
    acronym = serializers.CharField()
    summary = serializers.CharField()
    status = serializers.CharField(source="current_status")
    planned_start = serializers.DateField(allow_null=True)
    planned_end = serializers.DateField(allow_null=True)
    actual_start = serializers.DateField(allow_null=True)
    actual_end = serializers.DateField(allow_null=True)
    owner = serializers.SerializerMethodField()
    funder = serializers.SerializerMethodField()
    programme = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    places = serializers.SerializerMethodField()
    amount_granted = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    total_budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    in_kind_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    award_date = serializers.DateField(allow_null=True)
    funding_call = serializers.CharField(
        source="funding_call.identifier",
        allow_null=True,
        default=None,
        help_text="Identifier of the call that funded it (see /api/calls/)",
    )
    locale = serializers.CharField(source="locale.language_code")
    original_language = serializers.CharField()
    is_fallback = serializers.BooleanField()
    translation_origin = serializers.CharField(
        allow_null=True, help_text="original, human, machine"
    )
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="last_published_at")

    def _org(self, organisation):
        return {"value": organisation.slug, "name": organisation.name} if organisation else None

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_owner(self, page):
        return self._org(page.owner_organisation)

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_funder(self, page):
        return self._org(page.funder)

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_programme(self, page):
        programme = page.funding_programme
        return {"value": programme.slug, "name": programme.name} if programme else None

    @extend_schema_field(RefSerializer(many=True))
    def get_themes(self, page):
        labels = self.context["theme_labels"]
        return [
            {"value": row.theme.slug, "name": labels.get(row.theme.slug, row.theme.name)}
            for row in page.themes.all()
        ]

    @extend_schema_field(RefSerializer(many=True))
    def get_places(self, page):
        language = self.context["language"]
        return [
            {"value": row.place.identifier, "name": row.place.label(language)}
            for row in page.places.all()
        ]

    def get_html_url(self, page) -> str:
        return self.context["request"].build_absolute_uri(page.url)


class ProjectDetailSerializer(ProjectSerializer):
    body = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()
    partners = serializers.SerializerMethodField()
    website = OptionalURLField()
    available_languages = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    def get_body(self, page) -> str:
        return str(page.body.render_as_block())

    def get_results(self, page) -> str:
        return str(page.results.render_as_block())

    @extend_schema_field(
        inline_serializer(
            "Partner",
            {
                "value": serializers.CharField(),
                "name": serializers.CharField(),
                "role": serializers.CharField(),
            },
            many=True,
        )
    )
    def get_partners(self, page):
        return [
            {"value": row.organisation.slug, "name": row.organisation.name, "role": row.role}
            for row in page.partners.all()
        ]

    def _translations(self, page):
        if not hasattr(self, "_cached_translations"):
            self._cached_translations = list(
                Page.objects.live()
                .public()
                .filter(translation_key=page.translation_key)
                .select_related("locale")
            )
        return self._cached_translations

    def get_available_languages(self, page) -> list[str]:
        return sorted(p.locale.language_code for p in self._translations(page))

    @extend_schema_field(
        inline_serializer(
            "Translation",
            {
                "locale": serializers.CharField(),
                "html_url": serializers.CharField(),
                "api_url": serializers.CharField(),
            },
            many=True,
        )
    )
    def get_translations(self, page):
        request = self.context["request"]
        return [
            {
                "locale": other.locale.language_code,
                "html_url": request.build_absolute_uri(other.url),
                "api_url": request.build_absolute_uri(
                    f"/api/projects/{page.identifier}/?locale={other.locale.language_code}&fallback=false"
                ),
            }
            for other in sorted(self._translations(page), key=lambda p: p.locale.language_code)
        ]


FILTER_PARAMETERS = [
    OpenApiParameter(
        "theme", OpenApiTypes.STR, many=True, description="Theme slug (repeatable: any of)"
    ),
    OpenApiParameter("status", OpenApiTypes.STR, enum=["planned", "ongoing", "completed"]),
    OpenApiParameter("q", OpenApiTypes.STR, description="Full-text search"),
    OpenApiParameter("country", OpenApiTypes.STR, description="e.g. SE"),
    OpenApiParameter("region", OpenApiTypes.STR, description="e.g. SE-08"),
    OpenApiParameter("municipality", OpenApiTypes.STR, description="e.g. SE-0884"),
    OpenApiParameter("leader_area", OpenApiTypes.STR, description="e.g. leader-alh"),
    OpenApiParameter("programme", OpenApiTypes.STR, description="Funding programme slug"),
    OpenApiParameter("funder", OpenApiTypes.STR, description="Organisation slug"),
    OpenApiParameter("organisation", OpenApiTypes.STR, description="Owner, partner or funder slug"),
    OpenApiParameter("year", OpenApiTypes.INT, description="Active during this year"),
    OpenApiParameter("active_on", OpenApiTypes.DATE),
    OpenApiParameter("amount_min", OpenApiTypes.NUMBER),
    OpenApiParameter("amount_max", OpenApiTypes.NUMBER),
    OpenApiParameter("currency", OpenApiTypes.STR, enum=["SEK", "DKK", "NOK", "EUR", "ISK"]),
    OpenApiParameter(
        "modified_since",
        OpenApiTypes.DATETIME,
        description="Only items published since then; removals are listed at /api/removed/.",
    ),
    OpenApiParameter("ordering", OpenApiTypes.STR, enum=["newest", "title", "amount", "start"]),
    *LOCALE_PARAMETERS,
]


# The listing is paginated by hand (it adds facets); without the override the schema would wrap
# this already paginated shape in a second pagination envelope.
PROJECT_LIST = inline_serializer(
    "ProjectList",
    {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": ProjectSerializer(many=True),
        "facets": serializers.DictField(child=FacetValueSerializer(many=True)),
    },
)
set_override(PROJECT_LIST, "many", False)


class ProjectViewSet(viewsets.GenericViewSet):
    """The project database. Facts are identical in every language; texts follow `locale`."""

    lookup_field = "identifier"
    lookup_value_regex = r"[A-Za-z0-9._-]+"
    serializer_class = ProjectSerializer
    filter_backends = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.locale = parse_locale(request)
        self.fallback = parse_bool(request, "fallback", True)

    def get_queryset(self):
        return base_queryset(self.locale, self.fallback)

    def _filterset(self):
        filterset = filtered(self.request.query_params, self.locale, self.fallback)
        if not filterset.is_valid() or filterset.form.errors:
            raise ValidationError(filterset.form.errors)
        return filterset

    def _filtered(self):
        return self._filterset().qs

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if hasattr(self, "locale"):
            context["language"] = self.locale.language_code
            context["theme_labels"] = dict(
                with_fallback(Theme.objects.all(), self.locale).values_list("slug", "name")
            )
        return context

    @staticmethod
    def _with_relations(queryset):
        return (
            with_translation_origin(queryset)
            .select_related(
                "locale", "owner_organisation", "funder", "funding_programme", "funding_call"
            )
            .prefetch_related(
                Prefetch(
                    "places",
                    queryset=ProjectPlace.objects.order_by("sort_order", "pk").select_related(
                        "place"
                    ),
                ),
                Prefetch(
                    "themes",
                    queryset=ProjectTheme.objects.order_by("sort_order", "pk").select_related(
                        "theme"
                    ),
                ),
                Prefetch(
                    "partners",
                    queryset=ProjectPartner.objects.order_by("sort_order", "pk").select_related(
                        "organisation"
                    ),
                ),
            )
        )

    @extend_schema(
        parameters=FILTER_PARAMETERS,
        responses={200: PROJECT_LIST, **ERROR_RESPONSES},
    )
    def list(self, request):
        queryset, ids = evaluate(self._filterset(), self.locale, self.fallback)
        page = self.paginate_queryset(self._with_relations(queryset))
        response = self.get_paginated_response(
            ProjectSerializer(page, many=True, context=self.get_serializer_context()).data
        )
        response.data["facets"] = facets(ids, self.locale)
        return response

    @extend_schema(
        parameters=LOCALE_PARAMETERS, responses={200: ProjectDetailSerializer, **ERROR_RESPONSES}
    )
    def retrieve(self, request, identifier=None):
        page = self._with_relations(self.get_queryset().filter(identifier=identifier)).first()
        if page is None:
            raise Http404
        return Response(ProjectDetailSerializer(page, context=self.get_serializer_context()).data)

    def _download(self, rows, content_type, filename):
        response = StreamingHttpResponse(rows, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def _export_pages(self):
        queryset = self._filtered()
        return with_export_relations(queryset).iterator(chunk_size=500)

    def _url_for(self, page):
        return self.request.build_absolute_uri(page.url)

    @extend_schema(
        parameters=FILTER_PARAMETERS,
        responses={(200, "text/csv"): OpenApiTypes.STR, **ERROR_RESPONSES},
    )
    def export_csv(self, request):
        return self._download(
            csv_rows(self._export_pages(), self._url_for), "text/csv; charset=utf-8", "projects.csv"
        )

    @extend_schema(
        parameters=FILTER_PARAMETERS,
        responses={
            (200, "application/json"): {"type": "array", "items": {"type": "object"}},
            **ERROR_RESPONSES,
        },
    )
    def export_json(self, request):
        return self._download(
            json_rows(self._export_pages(), self._url_for), "application/json", "projects.json"
        )

    @extend_schema(
        parameters=FILTER_PARAMETERS,
        responses={
            (200, "application/json"): {
                "type": "object",
                "properties": {"grants": {"type": "array", "items": {"type": "object"}}},
                "required": ["grants"],
            },
            **ERROR_RESPONSES,
        },
    )
    def export_360giving(self, request):
        queryset = self._filtered().filter(amount_granted__isnull=False)
        pages = with_export_relations(queryset).iterator(chunk_size=500)
        return self._download(
            grants_json(pages, self._url_for), "application/json", "grants-360giving.json"
        )
