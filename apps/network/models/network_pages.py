"""Network pages: a named network of organisations (a regional network of rural developers, a
culture region's institutions). The index page also hosts the public organisation directory,
so organisation URLs live under the translated network path (/sv/natverk/organisationer/…)."""

from django.db import models
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.locale import LocalizedCache
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin
from apps.network.api_fields import (
    NetworkContactsField,
    NetworkMembersField,
    NetworkPlacesField,
)
from apps.network.blocks import NetworkStreamBlock

ORGANISATIONS_SEGMENT = {"sv": "organisationer", "da": "organisationer", "nb": "organisasjoner"}


def organisations_segment(language):
    return ORGANISATIONS_SEGMENT.get(language, "organisations")


class NetworkIndexPage(
    BaseTemplateMixin, RoutablePageMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page
):
    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["network.NetworkPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *ListingMixin.api_fields]

    class Meta:
        verbose_name = _("network index")

    def networks(self):
        return (
            NetworkPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = self.networks()
        context["organisations_url"] = self.organisations_url()
        return context

    def organisations_url(self, slug=None):
        base = self.url + organisations_segment(self.locale.language_code) + "/"
        return f"{base}{slug}/" if slug else base

    @re_path(r"^(?:organisationer|organisations|organisasjoner)/$", name="organisations")
    def organisation_list(self, request):
        from apps.network.views import organisation_directory

        return organisation_directory(request, self)

    @re_path(
        r"^(?:organisationer|organisations|organisasjoner)/(?P<slug>[-a-z0-9]+)/$",
        name="organisation",
    )
    def organisation_detail(self, request, slug):
        from apps.network.views import organisation_page

        return organisation_page(request, self, slug)

    @path("")
    def index_route(self, request):
        return render(request, self.get_template(request), self.get_context(request))


class NetworkPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, Page):
    purpose = models.TextField(
        _("purpose"), help_text=_("Why the network exists, in a few sentences.")
    )
    body = StreamField(NetworkStreamBlock(), blank=True, verbose_name=_("body"))
    website = models.URLField(_("website"), blank=True)
    founded = models.DateField(_("founded"), null=True, blank=True)

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("body"),
        InlinePanel("members", label=_("Members")),
        InlinePanel("contacts", label=_("Contact people")),
        InlinePanel("places", label=_("Area")),
        FieldPanel("website"),
        FieldPanel("founded"),
    ]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("body"),
        index.SearchField("listing_summary"),
    ]
    api_fields = [
        APIField("purpose"),
        APIField("body"),
        APIField("website"),
        APIField("founded"),
        APIField("members", serializer=NetworkMembersField()),
        APIField("contacts", serializer=NetworkContactsField()),
        APIField("places", serializer=NetworkPlacesField()),
        *ListingMixin.api_fields,
    ]
    # Snippets shown in the page's language (apps.core.locale.warm).
    api_localized = ("members__organisation", "contacts__person")
    api_prefetch_related = (
        "members__organisation",
        "contacts__person",
        "places__place",
        *ListingMixin.api_prefetch_related,
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def member_rows(self, localized=None):
        """Members with their organisations in the page's language, in two queries."""
        localized = localized or LocalizedCache()
        rows = self.members.select_related("organisation", "organisation__municipality")
        rows = list(rows)
        return list(zip(rows, localized.many([row.organisation for row in rows]), strict=True))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        localized = LocalizedCache()
        context["member_rows"] = self.member_rows(localized)
        contacts = list(self.contacts.select_related("person", "person__organisation"))
        context["contact_rows"] = list(
            zip(contacts, localized.many([row.person for row in contacts]), strict=True)
        )
        context["place_rows"] = [row.place for row in self.places.select_related("place")]
        context["language"] = translation.get_language()
        context.update(self.newsletter_signup(request))
        return context

    def newsletter_signup(self, request):
        """The signup form for the lists this network owns, in the page's language."""
        from apps.newsletters.forms import signup_form_context
        from apps.newsletters.models.newsletter_list import NewsletterList

        owned = NewsletterList.objects.filter(
            owner__translation_key=self.translation_key
        ).originals()
        language = self.locale.language_code
        return signup_form_context(request, [item.in_language(language) for item in owned])


class NetworkMembership(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="network_memberships",
    )
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("e.g. coordinator"))
    since = models.DateField(_("member since"), null=True, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("since")]

    class Meta(Orderable.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")


class NetworkContact(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="network_contacts",
    )

    panels = [FieldPanel("person")]


class NetworkPlace(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="places")
    place = models.ForeignKey(
        "network.Place", verbose_name=_("place"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("place")]
