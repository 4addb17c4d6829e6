"""A wrong value in one of apps.harvest's settings is reported by name at `manage.py check`,
before a run meets it."""

from apps.core.app_settings import settings_errors
from apps.harvest import conf


def check_settings(app_configs, **kwargs):
    return settings_errors(conf, app_configs, "harvest.E001")
