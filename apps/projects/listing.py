"""Context for the HTML project database: filters, facets, the chosen filters in the order they
were added (to undo the last one), fallback and translation markers.

The page works as a plain GET form. A browser sends the form's fields in page order, not in the
order the visitor chose them, so the form carries the filters already applied, in order, in the
hidden field ``applied``; values not in it are the newest. A shared link without it counts its
own parameter order.
"""

import hashlib
import json
from urllib.parse import parse_qsl, urlencode

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import content_version
from apps.projects import conf
from apps.projects.facets import BY_NAME, count_and_facets
from apps.projects.models import ProjectPage, ProjectTranslation
from apps.projects.query import ProjectFilter, filtered


def with_translation_origin(queryset):
    origin = ProjectTranslation.objects.filter(
        translation_key=OuterRef("translation_key"), locale=OuterRef("locale")
    ).values("origin")[:1]
    return queryset.annotate(translation_origin=Subquery(origin))


ORDERING_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest")),
    ("title", _("Title")),
    ("amount", _("Amount granted")),
    ("start", _("Start date")),
]

OTHER_FILTER_LABELS = {
    "q": _("Search"),
    "year": _("Active in year"),
    "year_from": _("Active from year"),
    "year_to": _("Active up to year"),
    "active_on": _("Active on"),
    "amount_min": _("Amount granted, from"),
    "amount_max": _("Amount granted, up to"),
    "modified_since": _("Changed since"),
}
FILTERS = [name for name in ProjectFilter.base_filters if name != "ordering"]
NEEDS_CURRENCY = ("amount_min", "amount_max")
SHOWN_VALUES = 10  # per checkbox group; the rest wait in a <details>, which needs no script
APPLIED_MAX_LENGTH = 2000


def listing_context(request, index_page, per_page, paginator_class):
    locale = index_page.locale
    params = request.GET
    filterset = filtered(params, locale)
    errors = None if filterset.is_valid() else filterset.form.errors
    if errors:
        params = _without_errors(params, errors)
        filterset = filtered(params, locale)
    valid = filterset.is_valid()
    total, facets = counts(filterset, locale) if valid else (0, {})
    queryset = ProjectPage.objects.none()
    paginator = paginator_class(queryset, per_page)
    if valid and not errors:
        queryset = with_translation_origin(
            filterset.qs.select_related("locale", "owner_organisation", "listing_image", "image")
        )
        paginator = paginator_class(queryset, per_page)
        paginator.count = total  # known from the facets' query, so not counted again
    page = paginator.get_page(request.GET.get("page"))
    applied = _applied(request, params)
    chosen = [_describe(pair, applied, params, facets) for pair in applied]
    export_query = params.copy()
    for name in ("page", "applied"):
        export_query.pop(name, None)
    export_query["locale"] = locale.language_code
    return {
        "filter_errors": errors,
        "projects": page,
        "facet_groups": _groups(facets, params),
        "currency_options": _options(facets.get("currency", []), params, "currency"),
        "filters": request.GET,
        "applied": urlencode(applied),
        "chosen_filters": chosen,
        "undo": chosen[-1] if chosen else None,
        "query_string": _query(applied, params),
        "export_query": export_query.urlencode(),
        "ordering_choices": ORDERING_CHOICES,
    }


def counts(filterset, locale, fallback=True):
    """The total and facets of a valid filterset, kept in the cache under the content version
    (which every change to public content moves) and today's date (statuses follow the date),
    so paging, re-sorting and revisiting a listing, on the page or through the API, read no
    count over the whole table. Ordering and page do not change them, so they are not part of
    the key; the language and whether it falls back to the original do."""
    chosen = sorted(
        (name, sorted(filterset.data.getlist(name)))
        for name in filterset.filters
        if name != "ordering" and filterset.data.getlist(name)
    )
    version, _changed = content_version.current()
    identity = json.dumps([version, str(timezone.localdate()), locale.pk, fallback, chosen])
    key = f"bygd:project-counts:{hashlib.sha256(identity.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = count_and_facets(filterset, locale)
        cache.set(key, found, timeout=conf.project_counts_cache_seconds())
    return found


def _without_errors(params, errors):
    """The request's parameters minus the wrong ones, so the facets still show what is left
    (and a missing currency drops the amount filters and ordering that need one)."""
    params = params.copy()
    for name in errors:
        params.pop(name, None)
        if name == "currency":
            for dependent in NEEDS_CURRENCY:
                params.pop(dependent, None)
            if params.get("ordering") == "amount":
                params.pop("ordering")
    return params


def _applied(request, params):
    """The chosen (filter, value) pairs, oldest first."""
    present = {(name, value) for name in FILTERS for value in params.getlist(name) if value}
    in_url = parse_qsl(request.META.get("QUERY_STRING", ""))
    earlier = parse_qsl(params.get("applied", "")[:APPLIED_MAX_LENGTH])
    ordered = []
    for pair in [*earlier, *in_url]:
        if pair in present and pair not in ordered:
            ordered.append(pair)
    return ordered


def _query(pairs, params, ordering=True):
    """A query string of the filter ``pairs`` (with their order for the next request)."""
    query = list(pairs)
    if ordering and params.get("ordering"):
        query.append(("ordering", params["ordering"]))
    if pairs:
        query.append(("applied", urlencode(pairs)))
    return urlencode(query)


def _describe(pair, applied, params, facets):
    """A chosen filter with its label and the query that removes it (a currency goes with the
    amount filters and ordering that need it)."""
    name, value = pair
    facet = BY_NAME.get(name)
    labels = {item["value"]: item["label"] for item in facets.get(name, [])}
    rest = [
        other
        for other in applied
        if other != pair and not (name == "currency" and other[0] in NEEDS_CURRENCY)
    ]
    keep_ordering = not (name == "currency" and params.get("ordering") == "amount")
    return {
        "name": facet.legend if facet else OTHER_FILTER_LABELS.get(name, name),
        "label": labels.get(value, value),
        "remove_query": _query(rest, params, keep_ordering),
    }


def _options(items, params, name):
    chosen = set(params.getlist(name))
    return [{**item, "selected": item["value"] in chosen} for item in items]


def _groups(facets, params):
    """The checkbox groups, in the API's order, that have values to show: the most frequent and
    the chosen values first, the others (``more``) behind a disclosure."""
    groups = []
    for name, items in facets.items():
        if not (BY_NAME[name].multiple and items):
            continue
        options = _options(items, params, name)
        shown = [
            option
            for index, option in enumerate(options)
            if index < SHOWN_VALUES or option["selected"]
        ]
        more = [option for option in options if option not in shown]
        groups.append({"name": name, "legend": BY_NAME[name].legend, "items": shown, "more": more})
    return groups
