from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core building blocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apps.core import content_version

        content_version.connect()
