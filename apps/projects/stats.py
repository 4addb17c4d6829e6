"""Funding statistics of a filtered project result: per currency, how many projects, how much was
granted and how much in-kind value was given, in total and broken down by theme, place, funder,
programme and year.

Amounts are never added across currencies (there is no exchange rate), so every figure is per
currency. What each breakdown counts:

- theme, region, municipality, Leader area: a project counts once under every value it has, the
  place values as the place filters reach them (a municipality counts for its region and the
  Leader areas covering it), so a breakdown's rows may add up to more than the total;
- funder: each funder's own share (`ProjectFunder.amount`), not the whole grant; in-kind value
  is the project's, not a funder's, so it is not given per funder;
- programme: the project's funding programme;
- year: the year of the award date, or where none is recorded the year the project started.

Projects without a value (no theme, no date) are in the totals but in no row of that breakdown.
Everything is a fixed number of grouped queries over the filtered result, however many projects
it holds. The place and theme rows are deduplicated in SQL before they are summed: a project that
reaches a region twice (the region itself and one of its municipalities) counts once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import CharField, Count, F, Q, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

from apps.projects.facets import BY_NAME, labels_of
from apps.projects.models import ProjectFunder, ProjectPage

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Breakdown:
    name: str
    legend: str
    description: str
    vocabulary: str = ""  # the facets' label vocabulary naming the values (none: the value)


COUNTED_UNDER_EACH = _(
    "A project counts once under every value it has, so the rows may add up to more than the total."
)
BREAKDOWNS = (
    Breakdown("theme", _("Theme"), COUNTED_UNDER_EACH, "theme"),
    Breakdown("region", _("Region"), COUNTED_UNDER_EACH, "place"),
    Breakdown("municipality", _("Municipality"), COUNTED_UNDER_EACH, "place"),
    Breakdown("leader_area", _("Leader area"), COUNTED_UNDER_EACH, "place"),
    Breakdown(
        "funder",
        _("Funder"),
        _("Each funder's own share of the grants, not the whole grant; no in-kind value."),
        "organisation",
    ),
    Breakdown(
        "programme", _("Funding programme"), _("The project's funding programme."), "programme"
    ),
    Breakdown(
        "year",
        _("Year"),
        _("The year the grant was awarded, or where no award date is recorded, the start year."),
    ),
)
BY_BREAKDOWN = {breakdown.name: breakdown for breakdown in BREAKDOWNS}
# Many-valued: the facets' (value, project) rows, deduplicated in SQL before summing.
MANY_VALUED = ("theme", "region", "municipality", "leader_area")
SUMS = {
    "projects": Count("pk"),
    "with_amount": Count("amount_granted"),
    "granted": Sum("amount_granted"),
    "in_kind": Sum("in_kind_value"),
}


def _money(value):
    """Sums as exact cents (SQLite sums decimals as floating point)."""
    return Decimal(str(value or 0)).quantize(CENT)


def _figures(currency, projects, with_amount, granted, in_kind):
    return {
        "currency": currency,
        "projects": projects,
        "projects_with_amount": with_amount,
        "amount": _money(granted),
        "in_kind_value": _money(in_kind),
    }


def _grouped(queryset):
    """Rows of ``queryset`` (annotated with ``value``) grouped by value and currency."""
    return [
        {"value": row.pop("value"), **_figures(**row)}
        for row in queryset.values("value", "currency").annotate(**SUMS)
    ]


def funding_statistics(filterset, locale):
    """{"projects", "totals", "breakdowns"} of a valid ProjectFilter, labels in ``locale``."""
    result = filterset.qs.order_by().values("pk")
    projects = ProjectPage.objects.filter(pk__in=result).order_by()
    totals = [
        _figures(**row) for row in projects.values("currency").annotate(**SUMS).order_by("currency")
    ]
    year = Cast(ExtractYear(Coalesce("award_date", "actual_start", "planned_start")), CharField())
    rows = {
        **_many_valued(result),
        "programme": _grouped(
            projects.annotate(value=F("funding_programme__slug")).filter(value__isnull=False)
        ),
        "year": _grouped(projects.annotate(value=year).filter(value__isnull=False)),
        "funder": [
            {"value": row.pop("value"), **_figures(**row, in_kind=None), "in_kind_value": None}
            for row in ProjectFunder.objects.filter(page__in=result)
            .order_by()
            .values(value=F("organisation__slug"), currency=F("page__currency"))
            .annotate(
                projects=Count("page", distinct=True),
                with_amount=Count("page", filter=Q(amount__isnull=False), distinct=True),
                granted=Sum("amount"),
            )
        ],
    }
    labels = labels_of(
        {name: {row["value"] for row in found} for name, found in rows.items()}, locale
    )
    breakdowns = {}
    for breakdown in BREAKDOWNS:
        names = labels.get(breakdown.vocabulary, {})
        for row in rows[breakdown.name]:
            row["label"] = names.get(row["value"], row["value"])
        breakdowns[breakdown.name] = sorted(rows[breakdown.name], key=_order(breakdown.name))
    return {
        "projects": sum(row["projects"] for row in totals),
        "totals": totals,
        "breakdowns": breakdowns,
    }


def _order(name):
    if name == "year":
        return lambda row: (row["currency"], row["value"])
    return lambda row: (row["currency"], -row["amount"], -row["projects"], row["label"])


def _many_valued(result):
    """{breakdown: rows} of the many-valued breakdowns in one query. The filtered result is a
    CTE computed once; each facet source's (value, project) rows are made distinct per breakdown
    and joined to their project's amounts. As for the facets' counts (apps.projects.facets), the
    ORM cannot write a CTE or group a UNION, so Django's SQL for each part is joined here; only
    aliases and quoted column names are added."""
    found = {name: [] for name in MANY_VALUED}
    try:
        result_sql, params = result.query.sql_with_params()
    except EmptyResultSet:  # e.g. a search with no searchable words
        return found
    connection = connections[result.db]
    quote = connection.ops.quote_name
    value, project = quote("facet_value"), quote("project")
    # The facets' fence (apps.projects.facets): PostgreSQL hashes the result once instead of
    # rescanning it for every row of the place chains it underestimates.
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    ids = RawSQL(f"SELECT id FROM stats_result{fence}", ())  # noqa: S608, S611
    selects, params = [], list(params)
    for number, name in enumerate(MANY_VALUED):
        for pairs in BY_NAME[name].pairs(ids):
            sql, pair_params = pairs.query.sql_with_params()
            selects.append(
                f"SELECT {number} AS breakdown, {value}, {project} FROM ({sql}) s{len(selects)}"  # noqa: S608
            )
            params.extend(pair_params)
    meta = ProjectPage._meta
    currency, granted, in_kind = (
        quote(meta.get_field(name).column)
        for name in ("currency", "amount_granted", "in_kind_value")
    )
    sql = (
        f"WITH stats_result (id) AS ({result_sql}) "  # noqa: S608
        f"SELECT pairs.breakdown, pairs.{value}, p.{currency}, COUNT(*), COUNT(p.{granted}), "
        f"SUM(p.{granted}), SUM(p.{in_kind}) "
        f"FROM (SELECT DISTINCT breakdown, {value}, {project} "
        f"FROM ({' UNION ALL '.join(selects)}) united) pairs "
        f"JOIN {quote(meta.db_table)} p ON p.{quote(meta.pk.column)} = pairs.{project} "
        f"GROUP BY pairs.breakdown, pairs.{value}, p.{currency}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for number, facet_value, *figures in cursor.fetchall():
            found[MANY_VALUED[number]].append({"value": facet_value, **_figures(*figures)})
    return found
