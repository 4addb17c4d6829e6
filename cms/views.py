"""Site search. Wagtail search finds pages in any language; each hit is then shown in the
visitor's language where a translation exists, otherwise in its original, marked."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

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
        hits = list(Page.objects.live().public().filter(depth__gt=1).search(query)[:MAX_HITS])
        results = _in_locale(hits, locale)
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
