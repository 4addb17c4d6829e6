"""A wrong value in one of apps.core's settings is reported by name at `manage.py check`, before
a request meets it."""

from apps.core import conf
from apps.core.app_settings import settings_errors


def check_settings(app_configs, **kwargs):
    return settings_errors(conf, app_configs, "core.E001")
