"""Context for the news listing and the post page."""

from django.core.paginator import Paginator

from apps.core.locale import LocalizedCache, with_fallback
from apps.projects.models import PostTag, ProjectPage
from apps.projects.news.query import base_queryset, filtered

PER_PAGE = 12


def filter_options(locale):
    """The tags and projects that have posts in the listing, so readers pick from what exists
    instead of typing slugs and project codes. One query each, however many posts."""
    posts = base_queryset(locale).order_by()
    tags = (
        PostTag.objects.filter(content_object__in=posts.values("pk"))
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name", "tag__slug")
    )
    projects = (
        with_fallback(ProjectPage.objects.live().public(), locale)
        .filter(identifier__in=posts.exclude(project_identifier=None).values("project_identifier"))
        .order_by("title", "identifier")
        .values_list("identifier", "title")
    )
    return {"tags": list(tags), "projects": list(projects)}


def news_listing_context(request, index_page):
    filterset = filtered(request.GET, index_page.locale)
    options = filter_options(index_page.locale)
    if not filterset.is_valid():
        return {
            "filter_errors": filterset.errors,
            "posts": Paginator([], PER_PAGE).get_page(1),
            "filters": request.GET,
            "options": options,
        }
    posts = filterset.qs.select_related("locale", "image", "listing_image")
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_errors": None,
        "posts": Paginator(posts, PER_PAGE).get_page(request.GET.get("page")),
        "filters": request.GET,
        "options": options,
        "query_string": query.urlencode(),
    }


def post_page_context(post):
    localized = LocalizedCache(post.locale)
    parent = post.get_parent().specific
    project = parent if isinstance(parent, ProjectPage) else None
    related = (
        list(
            base_queryset(post.locale)
            .exclude(translation_key=post.translation_key)
            .filter(path__startswith=parent.path)[:3]
        )
        if project
        else []
    )
    if len(related) < 3:
        tags = list(post.tags.values_list("slug", flat=True))
        if tags:
            more = (
                base_queryset(post.locale)
                .exclude(translation_key=post.translation_key)
                .exclude(pk__in=[p.pk for p in related])
                .filter(tags__slug__in=tags)
                .distinct()[: 3 - len(related)]
            )
            related += list(more)
    return {
        "project": project,
        "authors": localized.many([row.person for row in post.authors.select_related("person")]),
        "related_posts": related,
        "related_projects": [
            row.project for row in post.related_projects.select_related("project")
        ],
        "feed_url": f"/feeds/projects/{project.identifier}.xml?locale={post.locale.language_code}"
        if project
        else None,
        "news_index_url": _news_index_url(post.locale),
    }


def _news_index_url(locale):
    from apps.projects.models import NewsIndexPage

    index = NewsIndexPage.objects.live().filter(locale=locale).first()
    return index.url if index else None


def latest_posts_of(project, limit=3):
    """The project page's "latest posts" box. Posts are matched by the project's identifier, not
    by tree path, so a translated project page also lists the posts written only in the
    original language (marked as such), as the API and the feeds do."""
    return list(
        base_queryset(project.locale)
        .filter(project_identifier=project.identifier)
        .select_related("locale")[:limit]
    )
