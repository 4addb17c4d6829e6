from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.blocks import BaseStreamBlock
from apps.core.mixins import ListingMixin
from apps.core.preview import HeadlessPreviewMixin


class StandardPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, Page):
    """About pages, guides, contact pages: anything that is just text, images and links."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("body"), *ListingMixin.api_fields]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
