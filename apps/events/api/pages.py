"""The event pages a page of ``/api/events/`` shows, loaded with only the columns its payload
reads, and their URLs without asking Wagtail's router for each one.

``apps.events.listing.pages_by_key`` chooses the page per language with a fallback subquery over
every event page (a sequential scan on PostgreSQL at tens of thousands of events) and loads
whole pages; here the candidates of the batch's translation groups (one per language at most)
come by their indexed ``translation_key`` and the choice is made in Python, with the same rule:
the page in the wanted language, else the group's original (lowest primary key)."""

from urllib.parse import quote

from django.db.models import Prefetch
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.images import get_image_model
from wagtail.models import Site

from apps.events.models import EventCategoryLink, EventPage

#: What EventSerializer reads of a page and of the rows it links to.
LIST_FIELDS = (
    "id",
    "translation_key",
    "locale_id",
    "title",
    "url_path",
    "summary",
    "status",
    "featured",
    "attendance_mode",
    "online_url",
    "audience",
    "age_min",
    "age_max",
    "is_free",
    "price_amount",
    "price_currency",
    "price_text",
    "registration_url",
    "registration_deadline",
    "event_language",
    "time_zone",
    "frequency",
    "locale__language_code",
    "organiser__slug",
    "organiser__name",
    "related_project__identifier",
    "related_project__title",
    *(
        f"venue__{name}"
        for name in (
            "translation_key",
            "name",
            "address",
            "postcode",
            "town",
            "latitude",
            "longitude",
            "accessibility",
        )
    ),
    *(
        f"venue__{place}__{name}"
        for place in ("municipality", "municipality__parent")
        for name in ("identifier", "name", "names")
    ),
)


def list_fields():
    """LIST_FIELDS and the whole image row, which renditions are looked up with."""
    image = get_image_model()._meta.concrete_fields
    return [*LIST_FIELDS, *(f"image__{field.name}" for field in image)]


def list_pages_by_key(keys, locale, fallback=True):
    """{translation_key: page} for live, public pages, each with ``is_fallback``."""
    if not keys:
        return {}
    candidates = (
        EventPage.objects.live()
        .public()
        .filter(translation_key__in=set(keys))
        .select_related(
            "locale",
            "organiser",
            "related_project",
            "venue__municipality__parent",
            "image",
        )
        .only(*list_fields())
        .prefetch_related(
            Prefetch(
                "categories",
                queryset=EventCategoryLink.objects.select_related("category").order_by(
                    "sort_order"
                ),
            ),
            "image__renditions",
            "provenance",
        )
        .order_by("pk")
    )
    chosen = {}
    for page in candidates:
        page.is_fallback = page.locale_id != locale.pk
        shown = chosen.get(page.translation_key)
        if not page.is_fallback or (fallback and shown is None):
            chosen[page.translation_key] = page
    return chosen


class PageURLs:
    """Absolute page URLs for one request. Pages under the same parent, in the same language and
    the same sites differ only in the last segment of their ``url_path``, which Django's
    ``reverse`` quotes character by character, so Wagtail's ``get_url`` (a ``reverse`` in the
    page's language) runs once per such group and the rest is string work."""

    def __init__(self, request):
        self.request = request
        self._roots = Site.get_site_root_paths()
        self._parents = {}

    def __call__(self, page):
        parent_path, _slash, last = page.url_path[:-1].rpartition("/")
        tail = quote(last, safe=RFC3986_SUBDELIMS + "/~:@") + "/"
        roots = tuple(root for root in self._roots if page.url_path.startswith(root.root_path))
        group = (parent_path, page.locale.language_code, roots)
        if group not in self._parents:
            url = page.get_url(self.request)
            if not url or not url.endswith("/" + tail):
                return self.request.build_absolute_uri(url) if url else None
            self._parents[group] = self.request.build_absolute_uri(url[: -len(tail)])
        return self._parents[group] + tail
