"""One query definition for the project database, shared by the HTML pages, the JSON API and the
CSV/JSON exports, so a shared URL gives the same projects everywhere.

Everything stays in the database: filters are joins, facets are grouped counts over the filtered
result (one query per facet), and text search uses PostgreSQL's full-text search with each row's
own language dictionary (plain substring matching on SQLite). The text search is done here rather
than through Wagtail search because facets and exports need a queryset, not a result list.
"""

from datetime import date

import django_filters
from django import forms
from django.db.models import Case, Count, F, Q, When
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.core.api.filters import IsoDateFilter, IsoDateTimeFilter
from apps.core.locale import with_fallback
from apps.network.models import Organisation, Place, PlaceKind
from apps.projects.models import (
    FundingProgramme,
    ProjectPage,
    ProjectPlace,
    ProjectStatus,
    ProjectTheme,
    Theme,
)
from apps.projects.search import matching

ORDERINGS = {
    "newest": ("-first_published_at", "-pk"),
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


def _place_field(kind, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=Place.objects.filter(kind=kind),
        to_field_name="identifier",
        method="filter_place",
        **kwargs,
    )


class ProjectFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "amount_max", forms.ValidationError(_("Must not be smaller than amount_min."))
            )
        return data


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, help_text="Full-text search")
    theme = django_filters.MultipleChoiceFilter(
        choices=slug_choices(Theme),
        field_name="themes__theme__slug",
        distinct=True,
        help_text="Theme slug; repeat for any of several",
    )
    status = django_filters.ChoiceFilter(choices=ProjectStatus.choices, field_name="current_status")
    country = django_filters.ModelChoiceFilter(
        queryset=Place.objects.filter(kind=PlaceKind.COUNTRY),
        to_field_name="identifier",
        method="filter_country",
        help_text="ISO code, e.g. SE",
    )
    region = _place_field(PlaceKind.REGION, help_text="Region identifier, e.g. SE-08")
    municipality = _place_field(
        PlaceKind.MUNICIPALITY, help_text="Municipality identifier, e.g. SE-0884"
    )
    leader_area = _place_field(
        PlaceKind.LEADER_AREA, help_text="Leader area identifier, e.g. leader-alh"
    )
    programme = django_filters.ChoiceFilter(
        choices=slug_choices(FundingProgramme),
        field_name="funding_programme__slug",
        help_text="Funding programme slug",
    )
    funder = django_filters.ChoiceFilter(
        choices=slug_choices(Organisation), field_name="funder__slug", help_text="Organisation slug"
    )
    organisation = django_filters.ChoiceFilter(
        choices=slug_choices(Organisation),
        method="filter_organisation",
        help_text="Owner, partner or funder (organisation slug)",
    )
    year = django_filters.NumberFilter(
        method="filter_year", min_value=1900, max_value=2200, help_text="Active during this year"
    )
    active_on = IsoDateFilter(
        method="filter_active_on", help_text="Active on this date (YYYY-MM-DD)"
    )
    amount_min = django_filters.NumberFilter(
        field_name="amount_granted", lookup_expr="gte", min_value=0
    )
    amount_max = django_filters.NumberFilter(
        field_name="amount_granted", lookup_expr="lte", min_value=0
    )
    currency = django_filters.ChoiceFilter(choices=ProjectPage._meta.get_field("currency").choices)
    modified_since = IsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        help_text="Only items published since then; removals are listed at /api/removed/.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in [RELEVANCE, *ORDERINGS]],
        method="filter_ordering",
        empty_label=None,
        help_text="relevance (the default with q; newest without), newest, title, amount or start",
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

    def filter_country(self, queryset, name, value: Place):
        return queryset.filter(places__place__country=value.country).distinct()

    def filter_place(self, queryset, name, value: Place):
        place = value
        if place.kind == PlaceKind.REGION:
            condition = Q(places__place=place) | Q(places__place__parent=place)
        elif place.kind == PlaceKind.MUNICIPALITY:
            condition = Q(places__place=place) | Q(places__place__covers=place)
        else:
            condition = Q(places__place=place) | Q(places__place__leader_areas=place)
        return queryset.filter(condition).distinct()

    def filter_organisation(self, queryset, name, value: str):
        return queryset.filter(
            Q(owner_organisation__slug=value)
            | Q(funder__slug=value)
            | Q(partners__organisation__slug=value)
        ).distinct()

    def filter_year(self, queryset, name, value: int):
        year = int(value)
        return self._active_between(queryset, date(year, 1, 1), date(year, 12, 31))

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


