"""Offers project blog posts to newsletters (registered with apps.newsletters): "latest posts of
project X" (parameter: a project identifier, or empty for all news), and single posts editors
pick into an issue."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.newsletters.registry import register_newsletter_content


def _item(post):
    return {
        "title": post.title,
        "url": settings.WAGTAILADMIN_BASE_URL + post.url,
        "summary": post.lead,
        "date": post.pub_date,
    }


def published_since(posts, since):
    """New by the post's publication date (its own date, or the day it was first published),
    not by when it was imported: a back-dated post is old news however recently it arrived.
    On the day itself, a post counts as new if it went live after ``since``."""
    day = timezone.localdate(since)
    return posts.filter(Q(pub_date__gt=day) | Q(pub_date=day, first_published_at__gte=since))


def latest_posts(locale, parameter, limit, since):
    from apps.projects.news.query import base_queryset

    posts = base_queryset(locale)
    if parameter:
        posts = posts.filter(project_identifier=parameter.strip())
    if since is not None:
        posts = published_since(posts, since)
    return [_item(post) for post in posts.select_related("locale")[:limit]]


def describe_posts(pages, locale):
    from apps.projects.news.query import base_queryset

    keys = {page.translation_key for page in pages}
    posts = base_queryset(locale).filter(translation_key__in=keys).select_related("locale")
    return {post.translation_key: _item(post) for post in posts}


def register():
    from apps.projects.models import ProjectPostPage

    register_newsletter_content(
        "project-posts",
        _("Latest blog posts"),
        latest_posts,
        parameter_help=_("A project code (e.g. ALH-2017-01), or empty for all news."),
        page_types=[ProjectPostPage],
        describe=describe_posts,
    )
