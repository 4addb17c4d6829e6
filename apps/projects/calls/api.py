"""GET /api/calls/ and /api/calls/<identifier>/: funding calls with their status computed in the
database and every date-time in ISO 8601 with the call's own UTC offset, so a client anywhere
shows "23:59" for a Stockholm deadline and can still compare instants."""

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.fields import (
    OptionalEmailField,
    ReferenceSerializer,
    SourceField,
    place_label,
)
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.core.locale import with_fallback
from apps.network.api import ContactSerializer
from apps.projects.api import theme_label
from apps.projects.calls.listing import funded_projects
from apps.projects.calls.query import CallFilter, base_queryset
from apps.projects.models import (
    ApplicantKind,
    ApplicationMethod,
    CallStatus,
    FundingCallDeadline,
    FundingCallPage,
    FundingCallPlace,
    FundingCallTheme,
    Intake,
    Theme,
)
from apps.projects.models.call_status import ACCEPTING
from apps.projects.models.project_page import Currency


class AreaReferenceSerializer(ReferenceSerializer):
    """A place whose applicants are eligible, and its kind."""

    kind = serializers.CharField(source="place.kind", read_only=True)


class ApplicationSerializer(serializers.Serializer):
    """How to apply to a call (read from the call itself)."""

    method = serializers.ChoiceField(choices=ApplicationMethod.choices, source="application_method")
    email = OptionalEmailField(source="application_email")
    url = serializers.SerializerMethodField(help_text="Form or external site")
    accepting = serializers.SerializerMethodField(
        help_text="Applications are taken now (open or rolling, not paused)"
    )

    def get_url(self, call) -> str | None:
        if call.application_method == ApplicationMethod.FORM:
            return self.context["request"].build_absolute_uri(call.url) + "#apply"
        return call.application_url or None

    def get_accepting(self, call) -> bool:
        return not call.paused and call.current_status in ACCEPTING


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
    funder = ReferenceSerializer()
    programme = ReferenceSerializer(allow_null=True)
    currency = serializers.ChoiceField(choices=Currency.choices)
    budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    min_grant = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    max_grant = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    grant_basis = serializers.CharField(help_text="What the largest grant applies to")
    max_rate = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, help_text="Percent of eligible costs"
    )
    eligible_applicants = serializers.SerializerMethodField()
    area = AreaReferenceSerializer(
        many=True,
        source="places",
        value="place.identifier",
        name=place_label("place"),
        help_text="Places whose applicants are eligible",
    )
    themes = ReferenceSerializer(many=True, value="theme.slug", name=theme_label)
    application = ApplicationSerializer(source="*")
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField()
    html_url = serializers.SerializerMethodField()
    modified = serializers.DateTimeField(source="last_published_at")
    source = SourceField()

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

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=ApplicantKind.choices))
    )
    def get_eligible_applicants(self, call):
        return [row.kind for row in call.eligible_applicants.all()]

    def get_html_url(self, call) -> str:
        return self.context["request"].build_absolute_uri(call.url)


class FundedProjectSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    title = serializers.CharField()
    owner = ReferenceSerializer(source="owner_organisation", allow_null=True)
    amount_granted = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    award_date = serializers.DateField(allow_null=True)
    api_url = serializers.SerializerMethodField()

    def get_api_url(self, project) -> str:
        return self.context["request"].build_absolute_uri(f"/api/projects/{project.identifier}/")


class AwardedTotalSerializer(serializers.Serializer):
    currency = serializers.CharField()
    amount = serializers.DecimalField(max_digits=16, decimal_places=2)


def _items(stream):
    return [block.value for block in stream]


class CallDetailSerializer(CallSerializer):
    body = serializers.SerializerMethodField(help_text="HTML ready to render")
    criteria = serializers.SerializerMethodField()
    required_contents = serializers.SerializerMethodField()
    eligible_costs = serializers.SerializerMethodField()
    ineligible_costs = serializers.SerializerMethodField()
    contact = ContactSerializer(allow_null=True)
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

    def _funded(self, call):
        if not hasattr(self, "_funded_cache"):
            self._funded_cache = funded_projects(call)
        return self._funded_cache

    @extend_schema_field(FundedProjectSerializer(many=True))
    def get_funded_projects(self, call):
        projects, _totals = self._funded(call)
        return FundedProjectSerializer(projects, many=True, context=self.context).data

    @extend_schema_field(AwardedTotalSerializer(many=True))
    def get_total_awarded(self, call):
        _projects, totals = self._funded(call)
        rows = [{"currency": currency, "amount": total} for currency, total in totals]
        return AwardedTotalSerializer(rows, many=True).data


class CallViewSet(BygdAPIMixin, LocaleContextMixin, viewsets.GenericViewSet):
    """Funding calls: open and forthcoming first by deadline, then closed ones."""

    lookup_field = "identifier"
    lookup_value_regex = r"[A-Za-z0-9_-]+"
    serializer_class = CallSerializer
    filterset_class = CallFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return FundingCallPage.objects.none()
        return base_queryset(self.locale, self.fallback)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if hasattr(self, "locale"):
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
            "provenance",
        )

    @extend_schema(
        parameters=LOCALE_PARAMETERS,
        responses={200: CallSerializer(many=True), **ERROR_RESPONSES},
    )
    def list(self, request):
        queryset = self._with_rows(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        parameters=LOCALE_PARAMETERS, responses={200: CallDetailSerializer, **ERROR_RESPONSES}
    )
    def retrieve(self, request, identifier=None):
        call = (
            self._with_rows(self.get_queryset().filter(identifier=identifier))
            .select_related("contact")
            .first()
        )
        if call is None:
            raise Http404
        return Response(CallDetailSerializer(call, context=self.get_serializer_context()).data)
