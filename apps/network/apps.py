from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "apps.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self):
        from apps.core import tombstones
        from apps.network.models import Organisation

        tombstones.register(Organisation, "organisation", lambda organisation: organisation.slug)
