"""The home page's sections (featured projects, upcoming events, open calls, latest news,
newsletter signup). Each app adds its section here as it arrives; a section with nothing to
show is left out rather than shown empty."""

from django.utils.translation import gettext_lazy as _

from apps.events.sections import home_section as upcoming_events
from apps.newsletters.home import newsletter_section
from apps.projects.calls.sections import home_section as open_calls
from apps.projects.models import NewsIndexPage, ProjectIndexPage


def sections_for(request, home_page):
    sections = []
    for provider in PROVIDERS:
        section = provider(request, home_page)
        if section:
            sections.append(section)
    return sections


def featured_projects(request, home_page):
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
        "template": "cms/sections/projects.html",
        "title": _("Projects"),
        "items": projects,
        "more_url": index.url if index else None,
    }


def latest_news(request, home_page):
    from apps.projects.news.query import base_queryset

    posts = list(base_queryset(home_page.locale).select_related("locale", "image")[:3])
    if not posts:
        return None
    index = NewsIndexPage.objects.live().filter(locale=home_page.locale).first()
    return {
        "template": "cms/sections/news.html",
        "title": _("Latest news"),
        "items": posts,
        "more_url": index.url if index else None,
    }


PROVIDERS = [featured_projects, upcoming_events, open_calls, latest_news, newsletter_section]
