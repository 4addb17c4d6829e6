"""RSS 2.0 and Atom feeds of the news: site-wide, per project and per tag, in one language
(`?locale=`, default the site's default). GUIDs are built from the post's translation key and
language, so they survive slug changes and moves."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from apps.projects.models import ProjectPage
from apps.projects.news.query import base_queryset

FEED_SIZE = 30


class _NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        code = request.GET.get("locale") or settings.LANGUAGE_CODE
        if code not in dict(settings.LANGUAGES):
            return HttpResponseBadRequest("Unknown locale", content_type="text/plain")
        self.locale = Locale.objects.filter(language_code=code).first()
        if self.locale is None:
            raise Http404
        self.request = request
        with translation.override(code):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, **kwargs):
        return kwargs

    def link(self, obj):
        return "/"

    def posts(self, obj):
        return base_queryset(self.locale)

    def items(self, obj):
        return self.posts(obj).select_related("locale")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"urn:bygd:post:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if item.date:
            return timezone.make_aware(datetime.combine(item.date, time(12)))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.project_title] if item.project_title else []


class SiteNewsFeed(_NewsFeed):
    def title(self, obj):
        return _("News from %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}

    def description(self, obj):
        return _("Project blogs and news")


class ProjectNewsFeed(_NewsFeed):
    def get_object(self, request, identifier):
        project = base_project(identifier, self.locale)
        if project is None:
            raise Http404
        return project

    def title(self, project):
        return project.title

    def description(self, project):
        return project.summary

    def link(self, project):
        return project.url

    def posts(self, project):
        paths = ProjectPage.objects.filter(identifier=project.identifier).values_list(
            "path", flat=True
        )
        condition = Q(related_projects__project__identifier=project.identifier)
        for path in paths:
            condition |= Q(path__startswith=path)
        return base_queryset(self.locale).filter(condition).distinct()


class TagNewsFeed(_NewsFeed):
    def get_object(self, request, tag):
        return tag

    def title(self, tag):
        return _("News tagged “%(tag)s”") % {"tag": tag}

    def description(self, tag):
        return self.title(tag)

    def posts(self, tag):
        return base_queryset(self.locale).filter(tags__slug=tag).distinct()


def base_project(identifier, locale):
    from apps.projects.query import base_queryset as projects

    return projects(locale).filter(identifier=identifier).first()


def atom(feed_class):
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
