"""The public project database: one page per language whose GET parameters hold the whole
query (filters, search, sort, page), so a result can be shared as a link and works without JS.
Its funding statistics are a route on it (statistik/, statistics/), so they live under the
translated path, take the same parameters and need no page of their own in each language."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin

PER_PAGE = 20
# The statistics route's word: (Swedish, every other language); either is accepted.
STATISTICS_SEGMENT = ("statistik", "statistics")


class ProjectIndexPage(
    BaseTemplateMixin, RoutablePageMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page
):
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

    def statistics_url(self):
        swedish, other = STATISTICS_SEGMENT
        return f"{self.url}{swedish if self.locale.language_code == 'sv' else other}/"

    @re_path(rf"^(?:{'|'.join(STATISTICS_SEGMENT)})/$", name="statistics")
    def statistics_view(self, request):
        from apps.projects.stats_views import statistics_page

        return statistics_page(request, self)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("filter_errors"):
            response.status_code = 400
        return response
