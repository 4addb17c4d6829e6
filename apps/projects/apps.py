from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "apps.projects"
    label = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from apps.projects import newsletter_content, organisation_section, signals
        from apps.projects.calls import sections as call_sections

        signals.connect()
        organisation_section.register()
        newsletter_content.register()
        call_sections.register()
