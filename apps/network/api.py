"""Domain API for the directory: places and organisations (read-only, keyless)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.fields import (
    OptionalCharField,
    OptionalEmailField,
    OptionalURLField,
    ReferenceSerializer,
    SourceField,
    place_label,
)
from apps.core.api.filters import IsoDateTimeFilter
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.core.locale import with_fallback
from apps.network.models import NetworkIndexPage, Organisation, OrganisationKind, Place, PlaceKind


class PlaceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=PlaceKind.choices)
    country = django_filters.CharFilter(
        method="filter_country", help_text="ISO 3166-1 alpha-2, e.g. SE"
    )
    parent = django_filters.CharFilter(
        field_name="parent__identifier", help_text="Identifier of the containing place, e.g. SE-08"
    )
    leader_area = django_filters.CharFilter(
        field_name="leader_areas__identifier",
        help_text="Municipalities covered by a Leader area, e.g. leader-alh",
    )
    q = django_filters.CharFilter(
        method="filter_q", help_text="Name or code starts with / contains"
    )

    class Meta:
        model = Place
        fields = ["kind", "country", "parent", "leader_area", "q"]

    def filter_country(self, queryset, name, value):
        value = value.strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise serializers.ValidationError(
                {"country": [_("Use a two-letter country code such as SE.")]}
            )
        return queryset.filter(country=value)

    def filter_q(self, queryset, name, value):
        value = value.strip()[:100]
        return queryset.filter(Q(name__icontains=value) | Q(code__startswith=value))


def place_reference(**kwargs):
    return ReferenceSerializer(value="identifier", name=place_label(), **kwargs)


class PlaceSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    parent = place_reference(allow_null=True, help_text="The containing place")
    parents = serializers.SerializerMethodField(help_text="Every containing place, nearest first")
    covers = serializers.SerializerMethodField(help_text="For Leader areas: their municipalities")
    latitude = serializers.FloatField(
        source="point_latitude",
        allow_null=True,
        help_text="Where the maps put it (WGS 84): its centre, or for a Leader area without "
        "one of its own the mean of its municipalities'",
    )
    longitude = serializers.FloatField(source="point_longitude", allow_null=True)

    class Meta:
        model = Place
        fields = [
            "identifier",
            "kind",
            "code",
            "country",
            "name",
            "parent",
            "parents",
            "covers",
            "latitude",
            "longitude",
        ]

    def get_name(self, place) -> str:
        return place.label(self.context["language"])

    @extend_schema_field(place_reference(many=True))
    def get_parents(self, place):
        chain, current = [], place.parent
        while current is not None:
            chain.append(current)
            current = current.parent
        return place_reference(many=True, context=self.context).to_representation(chain)

    @extend_schema_field(place_reference(many=True))
    def get_covers(self, place):
        if place.kind != PlaceKind.LEADER_AREA:
            return []
        covered = place.covers.all()
        return place_reference(many=True, context=self.context).to_representation(covered)


@extend_schema_view(
    list=extend_schema(
        parameters=LOCALE_PARAMETERS[:1],
        responses={200: PlaceSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(
        parameters=LOCALE_PARAMETERS[:1], responses={200: PlaceSerializer, **ERROR_RESPONSES}
    ),
)
class PlaceViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.ReadOnlyModelViewSet):
    """Countries, regions, municipalities and Leader areas with official codes."""

    serializer_class = PlaceSerializer
    filterset_class = PlaceFilter
    lookup_field = "identifier"
    lookup_value_regex = r"[A-Za-z0-9-]+"
    queryset = (
        Place.objects.with_point()
        .select_related("parent__parent")
        .prefetch_related("covers")
        .order_by("country", "kind", "code")
    )


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q", help_text="Name or organisation number contains"
    )
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices)
    municipality = django_filters.ModelChoiceFilter(
        queryset=Place.objects.municipalities(),
        to_field_name="identifier",
        help_text="e.g. SE-0880",
    )
    region = django_filters.ModelChoiceFilter(
        queryset=Place.objects.of_kind(PlaceKind.REGION),
        to_field_name="identifier",
        field_name="municipality__parent",
        help_text="e.g. SE-08",
    )
    modified_since = IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only changes since then; removals are listed at /api/removed/.",
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "municipality", "region", "modified_since"]

    def filter_q(self, queryset, name, value):
        value = value.strip()[:100]
        return queryset.filter(Q(name__icontains=value) | Q(org_number__icontains=value))


class OrganisationSerializer(serializers.ModelSerializer):
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField(default=False)
    municipality = place_reference(allow_null=True)
    region = place_reference(source="municipality.parent", allow_null=True)
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="updated_at")
    website = OptionalURLField()
    source = SourceField()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "org_number",
            "municipality",
            "region",
            "website",
            "email",
            "phone",
            "description",
            "locale",
            "is_fallback",
            "html_url",
            "modified",
            "source",
        ]

    def get_html_url(self, organisation) -> str | None:
        index = self.context.get("network_index")
        if index is None:
            return None
        return self.context["request"].build_absolute_uri(
            index.organisations_url(organisation.slug)
        )


class MembershipSerializer(serializers.Serializer):
    network = serializers.CharField(source="page.title")
    url = serializers.SerializerMethodField()
    role = serializers.CharField()
    since = serializers.DateField(allow_null=True)

    def get_url(self, membership) -> str | None:
        url = membership.page.url
        return self.context["request"].build_absolute_uri(url) if url else None


class ContactSerializer(serializers.Serializer):
    """A person, with only the contact details they chose to publish."""

    name = serializers.CharField()
    role = serializers.CharField()
    email = OptionalEmailField(source="public_email", help_text="Only if public")
    phone = OptionalCharField(source="public_phone", help_text="Only if public")


class OrganisationDetailSerializer(OrganisationSerializer):
    available_languages = serializers.SerializerMethodField()
    networks = serializers.SerializerMethodField()
    people = serializers.SerializerMethodField()

    class Meta(OrganisationSerializer.Meta):
        fields = OrganisationSerializer.Meta.fields + ["available_languages", "networks", "people"]

    def get_available_languages(self, organisation) -> list[str]:
        return sorted(
            Organisation.objects.filter(translation_key=organisation.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )

    @extend_schema_field(MembershipSerializer(many=True))
    def get_networks(self, organisation):
        """Memberships of any language version, in the requested language's networks."""
        from apps.network.models import NetworkMembership

        rows = (
            NetworkMembership.objects.filter(
                organisation__translation_key=organisation.translation_key,
                page__live=True,
                page__locale=self.context["locale"],
            )
            .select_related("page")
            .order_by("page__title")
        )
        return MembershipSerializer(rows, many=True, context=self.context).data

    @extend_schema_field(ContactSerializer(many=True))
    def get_people(self, organisation):
        from apps.network.models import Person

        people = with_fallback(
            Person.objects.filter(organisation__translation_key=organisation.translation_key),
            self.context["locale"],
        ).order_by("name")
        return ContactSerializer(people, many=True, context=self.context).data


@extend_schema_view(
    list=extend_schema(
        parameters=LOCALE_PARAMETERS,
        responses={200: OrganisationSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(
        parameters=LOCALE_PARAMETERS,
        responses={200: OrganisationDetailSerializer, **ERROR_RESPONSES},
    ),
)
class OrganisationViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.ReadOnlyModelViewSet):
    """Organisations in the directory, in the requested language where translated."""

    filterset_class = OrganisationFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9]+"

    def get_serializer_class(self):
        return OrganisationDetailSerializer if self.action == "retrieve" else OrganisationSerializer

    def get_queryset(self):
        queryset = Organisation.objects.select_related(
            "locale", "municipality__parent"
        ).prefetch_related("provenance")
        if getattr(self, "swagger_fake_view", False):
            return queryset
        return with_fallback(queryset, self.locale, self.fallback).order_by("name", "pk")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["network_index"] = (
                NetworkIndexPage.objects.live().filter(locale=self.locale).first()
            )
        return context
