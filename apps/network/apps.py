from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "apps.network"
    label = "network"
    verbose_name = _("Network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from apps.core import content_version, tombstones
        from apps.network import search_index
        from apps.network.models import Organisation

        content_version.register_public(self)
        tombstones.register(Organisation, "organisation", lambda organisation: organisation.slug)
        search_index.connect(self)
