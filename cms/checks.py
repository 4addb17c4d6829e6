"""Checks of what Bygd's own settings read from the environment beyond the apps' settings (those
are checked by each app): a typo is named at `manage.py check`, not met as a traceback."""

from django.conf import settings
from django.core import checks


def check_tasks_backend(app_configs, **kwargs):
    from cms.settings.base import TASK_BACKENDS

    name = getattr(settings, "BYGD_TASKS_BACKEND", None)
    if name is None or name in TASK_BACKENDS:
        return []
    return [
        checks.Error(
            f"BYGD_TASKS_BACKEND={name!r} is not a task backend; valid: "
            + ", ".join(TASK_BACKENDS),
            hint="Until it is fixed, tasks run with the default backend.",
            id="cms.E001",
        )
    ]
