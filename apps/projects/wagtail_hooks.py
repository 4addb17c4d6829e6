from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.projects.models import FundingProgramme, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "is_horizontal", "locale"]
    list_filter = ["is_horizontal"]
    search_fields = ["name", "slug"]


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "form"
    menu_label = _("Funding programmes")
    list_display = ["name", "slug", "funder", "locale"]
    search_fields = ["name", "slug"]


class ProjectTaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, FundingProgrammeViewSet)
    menu_icon = "tag"
    menu_label = _("Project taxonomy")
    menu_name = "project-taxonomy"


register_snippet(ProjectTaxonomyGroup)
