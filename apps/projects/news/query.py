"""One definition of "the news" shared by the HTML listing, the feeds and the API: live, public,
already published posts (a scheduled post is not live until its go-live time), in the requested
language or marked originals, newest first."""

import django_filters
from django.db.models import DateField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length, Substr, TruncDate
from drf_spectacular.utils import extend_schema_field

from apps.core.api.filters import IsoDateFilter, IsoDateTimeFilter
from apps.core.locale import with_fallback
from apps.projects.models import ProjectPage, ProjectPostPage, Theme
from apps.projects.query import slug_choices

STEPLEN = ProjectPage.steplen


def _parent_path():
    return Substr(OuterRef("path"), 1, Length(OuterRef("path")) - STEPLEN)


def base_queryset(locale, fallback=True):
    parent_project = ProjectPage.objects.filter(path=_parent_path())
    queryset = with_fallback(ProjectPostPage.objects.live().public(), locale, fallback)
    return queryset.annotate(
        pub_date=Coalesce("date", TruncDate("first_published_at"), output_field=DateField()),
        project_title=Subquery(parent_project.values("title")[:1]),
        project_identifier=Subquery(parent_project.values("identifier")[:1]),
    ).order_by("-pub_date", "-pk")


class PostFilter(django_filters.FilterSet):
    project = django_filters.CharFilter(
        method="filter_project", max_length=40, help_text="Project identifier"
    )
    tag = django_filters.CharFilter(
        field_name="tags__slug", max_length=100, distinct=True, help_text="Tag slug"
    )
    theme = django_filters.ChoiceFilter(
        choices=slug_choices(Theme),
        method="filter_theme",
        help_text="Theme slug (via the post's project)",
    )
    year = extend_schema_field({"type": "integer", "description": "Posts dated in this year"})(
        django_filters.NumberFilter(field_name="pub_date__year", min_value=1900, max_value=2200)
    )
    q = django_filters.CharFilter(method="filter_q", max_length=200)
    published_after = IsoDateFilter(
        field_name="pub_date", lookup_expr="gte", help_text="Only posts dated on or after this day"
    )
    modified_since = IsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        help_text="Only items published since then; removals are listed at /api/removed/.",
    )

    class Meta:
        model = ProjectPostPage
        fields = []

    def filter_project(self, queryset, name, identifier):
        under = Exists(ProjectPage.objects.filter(path=_parent_path(), identifier=identifier))
        return queryset.filter(
            under | Q(related_projects__project__identifier=identifier)
        ).distinct()

    def filter_theme(self, queryset, name, value: str):
        slug = value
        under = Exists(ProjectPage.objects.filter(path=_parent_path(), themes__theme__slug=slug))
        return queryset.filter(
            under | Q(related_projects__project__themes__theme__slug=slug)
        ).distinct()

    def filter_q(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(Q(title__icontains=value) | Q(lead__icontains=value))
            if value
            else queryset
        )


def filtered(params, locale, fallback=True):
    return PostFilter(params, queryset=base_queryset(locale, fallback))
