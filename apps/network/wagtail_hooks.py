"""The directory in the Wagtail admin: a menu group of searchable, filterable snippets."""

import django_filters
from django.contrib import messages
from django.db import router
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
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


def _rank(*kinds):
    """The position of a place's kind in ``kinds``; kinds not named share the next one."""
    return Case(
        *(When(kind=kind, then=Value(n)) for n, kind in enumerate(kinds)),
        default=Value(len(kinds)),
        output_field=IntegerField(),
    )


class PlaceChooserViewSet(SnippetChooserViewSet):
    def get_object_list(self):
        """By country, then region (a region followed by its municipalities), then name, so an
        editor browsing the chooser sees the places grouped as on a map; Leader areas last."""
        region = Coalesce(
            Case(
                When(kind=PlaceKind.REGION, then=F("name")),
                When(kind=PlaceKind.MUNICIPALITY, then=F("parent__name")),
            ),
            Value(""),
        )
        return Place.objects.select_related("parent").order_by(
            "country",
            Case(When(kind=PlaceKind.LEADER_AREA, then=Value(1)), default=Value(0)),
            region,
            _rank(PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.MUNICIPALITY),
            "name",
        )


class PlaceViewSet(SnippetViewSet):
    model = Place
    chooser_viewset_class = PlaceChooserViewSet
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


@hooks.register("before_delete_snippet")
def refuse_deleting_what_is_in_use(request, instances):
    """Wagtail offers deletion from its reference index, which is filled by a background task
    and can lag (bulk imports, restored backups); a protected reference then surfaced as a 500.
    Ask the database instead and say why the deletion is refused."""
    if request.method != "POST":
        return None
    for instance in instances:
        collector = Collector(using=router.db_for_write(type(instance)))
        try:
            collector.collect([instance])
        except (ProtectedError, RestrictedError):
            messages.error(
                request,
                _("“%(name)s” is still in use and cannot be deleted.") % {"name": instance},
            )
            return redirect("wagtailadmin_home")
    return None
