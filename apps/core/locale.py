"""Locale fallback: a listing in locale X shows the X version of each item where one exists and
otherwise the original, marked, so content written in one language is still found from another.

Everything happens in the database: the fallback rows are chosen with a subquery, never by
loading the table into Python.
"""

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When
from django.utils import translation
from wagtail.models import Locale


def active_locale():
    """The Locale for the active language, or the default one if it has no Locale row yet."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def with_fallback(queryset, locale, fallback=True):
    """Rows of ``queryset`` in ``locale``, plus (if ``fallback``) one original for every
    translation group that has no row in ``locale`` within the queryset. Adds ``is_fallback``.

    The original of a group is its first-created row: wagtail-localize always creates
    translations from an existing source, so the lowest primary key is the source. Both tests
    are correlated on the row's translation key, which the unique (translation_key, locale)
    index answers, so only the rows the other filters leave are looked at; a list of every
    group's original, built first, meant reading the whole table on every request (issue 19).
    """
    in_locale = Q(locale=locale)
    if fallback:
        group = queryset.order_by().filter(translation_key=OuterRef("translation_key"))
        translated = Exists(group.filter(locale=locale))
        earlier = Exists(group.filter(pk__lt=OuterRef("pk")))
        queryset = queryset.filter(in_locale | (~translated & ~earlier))
    else:
        queryset = queryset.filter(in_locale)
    return queryset.annotate(
        is_fallback=Case(
            When(locale=locale, then=Value(False)),
            default=Value(True),
            output_field=BooleanField(),
        )
    )


class LocalizedCache:
    """Resolve FK targets to the active locale's translation once per request.

    wagtail-localize leaves foreign keys inside inline children pointing at source-locale
    snippets; templates call ``localized(obj)`` instead of ``obj.localized`` so a listing of
    many items costs one query per distinct target, not one per row.
    """

    def __init__(self, locale=None):
        self.locale = locale or active_locale()
        self._cache = {}

    def __call__(self, instance):
        if instance is None:
            return None
        return self.many([instance])[0]

    def many(self, instances):
        """Resolve a whole list with one query per model, in the given order."""
        missing = {}
        for instance in instances:
            key = (type(instance), instance.translation_key)
            if key in self._cache:
                continue
            if instance.locale_id == self.locale.pk:
                self._cache[key] = instance
            else:
                missing.setdefault(type(instance), {})[instance.translation_key] = instance
        for model, originals in missing.items():
            found = model._default_manager.filter(translation_key__in=originals, locale=self.locale)
            translated = {item.translation_key: item for item in found}
            for translation_key, original in originals.items():
                self._cache[(model, translation_key)] = translated.get(translation_key, original)
        return [self._cache[(type(instance), instance.translation_key)] for instance in instances]


def localized_for_request(request, instance):
    """Per-request cached ``.localized``; see LocalizedCache."""
    cache = getattr(request, "_bygd_localized", None)
    if cache is None or cache.locale.language_code != translation.get_language():
        cache = LocalizedCache()
        request._bygd_localized = cache
    return cache(instance)


def request_cache(request, locale):
    """One LocalizedCache per request and locale, shared by every field of an API answer."""
    caches = getattr(request, "_bygd_localized_by_locale", None)
    if caches is None:
        caches = request._bygd_localized_by_locale = {}
    if locale.pk not in caches:
        caches[locale.pk] = LocalizedCache(locale)
    return caches[locale.pk]


def warm(request, pages):
    """Resolve, in one query per model and language, the snippets a listing's pages show through
    inline rows (declared as ``api_localized = ("members__organisation", ...)`` on the page type),
    so each page's fields then find their translations in the request's cache."""
    wanted = {}
    for page in pages:
        for path in getattr(type(page), "api_localized", ()):
            relation, attribute = path.split("__")
            targets = wanted.setdefault(page.locale_id, (page.locale, []))[1]
            targets.extend(getattr(row, attribute) for row in getattr(page, relation).all())
    for locale, targets in wanted.values():
        request_cache(request, locale).many([target for target in targets if target is not None])
