"""The live server schemathesis fuzzes (`make fuzz`): production behaviour (no debug pages, the
shared response cache on) without HTTPS or throttling, which would only hide findings."""

from .test import *  # noqa: F403

# The test settings switch the shared cache off; apps.core.conf's default switches it on.
del BYGD_CACHED_PATHS  # noqa: F821 - defined by the star import
BYGD_API_ANON_RATE = None
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
