from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "apps.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.core import content_version
        from apps.core.sections import register_home_section
        from apps.newsletters.checks import check_settings
        from apps.newsletters.home import newsletter_section
        from apps.newsletters.models import Delivery, Sending, Subscription, Suppression

        content_version.register_public(self)
        content_version.register_private(Subscription, Suppression, Sending, Delivery)
        checks.register(check_settings)
        register_home_section(newsletter_section, order=50)
