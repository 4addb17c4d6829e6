"""How Bygd's apps read their settings, so that a host site installs any subset of them without
copying Bygd's settings: each app's conf.py declares its settings once (name, default, rule), code
calls them (``conf.verify_days()``) and reads the current value on every call, so
``override_settings`` and a host's later changes apply; and the app's system check reports a
wrong value by name at ``manage.py check`` instead of a traceback at the first request."""

import re
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


class Setting:
    """One setting of an app. ``default`` may be a function, for defaults derived from other
    settings (it is called at read time, so it follows them); ``rule`` returns what is wrong with
    a value, or None."""

    def __init__(self, name, default, rule=None):
        self.name = name
        self.default = default
        self.rule = rule

    def __call__(self):
        if hasattr(settings, self.name):
            return getattr(settings, self.name)
        return self.default() if callable(self.default) else self.default

    def problem(self):
        """What ``manage.py check`` says about the current value, or None when it is fine."""
        if self.rule is None:
            return None
        try:
            value = self()
        except ImproperlyConfigured as error:
            return str(error)
        problem = self.rule(value)
        return f"{self.name}={value!r} {problem}" if problem else None


def declared(conf):
    return [value for value in vars(conf).values() if isinstance(value, Setting)]


def settings_errors(conf, app_configs, error_id):
    """The system-check errors of every setting ``conf`` declares; each app's checks.py calls it
    with its own conf module and error id."""
    label = error_id.split(".")[0]
    if app_configs is not None and label not in {config.label for config in app_configs}:
        return []
    problems = (setting.problem() for setting in declared(conf))
    return [checks.Error(problem, id=error_id) for problem in problems if problem]


def beside_media_root(name, setting):
    """A path next to MEDIA_ROOT (not inside it, which the web server may publish), for files a
    host must keep but never serve: the default of ``setting`` wherever an app needs such a
    place, so that no app depends on a folder only Bygd's own settings define."""
    if not settings.MEDIA_ROOT:
        raise ImproperlyConfigured(
            f"{setting} defaults to {name!r} next to MEDIA_ROOT, which is not set; "
            f"set MEDIA_ROOT or {setting}."
        )
    return Path(settings.MEDIA_ROOT).resolve().parent / name


# Rules: each returns a message completing "SETTING=value …", or None when the value is fine.


def whole_number(minimum):
    def rule(value):
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            return f"is not a whole number of at least {minimum}."
        return None

    return rule


def true_or_false(value):
    return None if isinstance(value, bool) else "is not True or False."


def rate_or_none(value):
    """Django REST framework's "number/period" rate, e.g. "120/minute"; None switches it off."""
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d+/(s|m|h|d)\w*", value.strip()):
        return 'is not a rate such as "120/minute" (number/second, minute, hour or day) or None.'
    return None


def regular_expression(value):
    try:
        re.compile(value)
    except (re.error, TypeError) as error:
        return f"is not a regular expression ({error})."
    return None


def absolute_paths(value):
    if not isinstance(value, list | tuple) or not all(
        isinstance(path, str) and path.startswith("/") for path in value
    ):
        return 'is not a list of paths starting with "/".'
    return None


def path_like(value):
    if not isinstance(value, str | Path) or not str(value):
        return "is not a file system path."
    return None
