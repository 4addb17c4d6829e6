"""Settings of apps.core, with their defaults; code reads them only through the functions below.

| setting | default | meaning |
|---|---|---|
| `BYGD_HEADLESS_PREVIEW_URLS` | `{}` | external frontends' preview URLs by `host/language`, `language` or `*`; without a match the "External frontend" preview mode is not offered |
| `BYGD_HEADLESS_PREVIEW_TTL` | `1800` | seconds a headless preview token works |
| `BYGD_CACHED_PATHS` | API, feeds, `.ics` and calls paths | regular expression of paths `PublicCacheMiddleware` may answer from the shared cache |
| `BYGD_UNCACHED_PATHS` | preview and subscription API | regular expression of paths it never caches, even when they match the above |
| `BYGD_CACHE_MAX_AGE` | `60` | seconds in `Cache-Control: max-age` of cached answers, and how long a stored answer is fresh: after that one request recomputes it while the others still get the stored one |
| `BYGD_CACHE_STALE_WHILE_REVALIDATE` | `300` | seconds in `stale-while-revalidate` of cached answers, and how long past its freshness a stored answer may be served while it is recomputed (older, the request recomputes it itself) |
| `BYGD_CACHE_KEEP` | `86400` | seconds a stored answer is kept at most; a change to public content makes it unreachable at once, whatever this says |
| `BYGD_CACHE_HOT_BYTES` | `8388608` (8 MiB) | bytes of stored answers each worker process keeps a copy of (the most recently served, none larger than a quarter of this), so that a hit reads only the content version from the shared cache; a copy is served only under the current content version; 0 keeps none |
| `BYGD_CACHE_VERSION_HOLD_MS` | `0` | milliseconds (at most 1000) a worker answers hits under the content version it last read from the shared cache instead of reading it again (on Redis, which reports changes, a hit reads it only after one anyway); above 0, an answer may be served up to this long after another worker published a change (the worker that published moves at once); 0 reads it whenever it may have changed, so no stale answer is ever served |
| `BYGD_REPLICA_DATABASE` | `None` | the alias in `DATABASES` of a read replica that `ReplicaRouter` sends public reads to (None: every read goes to the primary) |
| `BYGD_REPLICA_MAX_LAG` | `5` | seconds the replica may lag behind the primary: a client that wrote reads the primary this long, and cached answers read from the replica this soon after a change are recomputed when this has passed |
| `BYGD_PRIMARY_PATHS` | the admin | regular expression of paths that always read the primary, even for anonymous GET requests |
| `BYGD_FRONTEND_CACHE_PURGE_PATHS` | API listings and feeds | paths purged from the CDN on every content change (Wagtail purges the pages) |
| `BYGD_TRUSTED_PROXIES` | `0` | reverse proxies in front of the site; every rate limit (the API's and public writes') takes the client address from `X-Forwarded-For` behind exactly this many (0: the connection's address) |
| `BYGD_LOGIN_WINDOW` | `900` | seconds in which failed logins (admin, portal, any view using `authenticate()`) are counted |
| `BYGD_LOGIN_FAILURES_PER_ADDRESS` | `30` | failed logins from one client address in the window before every login from it is refused |
| `BYGD_LOGIN_FAILURES_PER_ACCOUNT` | `5` | failed logins for one account name in the window before logins for it are refused from every address that has failed in the window |
| `BYGD_RATELIMIT_CACHE` | `"default"` | the cache (a key of `CACHES`) every rate limit counts in; it must be shared by all worker processes (Redis, or `apps.core.cache.DatabaseCache`), which `check --deploy` verifies |
| `BYGD_API_ANON_RATE` | `"120/minute"` | requests per client address to the domain API before 429; None switches it off |
| `BYGD_INDEX_PARENT_PAGE_TYPES` | `None` (any page) | page types (`"app_label.Model"`) under which Bygd's index pages may be created |
| `BYGD_OG_LOCALES` | Nordic languages and English (`{"sv": "sv_SE", "en": "en_GB", …}`) | Open Graph locale (`og:locale`, `language_TERRITORY`) of each language code; a code not listed is given as Django writes it (`sv`) |
| `BYGD_UNGUESSABLE_IMAGE_NAMES` | `True` | give every uploaded image a random file name, so an image on a draft or a pending portal submission is not at a predictable `/media/` address before its page is published |
| `BYGD_MAP_TILE_URL` | OpenStreetMap's standard tiles, `"https://tile.openstreetmap.org/{z}/{x}/{y}.png"` | the tile server of the maps beside the project database and the calendar, in Leaflet's `{z}/{x}/{y}` form (`{s}` for subdomains); `None` leaves the maps out; a path (`/tiles/{z}/{x}/{y}.png`) serves them from this site. Its host must be an `img-src` of the site's Content-Security-Policy (the reference site adds it) |
| `BYGD_MAP_ATTRIBUTION` | `"© OpenStreetMap contributors"`, linked to openstreetmap.org/copyright | the credit the tile server's terms ask for, shown in the map's corner (HTML); change it with the tile server |
| `BYGD_BASE_TEMPLATE` | `"bygd/base.html"` | the base template Bygd's pages and views render in (the host's own, e.g. `"base.html"`; see README.md for the blocks it needs) |
"""

import re

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from wagtail.coreutils import resolve_model_string
from wagtail.models import get_page_models

from apps.core.app_settings import (
    Setting,
    absolute_paths,
    rate_or_none,
    regular_expression,
    true_or_false,
    whole_number,
)


def _preview_urls_rule(value):
    if not isinstance(value, dict):
        return "is not a mapping of host/language, language or * to a URL."
    for key, url in value.items():
        if not key or not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return f"maps {key!r} to {url!r}; each key needs an http:// or https:// URL."
    return None


