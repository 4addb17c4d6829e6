from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core building blocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.core import content_version, text_search
        from apps.core.checks import check_compiled_catalogues, check_settings

        content_version.connect()
        text_search.connect()
        checks.register(check_settings)
        checks.register(check_compiled_catalogues)
