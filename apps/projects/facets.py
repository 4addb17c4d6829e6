"""The project database's facets, defined once for filtering and for counting, so a facet's count
is always what choosing that value gives.

A facet is a list of sources; a source is a table of (value, project) rows: a theme row gives
(theme slug, project), a Leader-area place gives (each municipality it covers, project). Filtering
by values keeps the projects with a matching row in any source (OR within a facet); counting
groups the rows of the projects in a result (each project once per value). Counts are
disjunctive: each facet counts the result of every filter but its own, so a facet's other
values stay visible with the projects they would add, and the counts of different facets
intersect. All facets are counted in one grouped query in which each distinct filtered result is
computed once; the result's ids never travel as literal lists (issue 19).

Who funds a project is defined once (`FUNDER`), for the funder and the organisation facets.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.core.locale import with_fallback
from apps.network.models import Organisation, Place
from apps.projects.models import (
    FundingProgramme,
    ProjectFunder,
    ProjectPage,
    ProjectPartner,
    ProjectPlace,
    ProjectPlaceReach,
    ProjectStatus,
    ProjectTheme,
    Theme,
)


@dataclass(frozen=True)
class Source:
    """Rows linking a project (``project``: the path to its pk) to a facet value (``value``)."""

    rows: object  # a callable returning the rows' queryset, read at query time
    value: str
    project: str = "page"
    by_place: bool = False  # filter on the chosen places' keys, not their codes

    def matching(self, values):
        """A condition on projects: one of its rows has one of ``values`` (codes, or the Place
        rows a place filter chose). Filtering on place keys rather than joining the place by its
        code lets PostgreSQL use each place's own row count: a region reaches a hundred times
        more projects than a municipality, and estimated as an average place it was planned as
        a scan of every project (issue 19)."""
        if self.by_place:
            lookup = {"place__in": [getattr(value, "pk", value) for value in values]}
        else:
            lookup = {
                f"{self.value}__in": [getattr(value, "identifier", value) for value in values]
            }
        if self.project == "pk":
            return Q(**lookup)
        return Q(pk__in=self.rows().filter(**lookup).values(self.project))

    def pairs(self, projects):
        """(facet_value, project) rows of the projects in the subquery ``projects``."""
        return (
            self.rows()
            .filter(**{f"{self.project}__in": projects, f"{self.value}__isnull": False})
            .order_by()
            .values(facet_value=F(self.value), project=F(self.project))
        )


def _projects():
    return ProjectPage.objects.all()


FUNDER = Source(lambda: ProjectFunder.objects, "organisation__slug")


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    sources: tuple
    labels: str = "code"  # which vocabulary names the values
    multiple: bool = True  # checkboxes; currency is one choice, as amounts need exactly one

    def matching(self, values):
        condition = Q()
        for source in self.sources:
            condition |= source.matching(values)
        return condition

    def pairs(self, projects):
        """(facet_value, project) rows of every source, for the projects in ``projects``."""
        return [source.pairs(projects) for source in self.sources]


def _place_facet(name, legend):
    """A place kind reached from a project's place itself or one step along the place chain (a
    region from its municipalities, a municipality from the Leader areas covering it, and back),
    read from the rows ``place_reach`` keeps for each project."""
    rows = lambda: ProjectPlaceReach.objects.filter(facet=name)  # noqa: E731
    return Facet(name, legend, (Source(rows, "place__identifier", by_place=True),), labels="place")


FACETS = (
    Facet(
        "status",
        _("Status"),
        (Source(lambda: ProjectPage.objects.with_status(), "current_status", "pk"),),
        labels="status",
    ),
    Facet("theme", _("Theme"), (Source(lambda: ProjectTheme.objects, "theme__slug"),), "theme"),
    Facet(
        "country", _("Country"), (Source(lambda: ProjectPlace.objects, "place__country"),), "place"
    ),
    _place_facet("region", _("Region")),
    _place_facet("municipality", _("Municipality")),
    _place_facet("leader_area", _("Leader area")),
    Facet(
        "programme",
        _("Funding programme"),
        (Source(_projects, "funding_programme__slug", "pk"),),
        "programme",
    ),
    Facet("funder", _("Funder"), (FUNDER,), "organisation"),
    Facet(
        "organisation",
        _("Organisation"),
        (
            Source(_projects, "owner_organisation__slug", "pk"),
            FUNDER,
            Source(lambda: ProjectPartner.objects, "organisation__slug"),
        ),
        "organisation",
    ),
    Facet(
        "currency",
        _("Currency"),
        (Source(_projects, "currency", "pk"),),
        multiple=False,
    ),
)
BY_NAME = {facet.name: facet for facet in FACETS}


def count_and_facets(filterset, locale):
    """The number of projects in the filtered result and, per facet, its values there with
    counts and labels in ``locale``. Values the request chose are listed even at zero, so they
    can be unchosen."""
    total, counts = _count_all(filterset)
    for facet in FACETS:
        for value in _chosen(filterset.data, facet.name):
            counts[facet.name].setdefault(value, 0)
    labels = _labels(counts, locale)
    return total, {
        facet.name: _sorted(counts[facet.name], labels[facet.labels], facet.name == "status")
        for facet in FACETS
    }


def has_values(value):
    """Whether a facet's filter has values. A place filter left out cleans to ``.none()``, and
    ``bool()`` of a queryset runs it: four queries built and compiled on every request."""
    if isinstance(value, QuerySet):
        return not value.query.is_empty()
    return bool(value)


def _count_all(filterset):
    """(projects in the result, {facet: {value: projects}}) in one query. Each distinct result
    counted (the whole result, and per chosen facet the result without that facet's filter) is a
    CTE, so it is computed once however many sources read it, and every source's rows meet it
    through ``IN (SELECT id FROM …)``. The ORM cannot write a CTE or group a UNION, so the
    SQL Django compiles for each part (values passed as parameters) is joined here; only
    generated aliases and quoted column names are added."""
    results, aliases = {}, {None: ("facet_result_0", filterset.qs)}
    for facet in FACETS:
        chosen = facet.name if has_values(filterset.form.cleaned_data.get(facet.name)) else None
        if chosen not in aliases:
            aliases[chosen] = (f"facet_result_{len(aliases)}", filterset.queryset_without(chosen))
        results[facet.name] = aliases[chosen][0]
    connection = connections[filterset.qs.db]
    ctes, params, empty = [], [], set()
    for alias, queryset in aliases.values():
        try:
            sql, cte_params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # e.g. a search with no searchable words
            empty.add(alias)
            continue
        ctes.append(f"{alias} (id) AS ({sql})")
        params.extend(cte_params)
    value, project = (connection.ops.quote_name(name) for name in ("facet_value", "project"))
    # A fence on PostgreSQL: it underestimated the place chains (a Leader area's municipalities,
    # before place_reach) at one row and then rescanned the whole result once per row (2.1 s at
    # 20 000 projects); behind OFFSET 0 the result is hashed once instead. Without the chains,
    # the fence made no measurable difference either way (2026-12-03), so it stays.
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    selects = []
    for number, facet in enumerate(FACETS):
        if results[facet.name] in empty:
            continue
        result = RawSQL(f"SELECT id FROM {results[facet.name]}{fence}", ())  # noqa: S608, S611
        for pairs in facet.pairs(result):
            sql, pair_params = pairs.query.sql_with_params()
            selects.append(
                f"SELECT {number} AS facet, {value}, {project} FROM ({sql}) pairs_{len(selects)}"  # noqa: S608
            )
            params.extend(pair_params)
    if "facet_result_0" not in empty:
        selects.append("SELECT -1, '', id FROM facet_result_0")  # the total
    total, counts = 0, {facet.name: {} for facet in FACETS}
    if not selects:
        return total, counts
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {', '.join(ctes)} SELECT facet, {value}, COUNT(DISTINCT {project}) "  # noqa: S608
            f"FROM ({' UNION ALL '.join(selects)}) pairs GROUP BY facet, {value}",
            params,
        )
        for number, facet_value, count in cursor.fetchall():
            if number < 0:
                total = count
            else:
                counts[FACETS[number].name][facet_value] = count
    return total, counts


def _chosen(data, name):
    values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
    return [value for value in values if value]


def _labels(counts, locale):
    """{vocabulary: {value: label}}, one query per vocabulary that has values."""
    wanted = {}
    for facet in FACETS:
        wanted.setdefault(facet.labels, set()).update(counts[facet.name])
    language = locale.language_code
    labels = {"code": {}}
    with translation.override(language):
        labels["status"] = {value: str(label) for value, label in ProjectStatus.choices}
    places = Place.objects.filter(identifier__in=wanted["place"]) if wanted["place"] else []
    labels["place"] = {place.identifier: place.label(language) for place in places}
    for vocabulary, model in (
        ("theme", Theme),
        ("programme", FundingProgramme),
        ("organisation", Organisation),
    ):
        slugs = wanted[vocabulary]
        labels[vocabulary] = (
            dict(
                with_fallback(model.objects.filter(slug__in=slugs), locale).values_list(
                    "slug", "name"
                )
            )
            if slugs
            else {}
        )
    return labels


def _sorted(counts, labels, in_declared_order=False):
    items = [
        {"value": value, "label": labels.get(value, value), "count": count}
        for value, count in counts.items()
    ]
    if in_declared_order:
        order = list(ProjectStatus.values)
        return sorted(items, key=lambda item: order.index(item["value"]))
    return sorted(items, key=lambda item: (-item["count"], item["label"]))


def labels_of(values, locale):
    """{vocabulary: {value: label}} for ``values`` ({facet name: values}) in ``locale``: the
    funding statistics (apps.projects.stats) name their rows as the facets do."""
    return _labels({facet.name: values.get(facet.name, ()) for facet in FACETS}, locale)
