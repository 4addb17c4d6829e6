from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.blocks import BaseStreamBlock
from apps.core.mixins import ListingMixin
from apps.core.preview import HeadlessPreviewMixin
from apps.core.sections import home_sections


class HomePage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, Page):
    """The root of each language's tree; one per locale, linked as translations."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(_("hero image alternative text"), max_length=250, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("listing_summary"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("hero_image"),
        APIField("hero_image_alt"),
        APIField("hero", serializer=ImageRenditionField("fill-1600x700", source="hero_image")),
        APIField("body"),
        *ListingMixin.api_fields,
    ]
    api_select_related = ("hero_image", "listing_image")
    api_prefetch_related = ("hero_image__renditions", "listing_image__renditions")

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections(request)
        return context

    def get_sections(self, request):
        """Home sections come from the installed apps; each one appears once it has content."""
        return home_sections(request, self)