def base_queryset(locale, fallback=True):
    """Live public projects in ``locale`` (plus marked originals where untranslated)."""
    queryset = ProjectPage.objects.live().public()
    return with_fallback(queryset, locale, fallback).with_status()


def filtered(params, locale, fallback=True):
    """Returns the bound ProjectFilter; check ``is_valid()`` before using ``.qs``."""
    return ProjectFilter(params, queryset=base_queryset(locale, fallback))


MATERIALISE_LIMIT = 5000


def _result_ids(queryset):
    """The filtered ids as a literal list when the result is small (bounded), so the eight facet
    queries do not each re-run the text search and fallback subqueries; a subquery otherwise."""
    pks = list(queryset.order_by().values_list("pk", flat=True)[: MATERIALISE_LIMIT + 1])
    return pks if len(pks) <= MATERIALISE_LIMIT else queryset.order_by().values("pk")


def _labels(model, slugs, locale):
    rows = with_fallback(model.objects.filter(slug__in=slugs), locale).values_list("slug", "name")
    return dict(rows)


def evaluate(result, locale, fallback=True):
    """The result queryset and its ids, from the filtered queryset (or the bound, valid
    ProjectFilter). A small result is narrowed to a literal id list once, so the count, the page
    and the facets do not each repeat the text search and fallback work."""
    queryset = getattr(result, "qs", result)
    ids = _result_ids(queryset)
    if isinstance(ids, list):
        queryset = (
            base_queryset(locale, fallback).filter(pk__in=ids).order_by(*queryset.query.order_by)
        )
    return queryset, ids


def facets(ids, locale):
    """Counts per filter value for the result ``ids``, each with its label in ``locale``."""
    language = locale.language_code
    result = {}

    status_counts = (
        ProjectPage.objects.filter(pk__in=ids)
        .with_status()
        .order_by()
        .values("current_status")
        .annotate(n=Count("pk"))
    )
    result["status"] = [
        {
            "value": row["current_status"],
            "label": _status_label(row["current_status"], language),
            "count": row["n"],
        }
        for row in sorted(
            status_counts, key=lambda row: list(ProjectStatus.values).index(row["current_status"])
        )
    ]

    theme_counts = dict(
        ProjectTheme.objects.filter(page__in=ids)
        .order_by()
        .values("theme__slug")
        .annotate(n=Count("page", distinct=True))
        .values_list("theme__slug", "n")
    )
    labels = _labels(Theme, theme_counts, locale)
    result["theme"] = _sorted_facet(theme_counts, labels)

    place_rows = ProjectPlace.objects.filter(page__in=ids).order_by()
    for facet, condition, key in (
        ("country", Q(), "place__country"),
        ("region", Q(place__kind=PlaceKind.REGION) | Q(place__kind=PlaceKind.MUNICIPALITY), None),
        ("municipality", Q(place__kind=PlaceKind.MUNICIPALITY), "place__identifier"),
        ("leader_area", Q(place__kind=PlaceKind.LEADER_AREA), "place__identifier"),
    ):
        if key is None:
            region = Case(
                When(place__kind=PlaceKind.REGION, then=F("place__identifier")),
                default=F("place__parent__identifier"),
            )
            counts_qs = place_rows.filter(condition).annotate(key=region)
        else:
            counts_qs = place_rows.filter(condition).annotate(key=F(key))
        counts = dict(
            counts_qs.values("key").annotate(n=Count("page", distinct=True)).values_list("key", "n")
        )
        names = {
            place.identifier: place.label(language)
            for place in Place.objects.filter(identifier__in=[k for k in counts if k])
        }
        result[facet] = _sorted_facet({k: v for k, v in counts.items() if k}, names)

    programme_counts = dict(
        ProjectPage.objects.filter(pk__in=ids, funding_programme__isnull=False)
        .order_by()
        .values("funding_programme__slug")
        .annotate(n=Count("pk"))
        .values_list("funding_programme__slug", "n")
    )
    result["programme"] = _sorted_facet(
        programme_counts, _labels(FundingProgramme, programme_counts, locale)
    )

    funder_counts = dict(
        ProjectPage.objects.filter(pk__in=ids, funder__isnull=False)
        .order_by()
        .values("funder__slug")
        .annotate(n=Count("pk"))
        .values_list("funder__slug", "n")
    )
    result["funder"] = _sorted_facet(funder_counts, _labels(Organisation, funder_counts, locale))
    return result


def _status_label(value, language):
    with translation.override(language):
        return str(ProjectStatus(value).label)


def _sorted_facet(counts, labels):
    items = [
        {"value": value, "label": labels.get(value, value), "count": count}
        for value, count in counts.items()
    ]
    return sorted(items, key=lambda item: (-item["count"], item["label"]))
