"""A wrong value in one of apps.projects's settings is reported by name at `manage.py check`,
before a request meets it."""

from apps.core.app_settings import settings_errors
from apps.projects import conf


def check_settings(app_configs, **kwargs):
    return settings_errors(conf, app_configs, "projects.E001")
