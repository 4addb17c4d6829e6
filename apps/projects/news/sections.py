"""The latest posts on the home page (registered from AppConfig.ready)."""

from django.utils.translation import gettext as _

from apps.core.sections import register_home_section


def latest_news(request, home_page):
    from apps.projects.models import NewsIndexPage
    from apps.projects.news.query import base_queryset

    posts = list(base_queryset(home_page.locale).select_related("locale", "image")[:3])
    if not posts:
        return None
    index = NewsIndexPage.objects.live().filter(locale=home_page.locale).first()
    return {
        "template": "projects/news/home_section.html",
        "title": _("Latest news"),
        "items": posts,
        "more_url": index.url if index else None,
    }


def register():
    register_home_section(latest_news, order=40)
