"""Offers project blog posts to newsletters (registered with apps.network): "latest posts of
project X" (parameter: a project identifier, or empty for all news)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.newsletters.registry import register_newsletter_content


def latest_posts(locale, parameter, limit, since):
    from apps.projects.news.query import base_queryset

    posts = base_queryset(locale)
    if parameter:
        posts = posts.filter(project_identifier=parameter.strip())
    if since is not None:
        posts = posts.filter(first_published_at__gte=since)
    base = settings.WAGTAILADMIN_BASE_URL
    return [
        {"title": post.title, "url": base + post.url, "summary": post.lead, "date": post.pub_date}
        for post in posts.select_related("locale")[:limit]
    ]


def register():
    register_newsletter_content(
        "project-posts",
        _("Latest blog posts"),
        latest_posts,
        parameter_help=_("A project code (e.g. ALH-2017-01), or empty for all news."),
    )
