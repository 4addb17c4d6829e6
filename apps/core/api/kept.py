"""Parts of API answers kept per content version: what a listing shows of one item is the same
in every filter, window and page that lists it, and only a change to public content can alter
it, which moves the content version (as for the response cache). Loading and serialising the
rows of a page was most of a listing's time once its ids were found; kept parts make a page one
cache lookup for all its items, and the items not kept yet are made in a fixed number of
queries."""

import hashlib

from django.core.cache import cache

from apps.core import content_version

TIMEOUT = 24 * 3600


def kept(kind, keys, variant, make):
    """{key: part} for ``keys``: from the cache where kept under the current content version and
    ``variant`` (whatever else the part depends on: the site address its links use, the
    language), else from ``make(missing keys)``, which returns {key: part} for all of them."""
    version = content_version.current()[0]
    digest = hashlib.sha256("|".join(map(str, variant)).encode()).hexdigest()[:16]
    cache_keys = {key: f"bygd:api:{kind}:{version}:{digest}:{key}" for key in set(keys)}
    found = cache.get_many(list(cache_keys.values())) if cache_keys else {}
    missing = [key for key, cache_key in cache_keys.items() if cache_key not in found]
    if missing:
        made = {cache_keys[key]: part for key, part in make(missing).items()}
        cache.set_many(made, TIMEOUT)
        found.update(made)
    return {key: found[cache_key] for key, cache_key in cache_keys.items()}
