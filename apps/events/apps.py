from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.core import content_version
        from apps.core.sections import register_home_section
        from apps.events import newsletter_content, signals
        from apps.events.checks import check_settings
        from apps.events.sections import home_section, organisation_section
        from apps.network.registry import register_organisation_section

        signals.connect()
        register_organisation_section(organisation_section)
        register_home_section(home_section, order=20)
        newsletter_content.register()
        content_version.register_public(self)
        checks.register(check_settings)
