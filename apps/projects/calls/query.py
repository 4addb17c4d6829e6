"""One definition of "the calls" for the HTML listing, the API and the deadline feed: live,
public calls in the requested language (or marked originals), with their status computed in the
database, so a filter on status is a WHERE clause and never a loop over every call."""

import django_filters
from django.db.models import Q

from apps.core.api.filters import IsoDateTimeFilter
from apps.core.locale import with_fallback
from apps.network.models import Organisation, Place, PlaceKind
from apps.projects.models import ApplicantKind, CallStatus, FundingCallPage, Theme
from apps.projects.query import slug_choices


class CallFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=CallStatus.choices,
        method="filter_status",
        help_text="Repeat for any of several; `open` includes calls closing soon",
    )
    funder = django_filters.ChoiceFilter(
        choices=slug_choices(Organisation), field_name="funder__slug", help_text="Organisation slug"
    )
    theme = django_filters.MultipleChoiceFilter(
        choices=slug_choices(Theme),
        field_name="themes__theme__slug",
        distinct=True,
        help_text="Theme slug; repeat for any of several",
    )
    eligible_applicant = django_filters.ChoiceFilter(
        choices=ApplicantKind.choices, method="filter_applicant"
    )
    area = django_filters.ModelChoiceFilter(
        queryset=Place.objects.all(),
        to_field_name="identifier",
        method="filter_area",
        help_text="Place identifier; calls whose eligible area includes it",
    )
    closes_before = IsoDateTimeFilter(
        field_name="deadline",
        lookup_expr="lt",
        help_text="Next (or last) deadline before this ISO 8601 date or date-time",
    )
    closes_after = IsoDateTimeFilter(
        field_name="deadline",
        lookup_expr="gte",
        help_text="Next (or last) deadline at or after this ISO 8601 date or date-time",
    )
    modified_since = IsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        help_text="Only items published since then; removals are listed at /api/removed/.",
    )

    class Meta:
        model = FundingCallPage
        fields = []

    def filter_status(self, queryset, name, values):
        """A call closing soon is still open: a reader asking for open calls wants it most."""
        wanted = set(values)
        if CallStatus.OPEN in wanted:
            wanted.add(CallStatus.CLOSING_SOON)
        return queryset.filter(current_status__in=wanted)

    def filter_applicant(self, queryset, name, kind):
        return queryset.filter(eligible_applicants__kind=kind).distinct()

    def filter_area(self, queryset, name, value: Place):
        """The call's area is the place itself or contains it: its region, a Leader area that
        covers it, or its country."""
        place = value
        condition = Q(places__place=place) | Q(
            places__place__kind=PlaceKind.COUNTRY, places__place__country=place.country
        )
        if place.parent_id:
            condition |= Q(places__place_id=place.parent_id)
        if place.kind == PlaceKind.MUNICIPALITY:
            condition |= Q(places__place__covers=place)
        return queryset.filter(condition).distinct()


def base_queryset(locale, fallback=True, now=None):
    queryset = FundingCallPage.objects.live().public()
    return with_fallback(queryset, locale, fallback).with_status(now).reader_order()


def filtered(params, locale, fallback=True, now=None):
    """The bound CallFilter; check ``is_valid()`` before ``.qs``."""
    return CallFilter(params, queryset=base_queryset(locale, fallback, now))