def _cache_alias_rule(value):
    if value not in settings.CACHES:
        return f"is not one of the caches in CACHES ({', '.join(settings.CACHES)})."
    return None


def _database_alias_rule(value):
    if value is None or value in settings.DATABASES and value != "default":
        return None
    return "is not None or one of the databases in DATABASES other than 'default'."


def _page_types_rule(value):
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        return 'is not a list of page types such as ["cms.HomePage"] or None (any page).'
    for name in value:
        try:
            model = resolve_model_string(name)
        except (ValueError, LookupError):
            return f'names {name!r}, which is not a page type ("app_label.Model").'
        if model not in get_page_models():
            return f"names {name!r}, which is not a page type."
    return None


def _template_rule(value):
    if not isinstance(value, str) or not value:
        return 'is not a template name such as "base.html".'
    if value == "bygd/page.html":
        return "names bygd/page.html, which extends this base itself; name the site's base."
    try:
        get_template(value)
    except TemplateDoesNotExist:
        return "names a template no template loader finds."
    except TemplateSyntaxError as error:
        return f"names a template that does not compile ({error})."
    return None


preview_urls = Setting("BYGD_HEADLESS_PREVIEW_URLS", {}, _preview_urls_rule)
preview_ttl = Setting("BYGD_HEADLESS_PREVIEW_TTL", 1800, whole_number(1))
cached_paths = Setting(
    "BYGD_CACHED_PATHS", r"^/(api/|feeds/|calendar\.ics|calendar/|calls/)", regular_expression
)
uncached_paths = Setting(
    "BYGD_UNCACHED_PATHS", r"^/api/(v2/preview|newsletter/subscriptions)", regular_expression
)
cache_max_age = Setting("BYGD_CACHE_MAX_AGE", 60, whole_number(0))
stale_while_revalidate = Setting("BYGD_CACHE_STALE_WHILE_REVALIDATE", 300, whole_number(0))
cache_keep = Setting("BYGD_CACHE_KEEP", 86400, whole_number(1))
cache_hot_bytes = Setting("BYGD_CACHE_HOT_BYTES", 8 * 1024 * 1024, whole_number(0))


def _hold_rule(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
        return "is not a whole number of milliseconds from 0 to 1000."
    return None


cache_version_hold_ms = Setting("BYGD_CACHE_VERSION_HOLD_MS", 0, _hold_rule)
replica_database = Setting("BYGD_REPLICA_DATABASE", None, _database_alias_rule)
replica_max_lag = Setting("BYGD_REPLICA_MAX_LAG", 5, whole_number(1))
primary_paths = Setting("BYGD_PRIMARY_PATHS", r"^/admin/", regular_expression)
purge_paths = Setting(
    "BYGD_FRONTEND_CACHE_PURGE_PATHS",
    [
        "/api/projects/",
        "/api/projects.geojson",
        "/api/projects/stats/",
        "/api/events/",
        "/api/events.geojson",
        "/api/calls/",
        "/api/news/",
        "/api/organisations/",
        "/api/themes/",
        "/feeds/news.xml",
        "/feeds/news.atom",
        "/calendar.ics",
        "/calls/deadlines.ics",
    ],
    absolute_paths,
)
trusted_proxies = Setting("BYGD_TRUSTED_PROXIES", 0, whole_number(0))
login_window = Setting("BYGD_LOGIN_WINDOW", 900, whole_number(1))
login_failures_per_address = Setting("BYGD_LOGIN_FAILURES_PER_ADDRESS", 30, whole_number(1))
login_failures_per_account = Setting("BYGD_LOGIN_FAILURES_PER_ACCOUNT", 5, whole_number(1))
ratelimit_cache = Setting("BYGD_RATELIMIT_CACHE", "default", _cache_alias_rule)
api_anon_rate = Setting("BYGD_API_ANON_RATE", "120/minute", rate_or_none)
index_parent_page_types = Setting("BYGD_INDEX_PARENT_PAGE_TYPES", None, _page_types_rule)
unguessable_image_names = Setting("BYGD_UNGUESSABLE_IMAGE_NAMES", True, true_or_false)
base_template = Setting("BYGD_BASE_TEMPLATE", "bygd/base.html", _template_rule)


def _tile_url_rule(value):
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith(("https://", "http://", "/")):
        return "is not None or a tile URL (https://… or a path on this site)."
    if not all(part in value for part in ("{z}", "{x}", "{y}")):
        return "has not all of {z}, {x} and {y} in it."
    return None


def _text_rule(value):
    return None if isinstance(value, str) else "is not a text."


map_tile_url = Setting(
    "BYGD_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", _tile_url_rule
)
map_attribution = Setting(
    "BYGD_MAP_ATTRIBUTION",
    '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    _text_rule,
)
OG_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")


def _og_locales_rule(value):
    if not isinstance(value, dict):
        return 'is not a mapping of language codes to Open Graph locales such as {"sv": "sv_SE"}.'
    for code, locale in value.items():
        if not isinstance(locale, str) or not OG_LOCALE.match(locale):
            return f"maps {code!r} to {locale!r}; Open Graph locales look like 'sv_SE'."
    return None


og_locales = Setting(
    "BYGD_OG_LOCALES",
    {
        "sv": "sv_SE",
        "en": "en_GB",
        "da": "da_DK",
        "nb": "nb_NO",
        "nn": "nn_NO",
        "fi": "fi_FI",
        "is": "is_IS",
        "fo": "fo_FO",
        "se": "se_NO",
        "de": "de_DE",
    },
    _og_locales_rule,
)


def index_parent_page_models():
    names = index_parent_page_types()
    if names is None:
        return get_page_models()
    return [resolve_model_string(name) for name in names]
