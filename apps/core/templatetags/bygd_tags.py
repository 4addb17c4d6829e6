"""Language switcher, hreflang alternates, home page and menu: the chrome Bygd's own base
(bygd/base.html) needs; link-preview tags (bygd/page.html), short date ranges and the map beside
a listing for every app's templates. Generic: they read Wagtail's pages and sites only, so a
host's base template may load them too (``{% load bygd_tags %}``)."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from apps.core import conf, content_version, dates, sharing

#: A menu kept under a content version nothing moves any more is simply never read again.
MENU_SECONDS = 24 * 3600

register = template.Library()


def _per_request(request, key, compute):
    """The switcher, the hreflang links, the logo link and the menu all need the same few
    lookups; compute each once per request rather than once per tag."""
    cache = request.__dict__.setdefault("_bygd_chrome", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _locale_homes(request):
    return _per_request(request, "homes", lambda: _find_locale_homes(request))


def _find_locale_homes(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def language_versions(context):
    """One entry per configured language: the translation of this page if it is live,
    otherwise that language's home page (marked ``translated=False``). A view of a route of the
    page (the project database's statistics) names its own address in each translation with
    ``translation_url`` in its context, a function of the translated page."""
    request = context.get("request")
    page = context.get("page")
    route = context.get("translation_url")
    if request is None:
        return _language_versions(request, page, route)
    key = ("versions", getattr(page, "pk", None), translation.get_language())
    return _per_request(request, key, lambda: _language_versions(request, page, route))


def _language_versions(request, page, route=None):
    current = translation.get_language()
    pages_by_code = {}
    if isinstance(page, Page) and page.pk:
        translations = page.get_translations(inclusive=True).live().public()
        pages_by_code = {p.locale.language_code: p for p in translations.select_related("locale")}
    homes = _locale_homes(request) if request else {}
    versions = []
    for code, name in settings.LANGUAGES:
        target = pages_by_code.get(code)
        if target is not None:
            url, translated = (route(target) if route else target.get_url(request)), True
        elif page is None and request is not None:
            url, translated = translate_url(request.get_full_path(), code), True
        elif code in homes:
            url, translated = homes[code].get_url(request), False
        else:
            continue
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "translated": translated,
                "current": code == current,
            }
        )
    return versions


@register.inclusion_tag("bygd/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"versions": language_versions(context)}


@register.inclusion_tag("bygd/includes/hreflang.html", takes_context=True)
def hreflang_alternates(context):
    versions = [v for v in language_versions(context) if v["translated"]]
    default = next((v for v in versions if v["code"] == settings.LANGUAGE_CODE), None)
    return {"versions": versions, "default": default}


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context.get("request")
    homes = _locale_homes(request) if request else {}
    return homes.get(translation.get_language()) or next(iter(homes.values()), None)


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The home page's children shown in the menu, kept under the content version (which every
    publish and view restriction moves): treebeard keeps no index on depth, so finding children
    reads the home page's whole subtree, a sequential scan of every page on PostgreSQL once the
    site holds tens of thousands."""
    home = home_page(context)
    if home is None:
        return []
    key = f"bygd:menu:{home.pk}:{content_version.current()[0]}"
    pages = cache.get(key)
    if pages is None:
        pages = list(home.get_children().live().public().in_menu().select_related("locale"))
        cache.set(key, pages, MENU_SECONDS)
    return pages


@register.filter
def date_range(start, end=None):
    """``{{ start|date_range:end }}``: "29 Nov–27 Dec" in the active language (apps.core.dates)."""
    return dates.date_range(start, end)


@register.inclusion_tag("bygd/includes/open_graph.html", takes_context=True)
def open_graph(context):
    """Open Graph and Twitter card tags for the page in the context (apps.core.sharing); a
    view may name another title in ``sharing_title`` (a sent newsletter shows what was sent)."""
    og = sharing.open_graph(context.get("page"), context.get("request"), language_versions(context))
    if og and context.get("sharing_title"):
        og["title"] = context["sharing_title"]
    return {"og": og}


@register.inclusion_tag("bygd/includes/map.html")
def result_map(geojson_url, label, api_query=""):
    """A map of a listing's filtered result beside the list, drawn by bygd/map.js from
    ``geojson_url`` (the API's GeoJSON with the same filters). It stays hidden without
    JavaScript, and is left out when the site sets no tile server: the list is the text form."""
    return {
        "tile_url": conf.map_tile_url(),
        "attribution": conf.map_attribution(),
        "geojson_url": f"{geojson_url}?{api_query}" if api_query else geojson_url,
        "label": label,
    }
