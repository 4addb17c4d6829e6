"""A wrong value in one of apps.portal's settings is reported by name at `manage.py check`,
before a request meets it."""

from apps.core.app_settings import settings_errors
from apps.portal import conf


def check_settings(app_configs, **kwargs):
    return settings_errors(conf, app_configs, "portal.E001")
