"""The directory in the Wagtail admin: a menu group of searchable, filterable snippets."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.network.models import Organisation, OrganisationKind, Person, Place, PlaceKind


class OrganisationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, label=_("Kind"))
    region = django_filters.ModelChoiceFilter(
        queryset=Place.objects.of_kind(PlaceKind.REGION),
        field_name="municipality__parent",
        label=_("Region"),
    )

    class Meta:
        model = Organisation
        fields = ["kind", "country", "region"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "municipality", "org_number", "locale"]
    filterset_class = OrganisationFilterSet
    ordering = ["name"]


class PersonFilterSet(WagtailFilterSet):
    class Meta:
        model = Person
        fields = ["email_public", "phone_public"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation", "locale"]
    filterset_class = PersonFilterSet
    ordering = ["name"]


class PlaceFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=PlaceKind.choices, label=_("Kind"))

    class Meta:
        model = Place
        fields = ["kind", "country"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "kind", "identifier", "parent"]
    filterset_class = PlaceFilterSet
    ordering = ["country", "kind", "name"]


class DirectoryGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet, PlaceViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryGroup)
