"""Site search. Wagtail search finds pages in any language; each hit is then shown in the
visitor's language where a translation exists, otherwise in its original, marked."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from apps.core.base_template import render
from apps.core.locale import active_locale

MAX_HITS = 200
PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()
    error = None
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Please use at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
    elif query:
        locale = active_locale()
        results = _in_locale(_hits_in_every_language(query, locale), locale)
        Query.get(query).add_hit()
    page = None
    if results is not None:
        paginator = Paginator(results, PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
    return render(
        request,
        "cms/search.html",
        {"search_query": query, "results": page, "error": error},
        status=400 if error else 200,
    )


def _hits_in_every_language(query, locale):
    """Search each language's pages with that language's own stemming (see
    apps.core.upstream.search_backend), the visitor's language first, so a Swedish word typed on the
    English site still finds the Swedish page."""
    codes = [locale.language_code] + [
        code for code, _name in settings.LANGUAGES if code != locale.language_code
    ]
    locales = {item.language_code: item for item in Locale.objects.filter(language_code__in=codes)}
    hits = []
    for code in codes:
        if code not in locales:
            continue
        with translation.override(code):
            pages = Page.objects.live().public().filter(depth__gt=1, locale=locales[code])
            hits.extend(pages.search(query)[:MAX_HITS])
    return hits


def _in_locale(hits, locale):
    """Replace each hit by its translation in ``locale`` where one is live, keep rank order,
    and drop duplicates of the same translation group."""
    keys = {hit.translation_key for hit in hits}
    local = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale=locale)
        .select_related("locale")
        .specific()
    }
    seen, results = set(), []
    for hit in hits:
        if hit.translation_key in seen:
            continue
        seen.add(hit.translation_key)
        page = local.get(hit.translation_key) or hit.specific
        page.is_fallback = page.locale_id != locale.pk
        results.append(page)
    return results
