"""GET /api/calls/ and /api/calls/<identifier>/: funding calls with their status computed in the
database and every date-time in ISO 8601 with the call's own UTC offset, so a client anywhere
shows "23:59" for a Stockholm deadline and can still compare instants."""

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.params import LOCALE_PARAMETERS, parse_bool, parse_locale
from apps.core.locale import with_fallback
from apps.projects.api import RefSerializer
from apps.projects.calls.listing import funded_projects
from apps.projects.calls.query import filtered
from apps.projects.models import (
    ApplicantKind,
    ApplicationMethod,
    CallStatus,
    FundingCallDeadline,
    FundingCallPlace,
    FundingCallTheme,
    Intake,
    Theme,
)
from apps.projects.models.call_status import ACCEPTING
from apps.projects.models.project_page import Currency


def _ref(value, name):
    return {"value": value, "name": name}


class CallSerializer(serializers.Serializer):
    identifier = serializers.CharField(help_text="Stable code, the same in every language")
    title = serializers.CharField()
    summary = serializers.CharField()
    status = serializers.ChoiceField(choices=CallStatus.choices, source="current_status")
    paused = serializers.BooleanField(help_text="Temporarily takes no applications")
    intake = serializers.ChoiceField(choices=Intake.choices)
    time_zone = serializers.CharField()
    opens = serializers.SerializerMethodField()
    closes = serializers.SerializerMethodField(help_text="Final closing; null for open-ended")
    next_deadline = serializers.SerializerMethodField()
    deadlines = serializers.SerializerMethodField(help_text="Every closing date-time, in order")
    decision_date = serializers.DateField(allow_null=True)
    funder = serializers.SerializerMethodField()
    programme = serializers.SerializerMethodField()
    currency = serializers.ChoiceField(choices=Currency.choices)
    budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    min_grant = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    max_grant = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    grant_basis = serializers.CharField(help_text="What the largest grant applies to")
    max_rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, help_text="Percent of eligible costs"
    )
    eligible_applicants = serializers.SerializerMethodField()
    area = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    application = serializers.SerializerMethodField()
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField()
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="last_published_at")

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_opens(self, call):
        moment = call.local(call.opens_at)
        return moment.isoformat() if moment else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_closes(self, call):
        moment = call.local(call.closes_at)
        return moment.isoformat() if moment else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_next_deadline(self, call):
        moment = call.local(call.next_deadline)
        return moment.isoformat() if moment else None

    @extend_schema_field(serializers.ListField(child=serializers.DateTimeField()))
    def get_deadlines(self, call):
        return [call.local(moment).isoformat() for moment in call.deadline_instants()]

    @extend_schema_field(RefSerializer)
    def get_funder(self, call):
        return _ref(call.funder.slug, call.funder.name)

    @extend_schema_field(RefSerializer(allow_null=True))
    def get_programme(self, call):
        programme = call.programme
        return _ref(programme.slug, programme.name) if programme else None

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=ApplicantKind.choices))
    )
    def get_eligible_applicants(self, call):
        return [row.kind for row in call.eligible_applicants.all()]

    @extend_schema_field(
        inline_serializer(
            "CallPlace",
            {
                "value": serializers.CharField(help_text="Place identifier, e.g. SE-08"),
                "name": serializers.CharField(),
                "kind": serializers.CharField(),
            },
            many=True,
        )
    )
    def get_area(self, call):
        language = self.context["language"]
        return [
            {
                "value": row.place.identifier,
                "name": row.place.label(language),
                "kind": row.place.kind,
            }
            for row in call.places.all()
        ]

    @extend_schema_field(RefSerializer(many=True))
    def get_themes(self, call):
        labels = self.context["theme_labels"]
        return [
            _ref(row.theme.slug, labels.get(row.theme.slug, row.theme.name))
            for row in call.themes.all()
        ]

    @extend_schema_field(
        inline_serializer(
            "CallApplication",
            {
                "method": serializers.ChoiceField(choices=ApplicationMethod.choices),
                "email": serializers.EmailField(allow_null=True),
                "url": serializers.URLField(allow_null=True, help_text="Form or external site"),
                "accepting": serializers.BooleanField(
                    help_text="Applications are taken now (open or rolling, not paused)"
                ),
            },
        )
    )
    def get_application(self, call):
        method = call.application_method
        if method == ApplicationMethod.FORM:
            url = self.get_html_url(call) + "#apply"
        else:
            url = call.application_url or None
        return {
            "method": method,
            "email": call.application_email or None,
            "url": url,
            "accepting": not call.paused and call.current_status in ACCEPTING,
        }

    def get_html_url(self, call) -> str:
        return self.context["request"].build_absolute_uri(call.url)


def _items(stream):
    return [block.value for block in stream]


