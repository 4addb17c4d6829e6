from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.core import content_version
        from cms.checks import check_tasks_backend

        post_migrate.connect(ensure_locales, sender=self)
        content_version.register_public(self)
        checks.register(check_tasks_backend)


def ensure_locales(using="default", **kwargs):
    """Every configured language needs a Locale row before pages can be translated into it."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
