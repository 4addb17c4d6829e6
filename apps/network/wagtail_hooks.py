"""The directory in the Wagtail admin: one menu group with searchable, filterable snippets."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.network.models import (
    ConsentText,
    NewsletterList,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    PlaceKind,
    Subscription,
)


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
    list_filter = OrganisationFilterSet
    search_fields = ["name", "org_number", "description"]
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
    list_filter = PersonFilterSet
    search_fields = ["name", "role"]
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
    list_filter = PlaceFilterSet
    search_fields = ["name", "code"]
    ordering = ["country", "kind", "name"]


class DirectoryGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, PersonViewSet, PlaceViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryGroup)


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = _("Lists")
    list_display = ["name", "slug", "is_public", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent texts")
    list_display = ["language", "version", "text", "created_at"]
    ordering = ["language", "-version"]


class SubscriptionFilterSet(WagtailFilterSet):
    class Meta:
        model = Subscription
        fields = ["status", "source", "language", "newsletter_list"]


class SubscriptionViewSet(SnippetViewSet):
    model = Subscription
    icon = "user"
    menu_label = _("Subscriptions")
    list_display = ["email", "newsletter_list", "status", "signed_up_at", "confirmed_at"]
    list_filter = SubscriptionFilterSet
    search_fields = ["email"]
    ordering = ["-signed_up_at"]


class NewsletterGroup(SnippetViewSetGroup):
    items = (NewsletterListViewSet, ConsentTextViewSet, SubscriptionViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_name = "newsletters"


register_snippet(NewsletterGroup)
