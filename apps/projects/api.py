"""Domain API of the project database: a filtered, faceted list, details by identifier, and
downloads of any filtered result (CSV, JSON, 360Giving)."""

from django.conf import settings
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from wagtail.models import Page

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.fields import OptionalURLField, ReferenceSerializer, SourceField, place_label
from apps.core.api.kept import kept
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.pagination import FacetedPagination
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.core.locale import with_fallback
from apps.projects.exports import csv_rows, json_rows, with_export_relations
from apps.projects.grants import absolute_url, grants_package, package_json
from apps.projects.listing import counts, with_translation_origin
from apps.projects.models import (
    ProjectFunder,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectTheme,
    Theme,
)
from apps.projects.query import ProjectFilter, base_queryset, without_untranslated_copies


def theme_label(row, field):
    """A theme row's label in the request's language (context `theme_labels`, read once)."""
    return field.context["theme_labels"].get(row.theme.slug, row.theme.name)


class PartnerReferenceSerializer(ReferenceSerializer):
    """A partner organisation and its role in the project: `role` is the code (the same in every
    language), `role_label` its label in the requested language."""

    role = serializers.CharField(read_only=True, help_text="lead, partner, co-financier, …")
    role_label = serializers.SerializerMethodField()

    def get_role_label(self, row) -> str:
        with translation.override(self.context.get("language")):
            return str(row.get_role_display())


class FunderReferenceSerializer(ReferenceSerializer):
    """A funder of the project and its share, in the project's currency."""

    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, allow_null=True
    )
    currency = serializers.CharField(read_only=True, source="page.currency")


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
    owner = ReferenceSerializer(source="owner_organisation", allow_null=True)
    funders = FunderReferenceSerializer(
        many=True, value="organisation.slug", name="organisation.name"
    )
    programme = ReferenceSerializer(source="funding_programme", allow_null=True)
    themes = ReferenceSerializer(many=True, value="theme.slug", name=theme_label)
    places = ReferenceSerializer(many=True, value="place.identifier", name=place_label("place"))
    amount_granted = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    total_budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    in_kind_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    award_date = serializers.DateField(allow_null=True)
    funding_call = ReferenceSerializer(
        value="identifier",
        name="title",
        allow_null=True,
        help_text="The call that funded it (see /api/calls/)",
    )
    locale = serializers.CharField(source="locale.language_code")
    original_language = serializers.CharField()
    is_fallback = serializers.BooleanField()
    translation_origin = serializers.CharField(
        allow_null=True, help_text="original, human, machine"
    )
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="last_published_at")
    source = SourceField()

    def get_html_url(self, page) -> str:
        return self.context["request"].build_absolute_uri(page.url)


class TranslationSerializer(serializers.Serializer):
    """A language version of a project (context `identifier`: the project's, in all of them)."""

    locale = serializers.CharField(source="locale.language_code")
    html_url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_html_url(self, page) -> str:
        return self.context["request"].build_absolute_uri(page.url)

    def get_api_url(self, page) -> str:
        code = page.locale.language_code
        return self.context["request"].build_absolute_uri(
            f"/api/projects/{self.context['identifier']}/?locale={code}&fallback=false"
        )


class ProjectDetailSerializer(ProjectSerializer):
    body = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()
    partners = PartnerReferenceSerializer(
        many=True, value="organisation.slug", name="organisation.name"
    )
    website = OptionalURLField()
    available_languages = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    def get_body(self, page) -> str:
        return str(page.body.render_as_block())

    def get_results(self, page) -> str:
        return str(page.results.render_as_block())

    def _translations(self, page):
        if not hasattr(self, "_cached_translations"):
            self._cached_translations = list(
                without_untranslated_copies(Page.objects.live().public())
                .filter(translation_key=page.translation_key)
                .select_related("locale")
            )
        return self._cached_translations

    def get_available_languages(self, page) -> list[str]:
        return sorted(p.locale.language_code for p in self._translations(page))

    @extend_schema_field(TranslationSerializer(many=True))
    def get_translations(self, page):
        translations = sorted(self._translations(page), key=lambda p: p.locale.language_code)
        context = {**self.context, "identifier": page.identifier}
        return TranslationSerializer(translations, many=True, context=context).data


class ProjectPagination(FacetedPagination):
    """Told the total by the view, which has it from the facets' query, so the page does not
    count the filtered result a second time."""

    known_count = None

    def django_paginator_class(self, object_list, per_page):
        paginator = DjangoPaginator(object_list, per_page)
        if self.known_count is not None:
            paginator.count = self.known_count
        return paginator


class ProjectViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.GenericViewSet):
    """The project database. Facts are identical in every language; texts follow `locale`."""

    lookup_field = "identifier"
    lookup_value_regex = r"[A-Za-z0-9._-]+"
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    pagination_class = ProjectPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProjectPage.objects.none()
        return base_queryset(self.locale, self.fallback)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if hasattr(self, "locale"):
            context["theme_labels"] = dict(
                with_fallback(Theme.objects.all(), self.locale).values_list("slug", "name")
            )
        return context

    @staticmethod
    def _with_relations(queryset):
        return (
            with_translation_origin(queryset)
            .select_related("locale", "owner_organisation", "funding_programme", "funding_call")
            .prefetch_related(
                "provenance",
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
                Prefetch(
                    "funders",
                    queryset=ProjectFunder.objects.order_by("sort_order", "pk").select_related(
                        "organisation"
                    ),
                ),
            )
        )

    def filter_queryset(self, queryset):
        """Keeps the bound filterset: the facets need each filter on its own."""
        self.filterset = DjangoFilterBackend().get_filterset(self.request, queryset, self)
        if not self.filterset.is_valid():
            raise translate_validation(self.filterset.errors)
        return self.filterset.qs

    def _filtered(self):
        return self.filter_queryset(self.get_queryset())

    @extend_schema(
        description=(
            "Projects matching every filter; the values of one filter (repeat the parameter) "
            "are alternatives. `facets` counts, per filter, the projects each value gives with "
            "all other filters applied but not that filter itself, so a filter's other values "
            "stay visible and chosen values are listed even at 0. Ordering or filtering by "
            "amount needs `currency` (400 otherwise): amounts in different currencies are "
            "never compared."
        ),
        parameters=LOCALE_PARAMETERS,
        responses={200: ProjectSerializer(many=True), **ERROR_RESPONSES},
    )
    def list(self, request):
        """The page's ids first (sorting the whole result with every column of the page, its
        StreamField body too, cost PostgreSQL more than finding it), then each project's JSON,
        kept per content version (``core.api.kept``); statuses follow the date, so it is part
        of what they are kept under."""
        queryset = self._filtered()
        total, self.paginator.facets = counts(self.filterset, self.locale, self.fallback)
        self.paginator.known_count = total
        ids = self.paginate_queryset(queryset.values_list("pk", flat=True))
        variant = (request.build_absolute_uri("/"), self.locale.language_code, timezone.localdate())
        projects = kept("projects", ids, variant, self._serialise)
        return self.get_paginated_response([projects[pk] for pk in ids])

    def _serialise(self, ids):
        rows = self._with_relations(self.get_queryset()).in_bulk(ids)
        serializer = self.get_serializer()
        return {pk: serializer.to_representation(rows[pk]) for pk in ids}

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
        return absolute_url(page) or ""

    @extend_schema(
        parameters=LOCALE_PARAMETERS,
        filters=True,
        responses={(200, "text/csv"): OpenApiTypes.STR, **ERROR_RESPONSES},
    )
    def export_csv(self, request):
        return self._download(
            csv_rows(self._export_pages(), self._url_for), "text/csv; charset=utf-8", "projects.csv"
        )

    @extend_schema(
        parameters=LOCALE_PARAMETERS,
        filters=True,
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
        parameters=LOCALE_PARAMETERS,
        filters=True,
        responses={
            (200, "application/json"): {
                "type": "object",
                "properties": {
                    "grants": {"type": "array", "items": {"type": "object"}},
                    "leftOut": {
                        "type": "object",
                        "description": "Projects with a grant left out, by missing field.",
                        "additionalProperties": {"type": "integer"},
                    },
                },
                "required": ["grants", "leftOut"],
            },
            **ERROR_RESPONSES,
        },
    )
    def export_360giving(self, request):
        """Built whole rather than streamed: the count of projects left out goes in a header."""
        queryset = self._filtered().filter(amount_granted__isnull=False)
        package, left_out = grants_package(
            with_export_relations(queryset).iterator(chunk_size=500),
            getattr(settings, "WAGTAIL_SITE_NAME", ""),
        )
        response = HttpResponse(package_json(package), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="grants-360giving.json"'
        response["X-Grants-Left-Out"] = str(left_out)
        return response
