"""The funding statistics of any filtered project result, as JSON and, one breakdown at a time,
as CSV. They take exactly the project listing's filters (the same filterset and its 400s), so a
statistic and the listing or export with the same parameters describe the same projects."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES, BadParameter
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.spreadsheet import safe_cell
from apps.projects.api import ProjectViewSet
from apps.projects.stats import BREAKDOWNS, BY_BREAKDOWN, funding_statistics

AMOUNT = {"max_digits": 20, "decimal_places": 2}


class FiguresSerializer(serializers.Serializer):
    currency = serializers.CharField(help_text="Every figure of the row is in this currency.")
    projects = serializers.IntegerField()
    projects_with_amount = serializers.IntegerField(
        help_text="How many of them have a recorded amount (the others add nothing to `amount`)."
    )
    amount = serializers.DecimalField(**AMOUNT, help_text="Sum of the amounts granted")
    in_kind_value = serializers.DecimalField(
        **AMOUNT, help_text="Sum of the in-kind and volunteer value"
    )


class BreakdownRowSerializer(FiguresSerializer):
    value = serializers.CharField(help_text="The value's code, as its filter takes it")
    label = serializers.CharField(help_text="Its name in the requested language")
    in_kind_value = serializers.DecimalField(**AMOUNT, allow_null=True, help_text="null per funder")


class BreakdownsSerializer(serializers.Serializer):
    def get_fields(self):
        return {
            breakdown.name: BreakdownRowSerializer(
                many=True, help_text=f"{breakdown.legend}: {breakdown.description}"
            )
            for breakdown in BREAKDOWNS
        }


class StatisticsSerializer(serializers.Serializer):
    projects = serializers.IntegerField(help_text="Projects in the filtered result")
    totals = FiguresSerializer(many=True, help_text="One row per currency; each project once")
    breakdowns = BreakdownsSerializer()


DESCRIPTION = (
    "Funding statistics of the projects the same filters give at `/api/projects/` (and in "
    "`/api/projects.csv`): how many projects, the amounts granted and the in-kind value, always "
    "per currency, since amounts in different currencies are never added. `totals` counts each "
    "project once. In the breakdowns a project counts once under every value it has: once per "
    "theme, and once per region, municipality and Leader area it touches, as the place filters "
    "reach them (a municipality counts for its region and the Leader areas covering it), so "
    "rows may add up to more than the totals. Per funder, `amount` is that funder's own share "
    "(the funder's amount on the project), not the whole grant, and there is no in-kind value. "
    "The year is the year of the award date, or the start year where none is recorded. "
    "Projects without a value (no theme, no date) are in the totals only."
)
BREAKDOWN_PARAMETER = OpenApiParameter(
    "breakdown",
    OpenApiTypes.STR,
    required=True,
    enum=[breakdown.name for breakdown in BREAKDOWNS],
    description="Which breakdown the file holds",
)
CSV_COLUMNS = [
    "breakdown",
    "value",
    "label",
    "currency",
    "projects",
    "projects_with_amount",
    "amount",
    "in_kind_value",
]


class _Echo:
    def write(self, value):
        return value


def csv_lines(name, rows):
    """A breakdown's rows as CSV lines; text cells are guarded against spreadsheet formulas."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for row in rows:
        record = {"breakdown": name, **row}
        yield writer.writerow(
            [safe_cell("" if record[key] is None else str(record[key])) for key in CSV_COLUMNS]
        )


class ProjectStatisticsViewSet(ProjectViewSet):
    """The project listing's queryset, locale and filter handling, answering with statistics."""

    def _statistics(self):
        self._filtered()  # binds self.filterset, or answers 400 as the listing does
        return funding_statistics(self.filterset, self.locale)

    @extend_schema(
        description=DESCRIPTION,
        parameters=LOCALE_PARAMETERS,
        filters=True,
        responses={200: StatisticsSerializer, **ERROR_RESPONSES},
    )
    def statistics(self, request):
        return Response(StatisticsSerializer(self._statistics()).data)

    @extend_schema(
        description=(
            "One breakdown of `/api/projects/stats/` as CSV (columns: "
            + ", ".join(CSV_COLUMNS)
            + "), with the same filters."
        ),
        parameters=[BREAKDOWN_PARAMETER, *LOCALE_PARAMETERS],
        filters=True,
        responses={(200, "text/csv"): OpenApiTypes.STR, **ERROR_RESPONSES},
    )
    def statistics_csv(self, request):
        name = request.query_params.get("breakdown", "")
        if name not in BY_BREAKDOWN:
            raise BadParameter(
                "breakdown",
                _("Choose one of %(names)s.") % {"names": ", ".join(BY_BREAKDOWN)},
            )
        rows = self._statistics()["breakdowns"][name]
        response = HttpResponse(
            "".join(csv_lines(name, rows)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="project-statistics-{name}.csv"'
        return response
