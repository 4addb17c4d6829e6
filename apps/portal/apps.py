from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "apps.portal"
    label = "portal"
    verbose_name = _("Organiser portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.core import content_version
        from apps.events.registry import register_editor_panel
        from apps.portal import models, moderation
        from apps.portal.checks import check_settings
        from apps.portal.panels import OrganiserPanel

        moderation.connect()
        register_editor_panel(OrganiserPanel())
        content_version.register_private(
            models.OrganiserAccount,
            models.OrganisationProposal,
            models.OrganiserInvitation,
            models.TrustedOrganisation,
            models.PortalEvent,
            models.FeedSubscription,
        )
        checks.register(check_settings)
