"""The public calendar. One page per language; list and month views are routes on it so they
live under the translated path (/sv/kalender/, /en/calendar/) and get the language switcher."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin


class EventIndexPage(
    BaseTemplateMixin, RoutablePageMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page
):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), *ListingMixin.api_fields]

    class Meta:
        verbose_name = _("event calendar")

    @path("")
    def list_view(self, request):
        from apps.events.views import calendar_list

        return calendar_list(request, self)

    @re_path(r"^(?:manad|month)/(?P<year>\d{4})-(?P<month>\d{2})/$", name="month")
    def month_view(self, request, year, month):
        from apps.events.views import calendar_month

        return calendar_month(request, self, int(year), int(month))

    @re_path(r"^(?:manad|month)/$", name="this-month")
    def this_month(self, request):
        from apps.events.views import calendar_month

        return calendar_month(request, self, None, None)

    def month_url(self, year, month):
        segment = "manad" if self.locale.language_code == "sv" else "month"
        return f"{self.url}{segment}/{year:04d}-{month:02d}/"
