"""GET /api/themes/ and /api/programmes/: the controlled vocabularies behind the `theme` and
`programme` filters, so a frontend can build its filter menus in the visitor's language."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.fields import OptionalURLField, ReferenceSerializer
from apps.core.api.filters import BooleanFilter, IsoDateTimeFilter
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.core.locale import with_fallback
from apps.projects.models import FundingProgramme, Theme


class TaxonomyFilter(django_filters.FilterSet):
    modified_since = IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Only items changed since then"
    )


class ThemeFilter(TaxonomyFilter):
    horizontal = BooleanFilter(
        field_name="is_horizontal",
        help_text="Only cross-cutting criteria (true) or only themes (false)",
    )

    class Meta:
        model = Theme
        fields = ["horizontal", "modified_since"]


class ProgrammeFilter(TaxonomyFilter):
    class Meta:
        model = FundingProgramme
        fields = ["modified_since"]


class TaxonomySerializer(serializers.ModelSerializer):
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField(default=False)
    modified = serializers.DateTimeField(source="updated_at")

    base_fields = ["slug", "name", "description", "locale", "is_fallback", "modified"]


class ThemeSerializer(TaxonomySerializer):
    class Meta:
        model = Theme
        fields = [*TaxonomySerializer.base_fields, "is_horizontal"]


class ProgrammeSerializer(TaxonomySerializer):
    funder = ReferenceSerializer(allow_null=True)
    website = OptionalURLField()

    class Meta:
        model = FundingProgramme
        fields = [*TaxonomySerializer.base_fields, "funder", "website"]


class TaxonomyViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9_]+"

    def get_queryset(self):
        queryset = self.serializer_class.Meta.model.objects.select_related(*self.related)
        if getattr(self, "swagger_fake_view", False):
            return queryset
        return with_fallback(queryset, self.locale, self.fallback).order_by("name", "pk")


def _documented(serializer):
    return extend_schema_view(
        list=extend_schema(
            parameters=LOCALE_PARAMETERS,
            responses={200: serializer(many=True), **ERROR_RESPONSES},
        ),
        retrieve=extend_schema(
            parameters=LOCALE_PARAMETERS, responses={200: serializer, **ERROR_RESPONSES}
        ),
    )


@_documented(ThemeSerializer)
class ThemeViewSet(TaxonomyViewSet):
    """Project themes and horizontal criteria; `slug` is the value the `theme` filters take."""

    serializer_class = ThemeSerializer
    filterset_class = ThemeFilter
    related = ("locale",)


@_documented(ProgrammeSerializer)
class ProgrammeViewSet(TaxonomyViewSet):
    """Funding programmes; `slug` is the value the `programme` filter takes."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilter
    related = ("locale", "funder")
