"""The live server schemathesis fuzzes (`make fuzz`): production behaviour (no debug pages, the
shared response cache on) without HTTPS or throttling, which would only hide findings."""

from . import base as base_settings
from .test import *  # noqa: F403

BYGD_CACHED_PATHS = base_settings.BYGD_CACHED_PATHS
BYGD_API_ANON_RATE = None
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
