"""The public project database: one page per language whose GET parameters hold the whole
query (filters, search, sort, page), so a result can be shared as a link and works without JS."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin

PER_PAGE = 20


class ProjectIndexPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *ListingMixin.api_fields]

    class Meta:
        verbose_name = _("project database")

    def get_context(self, request, *args, **kwargs):
        from apps.projects.listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self, PER_PAGE, Paginator))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("filter_errors"):
            response.status_code = 400
        return response