class CallDetailSerializer(CallSerializer):
    body = serializers.SerializerMethodField(help_text="HTML ready to render")
    criteria = serializers.SerializerMethodField()
    required_contents = serializers.SerializerMethodField()
    eligible_costs = serializers.SerializerMethodField()
    ineligible_costs = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField()
    funded_projects = serializers.SerializerMethodField()
    total_awarded = serializers.SerializerMethodField()

    def get_body(self, call) -> str:
        return str(call.body.render_as_block())

    def get_criteria(self, call) -> list[str]:
        return _items(call.criteria)

    def get_required_contents(self, call) -> list[str]:
        return _items(call.required_contents)

    def get_eligible_costs(self, call) -> list[str]:
        return _items(call.eligible_costs)

    def get_ineligible_costs(self, call) -> list[str]:
        return _items(call.ineligible_costs)

    @extend_schema_field(
        inline_serializer(
            "CallContact",
            {
                "name": serializers.CharField(),
                "role": serializers.CharField(),
                "email": serializers.EmailField(allow_null=True, help_text="Only if public"),
                "phone": serializers.CharField(allow_null=True, help_text="Only if public"),
            },
            allow_null=True,
        )
    )
    def get_contact(self, call):
        person = call.contact
        if person is None:
            return None
        return {
            "name": person.name,
            "role": person.role,
            "email": person.email if person.email_public and person.email else None,
            "phone": person.phone if person.phone_public and person.phone else None,
        }

    def _funded(self, call):
        if not hasattr(self, "_funded_cache"):
            self._funded_cache = funded_projects(call)
        return self._funded_cache

    @extend_schema_field(
        inline_serializer(
            "FundedProject",
            {
                "identifier": serializers.CharField(),
                "title": serializers.CharField(),
                "owner": serializers.CharField(allow_null=True),
                "amount_granted": serializers.DecimalField(
                    max_digits=14, decimal_places=2, allow_null=True
                ),
                "currency": serializers.CharField(),
                "award_date": serializers.DateField(allow_null=True),
                "api_url": serializers.URLField(),
            },
            many=True,
        )
    )
    def get_funded_projects(self, call):
        request = self.context["request"]
        projects, _totals = self._funded(call)
        return [
            {
                "identifier": project.identifier,
                "title": project.title,
                "owner": project.owner_organisation.name if project.owner_organisation else None,
                "amount_granted": None
                if project.amount_granted is None
                else f"{project.amount_granted:.2f}",
                "currency": project.currency,
                "award_date": project.award_date,
                "api_url": request.build_absolute_uri(f"/api/projects/{project.identifier}/"),
            }
            for project in projects
        ]

    @extend_schema_field(
        inline_serializer(
            "AwardedTotal",
            {
                "currency": serializers.CharField(),
                "amount": serializers.DecimalField(max_digits=16, decimal_places=2),
            },
            many=True,
        )
    )
    def get_total_awarded(self, call):
        _projects, totals = self._funded(call)
        return [{"currency": currency, "amount": f"{total:.2f}"} for currency, total in totals]


CALL_PARAMETERS = [
    OpenApiParameter(
        "status",
        OpenApiTypes.STR,
        enum=CallStatus.values,
        many=True,
        description="Status derived from the dates; repeat for any of several",
    ),
    OpenApiParameter("funder", OpenApiTypes.STR, description="Organisation slug"),
    OpenApiParameter(
        "theme", OpenApiTypes.STR, many=True, description="Theme slug (repeatable: any of)"
    ),
    OpenApiParameter("eligible_applicant", OpenApiTypes.STR, enum=ApplicantKind.values),
    OpenApiParameter(
        "area",
        OpenApiTypes.STR,
        description="Place identifier (e.g. SE-0884, SE-08, leader-alh): calls open to it",
    ),
    OpenApiParameter(
        "closes_before",
        OpenApiTypes.DATETIME,
        description="Next (or last) deadline before this ISO 8601 date or date-time",
    ),
    OpenApiParameter(
        "closes_after",
        OpenApiTypes.DATETIME,
        description="Next (or last) deadline at or after this ISO 8601 date or date-time",
    ),
    OpenApiParameter("modified_since", OpenApiTypes.DATETIME),
    *LOCALE_PARAMETERS,
]


class CallViewSet(viewsets.GenericViewSet):
    """Funding calls: open and forthcoming first by deadline, then closed ones."""

    lookup_field = "identifier"
    lookup_value_regex = r"[A-Za-z0-9_-]+"
    serializer_class = CallSerializer
    filter_backends = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.locale = parse_locale(request)
        self.fallback = parse_bool(request, "fallback", True)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = self.locale.language_code
        context["theme_labels"] = dict(
            with_fallback(Theme.objects.all(), self.locale).values_list("slug", "name")
        )
        return context

    @staticmethod
    def _with_rows(queryset):
        return queryset.select_related("locale", "funder", "programme").prefetch_related(
            Prefetch("themes", queryset=FundingCallTheme.objects.select_related("theme")),
            Prefetch("places", queryset=FundingCallPlace.objects.select_related("place")),
            Prefetch("deadlines", queryset=FundingCallDeadline.objects.order_by("closes_at")),
            "eligible_applicants",
        )

    def _filterset(self, params):
        filterset = filtered(params, self.locale, self.fallback)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return filterset

    @extend_schema(
        parameters=CALL_PARAMETERS,
        responses={200: CallSerializer(many=True), **ERROR_RESPONSES},
    )
    def list(self, request):
        queryset = self._with_rows(self._filterset(request.query_params).qs)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(
            CallSerializer(page, many=True, context=self.get_serializer_context()).data
        )

    @extend_schema(
        parameters=LOCALE_PARAMETERS, responses={200: CallDetailSerializer, **ERROR_RESPONSES}
    )
    def retrieve(self, request, identifier=None):
        call = (
            self._with_rows(self._filterset({}).qs.filter(identifier=identifier))
            .select_related("contact")
            .first()
        )
        if call is None:
            raise Http404
        return Response(CallDetailSerializer(call, context=self.get_serializer_context()).data)
