from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "apps.projects"
    label = "projects"
    verbose_name = _("Projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from apps.core import backup, content_version
        from apps.projects import (
            conf,
            newsletter_content,
            place_reach,
            search,
            sections,
            signals,
        )
        from apps.projects.calls import sections as call_sections
        from apps.projects.checks import check_settings
        from apps.projects.news import sections as news_sections

        signals.connect()
        search.connect(self)
        place_reach.connect()
        sections.register()
        news_sections.register()
        newsletter_content.register()
        call_sections.register()
        _register_tombstones()
        content_version.register_public(self)
        checks.register(check_settings)
        backup.register_file_root("attachments", conf.private_media_root)


def _register_tombstones():
    from apps.core import tombstones
    from apps.projects.models import FundingCallPage, ProjectPage, ProjectPostPage

    tombstones.register(ProjectPage, "project", lambda page: page.identifier)
    tombstones.register(ProjectPostPage, "news", lambda page: page.translation_key)
    tombstones.register(FundingCallPage, "call", lambda page: page.identifier)
