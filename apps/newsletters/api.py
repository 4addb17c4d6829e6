"""Newsletter API for external frontends: the public lists, and signup through the same
service as the HTML form (rate limit, honeypot, double opt-in, identical answers)."""

from django.db.models import OuterRef, Subquery
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.locale import LocaleContextMixin
from apps.core.api.params import LOCALE_PARAMETERS
from apps.core.api.views import BygdAPIMixin
from apps.core.locale import with_fallback
from apps.core.ratelimit import RateLimited
from apps.newsletters.forms import HONEYPOT_FIELD
from apps.newsletters.models import NewsletterList, SubscriptionSource
from apps.newsletters.signup import handle_signup

ACCEPTED_BODY = {
    "status": "accepted",
    "detail": (
        "If the address can receive e-mail, a message asking to confirm the subscription is "
        "on its way. Nothing is subscribed until the link in it is used."
    ),
}


class NewsletterListSerializer(serializers.ModelSerializer):
    id = serializers.SerializerMethodField(help_text="Stable across languages.")
    locale = serializers.CharField(source="locale.language_code")
    is_fallback = serializers.BooleanField(default=False)

    class Meta:
        model = NewsletterList
        fields = ["id", "slug", "name", "description", "locale", "is_fallback"]

    def get_id(self, newsletter_list) -> int:
        return newsletter_list.original_pk


@extend_schema(
    parameters=LOCALE_PARAMETERS,
    responses={200: NewsletterListSerializer(many=True), **ERROR_RESPONSES},
    tags=["newsletter"],
)
class NewsletterListViewSet(
    BygdAPIMixin, LocaleContextMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """Public newsletter lists, named in the requested language where translated."""

    serializer_class = NewsletterListSerializer

    def get_queryset(self):
        queryset = NewsletterList.objects.public().select_related("locale")
        if getattr(self, "swagger_fake_view", False):
            return queryset
        originals = NewsletterList.objects.originals().filter(
            translation_key__in=queryset.values("translation_key")
        )
        return (
            with_fallback(queryset, self.locale, self.fallback)
            .annotate(
                original_pk=Subquery(
                    originals.filter(translation_key=OuterRef("translation_key")).values("pk")[:1]
                )
            )
            .order_by("name", "pk")
        )


class SubscriptionRequestSerializer(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    lists = serializers.ListField(
        child=serializers.CharField(max_length=80),
        help_text="Slugs (or ids) of the lists, from `/api/newsletter/lists/`.",
    )
    locale = serializers.CharField(
        required=False, help_text="Language of the e-mails and of the consent text shown."
    )
    consent = serializers.BooleanField(
        required=False,
        help_text="Must be true: the subscriber agreed to the current consent text in that language.",
    )
    website = serializers.CharField(
        required=False, allow_blank=True, help_text="Leave empty (bot trap)."
    )


class SubscriptionAcceptedSerializer(serializers.Serializer):
    status = serializers.CharField()
    detail = serializers.CharField()


class SubscriptionView(BygdAPIMixin, APIView):
    """Start a double opt-in signup. The answer is always 202 with the same body whether the
    address is new, pending, subscribed or unsubscribed, so it cannot be used to probe."""

    @extend_schema(
        request=SubscriptionRequestSerializer,
        responses={
            202: SubscriptionAcceptedSerializer,
            **ERROR_RESPONSES,
        },
        operation_id="newsletter_subscribe",
        tags=["newsletter"],
    )
    def post(self, request):
        # Types first (a list where a string belongs is a 400 like any other bad input); what the
        # values mean (address, known lists, consent) is the signup form's to judge.
        shape = SubscriptionRequestSerializer(data=request.data)
        if not shape.is_valid():
            raise exceptions.ValidationError(shape.errors)
        data = request.data
        lists = data.get("lists")
        form_data = {
            "email": data.get("email", ""),
            "lists": _slugs(lists if isinstance(lists, list) else [lists] if lists else []),
            "language": data.get("locale") or request.LANGUAGE_CODE,
            "consent": data.get("consent") is True or data.get("consent") == "true",
            HONEYPOT_FIELD: data.get(HONEYPOT_FIELD, ""),
        }
        client = request.headers.get("Origin") or request.headers.get("User-Agent", "")
        try:
            outcome = handle_signup(
                request, form_data, source=SubscriptionSource.API, source_detail=client
            )
        except RateLimited as error:
            raise exceptions.Throttled(wait=error.retry_after) from None
        if not outcome.accepted:
            raise exceptions.ValidationError(
                {_API_NAMES.get(key, key): value for key, value in outcome.errors.items()}
            )
        return Response(
            SubscriptionAcceptedSerializer(ACCEPTED_BODY).data, status=status.HTTP_202_ACCEPTED
        )


_API_NAMES = {"language": "locale"}


def _slugs(values):
    """Clients may name lists by the stable id the lists endpoint shows; the form knows slugs."""
    ids = [str(value) for value in values if str(value).isdigit()]
    by_id = dict(NewsletterList.objects.filter(pk__in=ids).values_list("pk", "slug") if ids else [])
    return [
        by_id.get(int(value), str(value)) if str(value).isdigit() else str(value)
        for value in values
    ]
