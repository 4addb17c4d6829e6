"""Resolve a batch of occurrences to the pages to show, in a fixed number of queries however many
occurrences there are: one for the pages (in the wanted language, with fallback), one for their
categories, one for the category labels in that language."""

from django.db.models import F, Prefetch, prefetch_related_objects
from wagtail.models import Page

from apps.core.locale import with_fallback
from apps.events.models import EventCategory, EventCategoryLink, EventPage

#: What a card or feed entry shows of a page: its place, organiser, pictures and categories.
RELATED = (
    "locale",
    "organiser",
    "related_project",
    "venue__municipality__parent",
    "listing_image",
    "image",
)


def pages_by_key(keys, locale, fallback=True):
    """{translation_key: page} for live, public pages; each page has ``is_fallback``."""
    if not keys:
        return {}
    pages = (
        EventPage.objects.live()
        .public()
        .filter(translation_key__in=set(keys))
        .select_related(*RELATED)
    )
    links = EventCategoryLink.objects.select_related("category").order_by("sort_order")
    pages = pages.prefetch_related(Prefetch("categories", queryset=links))
    return {page.translation_key: page for page in with_fallback(pages, locale, fallback)}


def page_facts(keys, locale):
    """{translation_key: {id, title, url_path, language, time_zone, venue_key, is_fallback}}
    for the same pages as ``pages_by_key``, as values: what a grid cell shows of its page.

    Read from Wagtail's page table (a series' key is its event pages' translation key), so
    PostgreSQL looks each event's own row up by key instead of hashing every event page."""
    if not keys:
        return {}
    pages = Page.objects.live().public().filter(translation_key__in=set(keys))
    rows = with_fallback(pages, locale).values(
        "id",
        "translation_key",
        "title",
        "url_path",
        "is_fallback",
        language=F("locale__language_code"),
        time_zone=F("eventpage__time_zone"),
        venue_key=F("eventpage__venue__translation_key"),
    )
    return {row["translation_key"]: row for row in rows}


def prefetch_thumbnails(pages):
    """The renditions of the pictures a list shows (``sharing_image``, through
    events/_thumbnail.html), in one query per kind of image, so a thumbnail per row costs no
    query per row once the renditions exist."""
    prefetch_related_objects(list(pages), "listing_image__renditions", "image__renditions")


class CategoryLabels:
    """Category names in one language, keyed by the slug every language shares."""

    def __init__(self, locale):
        self.locale = locale
        self._labels = None

    def __call__(self, slug, default=""):
        if self._labels is None:
            self._labels = dict(
                EventCategory.objects.filter(locale=self.locale).values_list("slug", "name")
            )
        return self._labels.get(slug, default)

    def for_page(self, page):
        return [
            {"slug": link.category.slug, "name": self(link.category.slug, link.category.name)}
            for link in page.categories.all()
        ]
