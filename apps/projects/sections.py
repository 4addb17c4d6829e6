"""Projects outside the project database: featured on the home page and listed on an
organisation's directory page (both registered from AppConfig.ready, so core and network never
import us)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from apps.core.locale import active_locale
from apps.core.sections import register_home_section
from apps.network.registry import register_organisation_section


def projects_of(request, organisation):
    from apps.projects.query import base_queryset

    key = organisation.translation_key
    projects = (
        base_queryset(active_locale())
        .filter(
            Q(owner_organisation__translation_key=key)
            | Q(funders__organisation__translation_key=key)
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
    register_home_section(featured_projects, order=10)


def featured_projects(request, home_page):
    from apps.projects.models import ProjectIndexPage
    from apps.projects.query import base_queryset

    projects = list(
        base_queryset(home_page.locale)
        .select_related("locale", "listing_image", "image", "owner_organisation")
        .order_by("-is_featured", "-first_published_at", "-pk")[:3]
    )
    if not projects:
        return None
    index = ProjectIndexPage.objects.live().filter(locale=home_page.locale).first()
    return {
        "template": "projects/home_section.html",
        "title": _("Projects"),
        "items": projects,
        "more_url": index.url if index else None,
    }
