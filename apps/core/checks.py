"""A wrong value in one of apps.core's settings is reported by name at `manage.py check`, before
a request meets it; so is a deployment that never compiled the translation catalogues."""

from django.conf import settings
from django.core import checks

from apps.core import conf, logins
from apps.core.app_settings import settings_errors
from apps.core.catalogues import uncompiled_catalogues


def check_settings(app_configs, **kwargs):
    return settings_errors(conf, app_configs, "core.E001")


def check_login_limit(app_configs, **kwargs):
    """Without the backend first in line, logins (the admin's too) have no limit on guesses."""
    backends = list(getattr(settings, "AUTHENTICATION_BACKENDS", []))
    if backends[:1] == [logins.BACKEND]:
        return []
    return [
        checks.Warning(
            "Failed logins are not limited.",
            hint=f"Put {logins.BACKEND!r} first in AUTHENTICATION_BACKENDS.",
            id="core.W001",
        )
    ]


def check_compiled_catalogues(app_configs, **kwargs):
    return [
        checks.Error(
            f"The translation catalogue {path} has not been compiled: pages in its language "
            "would show English and translated URLs would not be found.",
            hint="Run `manage.py compile_catalogues` (needs no gettext tools).",
            id="core.E002",
        )
        for path in uncompiled_catalogues()
    ]
