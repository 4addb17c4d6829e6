from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core building blocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_login_failed
        from django.core import checks
        from django.db.models.signals import pre_migrate

        from apps.core import content_version, image_names, logins, text_search
        from apps.core.cache import create_cache_tables
        from apps.core.checks import (
            check_compiled_catalogues,
            check_login_limit,
            check_ratelimit_cache,
            check_settings,
        )

        content_version.connect()
        image_names.connect()
        text_search.connect()
        user_login_failed.connect(logins.count_failure, dispatch_uid="bygd-login-failures")
        checks.register(check_settings)
        checks.register(check_login_limit)
        checks.register(check_compiled_catalogues)
        checks.register(check_ratelimit_cache, deploy=True)
        pre_migrate.connect(create_cache_tables, sender=self, dispatch_uid="bygd-cache-tables")
