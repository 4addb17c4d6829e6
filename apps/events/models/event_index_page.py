"""The public calendar. One page per language; list, month, week, day, archive and venue views
are routes on it so they live under the translated path (/sv/kalender/, /en/calendar/) and get
the language switcher. Each route takes its word in either language; links use the page's own."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin

# Route words: (Swedish, every other language).
SEGMENTS = {
    "month": ("manad", "month"),
    "week": ("vecka", "week"),
    "day": ("dag", "day"),
    "archive": ("arkiv", "archive"),
    "venue": ("plats", "venue"),
}


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

    @re_path(r"^(?:vecka|week)/(?P<year>\d{4})-W(?P<week>\d{2})/$", name="week")
    def week_view(self, request, year, week):
        from apps.events.periods import calendar_week

        return calendar_week(request, self, int(year), int(week))

    @re_path(r"^(?:dag|day)/(?P<day>\d{4}-\d{2}-\d{2})/$", name="day")
    def day_view(self, request, day):
        from apps.events.periods import calendar_day

        return calendar_day(request, self, day)

    @re_path(r"^(?:arkiv|archive)/$", name="archive")
    def archive_view(self, request):
        from apps.events.archive import calendar_archive

        return calendar_archive(request, self)

    @re_path(r"^(?:plats|venue)/(?P<slug>[-\w]+)/$", name="venue")
    def venue_view(self, request, slug):
        from apps.events.venue_page import venue_page

        return venue_page(request, self, slug)

    @cached_property
    def own_url(self):
        """The page's address, found once per instance: Wagtail looks the site's root paths up
        (a cache read) on every ``url``, and one month view builds hundreds of addresses."""
        return self.url

    def route_url(self, kind, value=""):
        swedish, other = SEGMENTS[kind]
        segment = swedish if self.locale.language_code == "sv" else other
        return f"{self.own_url}{segment}/" + (f"{value}/" if value else "")

    def month_url(self, year, month):
        return self.route_url("month", f"{year:04d}-{month:02d}")

    def week_url(self, day):
        year, week, _weekday = day.isocalendar()
        return self.route_url("week", f"{year:04d}-W{week:02d}")

    def day_url(self, day):
        return self.route_url("day", day.isoformat())

    def venue_url(self, slug):
        return self.route_url("venue", slug)
