"""What a link preview shows of a page (Open Graph and Twitter cards): read from the page through
``ListingMixin``'s ``sharing_image``, ``sharing_description`` and ``sharing_type`` when it has
them, so every page type gets previews from one include (``bygd/includes/open_graph.html``,
rendered by ``{% open_graph %}`` in ``bygd/page.html``)."""

from django.utils import translation
from wagtail.models import Page

from apps.core import conf

# 1.91:1, the shape Facebook, LinkedIn and large Twitter cards show.
IMAGE_SPEC = "fill-1200x630"


def og_locale(language_code):
    """'sv' → 'sv_SE' (BYGD_OG_LOCALES), else Django's own form of the code."""
    return conf.og_locales().get(language_code) or translation.to_locale(language_code)


def _alt(page, image):
    """The page's own alternative text for its main image (``image_alt``), else the image's
    description; empty for a decorative image."""
    own = getattr(page, "image_alt", "") if image == getattr(page, "image", None) else ""
    return own or getattr(image, "description", "") or ""


def _image(page, request):
    image = getattr(page, "sharing_image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except OSError:  # SourceImageIOError too: a lost file must not break the page
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": _alt(page, image),
    }


def open_graph(page, request, versions):
    """The values of the preview tags, or None when there is no page to describe.
    ``versions`` are the page's language versions (``bygd_tags.language_versions``)."""
    if not isinstance(page, Page) or request is None:
        return None
    description = getattr(page, "sharing_description", None)
    if description is None:
        description = page.search_description
    current = translation.get_language()
    image = _image(page, request)
    return {
        "title": page.seo_title or page.title,
        "description": description,
        "type": getattr(page, "sharing_type", "website"),
        "url": request.build_absolute_uri(request.path),
        "image": image,
        "locale": og_locale(current),
        "alternates": [
            og_locale(version["code"])
            for version in versions
            if version["translated"] and version["code"] != current
        ],
        "twitter_card": "summary_large_image" if image else "summary",
    }
