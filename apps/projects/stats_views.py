"""The funding statistics page, a route of the project database page (statistik/, statistics/).
Its URL holds the project filters, so a link such as "culture projects in Kalmar län 2017–2023"
(``?theme=culture&region=SE-08&year_from=2017&year_to=2023``) shows the same projects as the
database page and the downloads with those parameters."""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from apps.core.base_template import render
from apps.core.locale import with_fallback
from apps.network.models import Place, PlaceKind
from apps.projects.models import Currency, Theme
from apps.projects.query import ProjectFilter, filtered
from apps.projects.stats import BREAKDOWNS, funding_statistics
from apps.projects.stats_charts import chart

# Filters the page's form shows; any other filter in the URL is carried in hidden fields.
FORM_FILTERS = ("theme", "region", "year_from", "year_to", "currency")


def statistics_page(request, index_page):
    locale = index_page.locale
    params = request.GET
    filterset = filtered(params, locale)
    valid = filterset.is_valid()
    statistics = funding_statistics(filterset, locale) if valid else None
    filter_query = [
        (name, value)
        for name in ProjectFilter.base_filters
        if name != "ordering"
        for value in params.getlist(name)
        if value
    ]
    return render(
        request,
        "projects/project_statistics.html",
        {
            "page": index_page,
            "self": index_page,
            "title": _("Funding statistics"),
            "filter_errors": None if valid else filterset.form.errors,
            "statistics": statistics,
            "sections": _sections(statistics, filter_query, locale) if statistics else [],
            "filters": params,
            "hidden_filters": [pair for pair in filter_query if pair[0] not in FORM_FILTERS],
            "listing_query": urlencode(filter_query),
            "translation_url": lambda translated: (
                translated.statistics_url()
                + (f"?{urlencode(filter_query)}" if filter_query else "")
            ),
            "chosen_themes": params.getlist("theme"),
            "currency_choices": Currency.choices,
            "themes": with_fallback(Theme.objects.all(), locale).order_by("name"),
            "regions": _regions(locale.language_code),
        },
        status=200 if valid else 400,
    )


def _regions(language):
    regions = Place.objects.of_kind(PlaceKind.REGION).order_by("country", "name")
    return [(region.identifier, region.label(language)) for region in regions]


def _sections(statistics, filter_query, locale):
    """Per breakdown: its rows, and per currency a chart and its CSV link."""
    currencies = [row["currency"] for row in statistics["totals"]]
    sections = []
    for breakdown in BREAKDOWNS:
        rows = statistics["breakdowns"][breakdown.name]
        query = [("breakdown", breakdown.name), *filter_query, ("locale", locale.language_code)]
        sections.append(
            {
                "name": breakdown.name,
                "legend": breakdown.legend,
                "description": breakdown.description,
                "rows": rows,
                "in_kind": breakdown.name != "funder",
                "csv_url": f"/api/projects/stats.csv?{urlencode(query)}",
                "charts": [
                    {"currency": currency, "chart": drawn}
                    for currency in currencies
                    if (
                        drawn := chart(
                            [row for row in rows if row["currency"] == currency],
                            chronological=breakdown.name == "year",
                        )
                    )
                ],
            }
        )
    return sections
