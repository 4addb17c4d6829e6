from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestConfig(AppConfig):
    name = "apps.harvest"
    label = "harvest"
    verbose_name = _("Harvesting")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.harvest.checks import check_settings

        checks.register(check_settings)
