"""One query definition for the project database, shared by the HTML pages, the JSON API and the
CSV/JSON exports, so a shared URL gives the same projects everywhere.

Everything stays in the database: filters are joins, facets (``facets.py``) are grouped counts
over subqueries of the filtered result, and text search uses PostgreSQL's full-text search with
each row's own language dictionary (plain substring matching on SQLite). The text search is done
here rather than through Wagtail search because facets and exports need a queryset, not a result
list. Amounts are compared only within one currency: ordering or filtering by amount needs
``currency``, because there is no exchange rate to compare SEK with DKK.
"""

from datetime import date

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from apps.core.api.filters import IsoDateFilter, IsoDateTimeFilter
from apps.core.locale import with_fallback
from apps.network.models import Organisation, Place, PlaceKind
from apps.projects.facets import BY_NAME, has_values
from apps.projects.models import (
    FundingProgramme,
    ProjectPage,
    ProjectStatus,
    ProjectTranslation,
    Theme,
    TranslationOrigin,
)
from apps.projects.search import matching, reads_documents, within_themes

ORDERINGS = {
    "newest": ("-newest_order", "-pk"),
    "title": ("title", "pk"),
    "amount": (F("amount_granted").desc(nulls_last=True), "pk"),
    "start": (F("start_date").asc(nulls_last=True), "pk"),
}
RELEVANCE = "relevance"


def slug_choices(model):
    """Every slug in use (identical in all locales), read when a form is built."""
    return lambda: [
        (slug, slug) for slug in model.objects.order_by().values_list("slug", flat=True).distinct()
    ]


def _facet(choices, **kwargs):
    """A facet's filter: repeat the parameter for any of several values."""
    return django_filters.MultipleChoiceFilter(choices=choices, method="filter_facet", **kwargs)


def _place_field(kind, **kwargs):
    return django_filters.ModelMultipleChoiceFilter(
        queryset=Place.objects.filter(kind=kind),
        to_field_name="identifier",
        method="filter_facet",
        **kwargs,
    )


AMOUNT_NEEDS_CURRENCY = _(
    "Choose a currency to sort or filter by amount: amounts in different currencies are not "
    "compared."
)


class ProjectFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "amount_max", forms.ValidationError(_("Must not be smaller than amount_min."))
            )
        first, last = data.get("year_from"), data.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error("year_to", forms.ValidationError(_("Must not be before year_from.")))
        by_amount = data.get("ordering") == "amount" or low is not None or high is not None
        if by_amount and not data.get("currency") and "currency" not in self.errors:
            self.add_error("currency", forms.ValidationError(AMOUNT_NEEDS_CURRENCY))
        return data


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, help_text="Full-text search")
    theme = _facet(slug_choices(Theme), help_text="Theme slug; repeat for any of several")
    status = _facet(ProjectStatus.choices, help_text="Status; repeat for any of several")
    country = _place_field(PlaceKind.COUNTRY, help_text="ISO code, e.g. SE; repeat for any")
    region = _place_field(PlaceKind.REGION, help_text="Region identifier, e.g. SE-08")
    municipality = _place_field(
        PlaceKind.MUNICIPALITY, help_text="Municipality identifier, e.g. SE-0884"
    )
    leader_area = _place_field(
        PlaceKind.LEADER_AREA, help_text="Leader area identifier, e.g. leader-alh"
    )
    programme = _facet(slug_choices(FundingProgramme), help_text="Funding programme slug")
    funder = _facet(slug_choices(Organisation), help_text="Funder (organisation slug)")
    organisation = _facet(
        slug_choices(Organisation), help_text="Owner, partner or funder (organisation slug)"
    )
    year = django_filters.NumberFilter(
        method="filter_year", min_value=1900, max_value=2200, help_text="Active during this year"
    )
    year_from = django_filters.NumberFilter(
        method="filter_year_from",
        min_value=1900,
        max_value=2200,
        help_text="Active in this year or later (with `year_to`: at some time in the range)",
    )
    year_to = django_filters.NumberFilter(
        method="filter_year_to",
        min_value=1900,
        max_value=2200,
        help_text="Active in this year or earlier (started by its end)",
    )
    active_on = IsoDateFilter(
        method="filter_active_on", help_text="Active on this date (YYYY-MM-DD)"
    )
    amount_min = django_filters.NumberFilter(
        field_name="amount_granted",
        lookup_expr="gte",
        min_value=0,
        help_text="Amount granted at least this much; needs `currency`",
    )
    amount_max = django_filters.NumberFilter(
        field_name="amount_granted",
        lookup_expr="lte",
        min_value=0,
        help_text="Amount granted at most this much; needs `currency`",
    )
    currency = django_filters.ChoiceFilter(
        choices=ProjectPage._meta.get_field("currency").choices,
        help_text=(
            "Only amounts in this currency. Required with ordering=amount, amount_min and "
            "amount_max: amounts in different currencies are never compared (there is no "
            "exchange rate), so without it those answer 400."
        ),
    )
    modified_since = IsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        help_text="Only items published since then; removals are listed at /api/removed/.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in [RELEVANCE, *ORDERINGS]],
        method="filter_ordering",
        empty_label=None,
        help_text=(
            "relevance (the default with q; newest without), newest, title, amount (needs "
            "`currency`) or start"
        ),
    )

    class Meta:
        model = ProjectPage
        fields = []
        form = ProjectFilterForm

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        queryset, self._search_rank = matching(queryset, value)
        return queryset

    def filter_facet(self, queryset, name, value: list):
        """Projects with any of the values (places arrive as rows, the rest as codes). The hint
        tells drf-spectacular the values are strings in the schema (repeated parameters). With
        a text search on PostgreSQL, themes are read off the search documents it joins."""
        if not has_values(value):
            return queryset
        if name == "theme" and reads_documents(queryset, self.form.cleaned_data.get("q") or ""):
            return within_themes(queryset, value)
        return queryset.filter(BY_NAME[name].matching(value))

    def filter_year(self, queryset, name, value: int):
        year = int(value)
        return self._active_between(queryset, date(year, 1, 1), date(year, 12, 31))

    def filter_year_from(self, queryset, name, value):
        """Like ``year``, a project without dates is never active in a year."""
        return queryset.filter(start_date__isnull=False).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date(int(value), 1, 1))
        )

    def filter_year_to(self, queryset, name, value):
        return queryset.filter(start_date__lte=date(int(value), 12, 31))

    def filter_active_on(self, queryset, name, day):
        return self._active_between(queryset, day, day)

    @staticmethod
    def _active_between(queryset, first, last):
        return queryset.filter(start_date__lte=last).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=first)
        )

    def filter_ordering(self, queryset, name, value):
        return queryset.order_by(*self._ordering(value))

    def _ordering(self, value):
        """Relevance needs a text search; without one it is the same as newest."""
        rank = getattr(self, "_search_rank", None)
        if value == RELEVANCE and rank is not None:
            return (rank.desc(), *ORDERINGS["newest"])
        return ORDERINGS.get(value, ORDERINGS["newest"])

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("ordering"):
            queryset = queryset.order_by(*self._ordering(RELEVANCE))
        return queryset

    def queryset_without(self, name):
        """The result of every filter but ``name``: what facet ``name`` counts. Only on a valid
        filterset."""
        if not has_values(self.form.cleaned_data.get(name)):
            return self.qs
        queryset = self.queryset
        for other, value in self.form.cleaned_data.items():
            if other != name:
                queryset = self.filters[other].filter(queryset, value)
        return queryset


def without_untranslated_copies(queryset):
    """Drop language versions that are still the original's text (origin NONE), so listings and
    the API show the original instead, marked as a fallback."""
    copies = ProjectTranslation.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale=OuterRef("locale"),
        origin=TranslationOrigin.NONE,
    )
    return queryset.exclude(Exists(copies))


def base_queryset(locale, fallback=True):
    """Live public projects in ``locale`` (plus marked originals where untranslated)."""
    queryset = without_untranslated_copies(ProjectPage.objects.live().public())
    return with_fallback(queryset, locale, fallback).with_status()


def filtered(params, locale, fallback=True):
    """Returns the bound ProjectFilter; check ``is_valid()`` before using ``.qs``."""
    return ProjectFilter(params, queryset=base_queryset(locale, fallback))
