from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from apps.harvest.models import HarvestSource


class HarvestSourceViewSet(SnippetViewSet):
    """Editors add, pause and inspect sources; the periodic task runs the active ones and each
    source's last summary is shown here."""

    model = HarvestSource
    icon = "download"
    menu_label = _("Harvest sources")
    add_to_admin_menu = False
    list_display = ["name", "base_url", "kinds", "active", "last_run", "last_ok"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "base_url",
        "kinds",
        "active",
        "site_name",
        "last_run",
        "last_ok",
        "last_summary",
    ]


register_snippet(HarvestSourceViewSet)
