"""Categories and venues in the admin, grouped under one menu item next to the directory."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.events.models import EventCategory, Venue
from apps.network.models import Place


class VenueFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        queryset=Place.objects.municipalities(), label=_("Municipality")
    )

    class Meta:
        model = Venue
        fields = ["municipality"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "town", "municipality", "locale"]
    list_filter = VenueFilterSet
    search_fields = ["name", "town", "address"]
    ordering = ["name"]


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "tag"
    menu_label = _("Event categories")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class EventsGroup(SnippetViewSetGroup):
    items = (EventCategoryViewSet, VenueViewSet)
    menu_icon = "date"
    menu_label = _("Calendar")
    menu_name = "calendar"


register_snippet(EventsGroup)
