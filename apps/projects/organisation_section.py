"""Lists an organisation's projects on its directory page (registered with apps.network)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.locale import active_locale
from apps.network.registry import register_organisation_section


def projects_of(request, organisation):
    from apps.projects.query import base_queryset

    key = organisation.translation_key
    projects = (
        base_queryset(active_locale())
        .filter(
            Q(owner_organisation__translation_key=key)
            | Q(funder__translation_key=key)
            | Q(partners__organisation__translation_key=key)
        )
        .distinct()
        .order_by("title")[:50]
    )
    projects = list(projects)
    if not projects:
        return None
    return {
        "title": _("Projects"),
        "template": "projects/includes/organisation_projects.html",
        "items": projects,
    }


def register():
    register_organisation_section(projects_of)
