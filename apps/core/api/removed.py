"""GET /api/removed/: the tombstones of apps.core.tombstones, for clients that sync with
`modified_since` (events carry their own, per occurrence, in /api/events/)."""

import django_filters
from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets

from apps.core.api.errors import ERROR_RESPONSES
from apps.core.api.filters import IsoDateTimeFilter
from apps.core.api.views import BygdAPIMixin
from apps.core.models import Tombstone
from apps.core.tombstones import KINDS


class RemovedFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=lambda: [(kind, kind) for kind in sorted(KINDS)],
        help_text="Only this kind of item",
    )
    locale = django_filters.ChoiceFilter(
        field_name="language",
        choices=lambda: list(settings.LANGUAGES),
        help_text="Only this language",
    )
    modified_since = IsoDateTimeFilter(
        field_name="removed_at",
        lookup_expr="gte",
        help_text="Only items removed at or after this time (ISO 8601 date or date-time)",
    )

    class Meta:
        model = Tombstone
        fields = ["kind", "locale", "modified_since"]


class RemovedSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="identifier", help_text="The identifier the detail URL uses")
    locale = serializers.CharField(source="language")
    removed = serializers.DateTimeField(source="removed_at")

    class Meta:
        model = Tombstone
        fields = ["kind", "id", "locale", "removed"]


@extend_schema(responses={200: RemovedSerializer(many=True), **ERROR_RESPONSES}, tags=["sync"])
class RemovedViewSet(BygdAPIMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Items unpublished or deleted, oldest first; an item published again leaves this list."""

    serializer_class = RemovedSerializer
    filterset_class = RemovedFilter
    queryset = Tombstone.objects.order_by("removed_at", "pk")
