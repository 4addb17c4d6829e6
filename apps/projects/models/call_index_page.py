"""The list of funding calls, one page per language (/sv/utlysningar/, /en/calls/): open and
forthcoming calls first by deadline, filters in GET parameters so a result can be shared."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin


class FundingCallIndexPage(
    BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page
):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    subpage_types = ["projects.FundingCallPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *ListingMixin.api_fields]

    class Meta:
        verbose_name = _("funding calls")

    def get_context(self, request, *args, **kwargs):
        from apps.projects.calls.listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("filter_errors"):
            response.status_code = 400
        return response
