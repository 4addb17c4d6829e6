"""RSS 2.0 and Atom feeds of the news: site-wide, per project and per tag, in one language
(`?locale=`, default the site's default). GUIDs are built from the post's translation key and
language, so they survive slug changes and moves. Each item carries the post's image as an
enclosure and its full body (RSS `content:encoded`, Atom `content`) with absolute links, so a
feed reader shows the whole post, not only the lead."""

import mimetypes
import re
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from apps.projects.models import PostTag, ProjectPage
from apps.projects.news.query import base_queryset

FEED_SIZE = 30
ENCLOSURE_RENDITION = "fill-1200x675"
ROOT_RELATIVE = re.compile(r"""(\s(?:href|src)=["'])/(?!/)""")


class RssWithContent(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class _NewsFeed(Feed):
    feed_type = RssWithContent

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
        return (
            self.posts(obj)
            .select_related("locale", "image")
            .prefetch_related("image__renditions")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.url

    def item_enclosures(self, item):
        if not item.image:
            return []
        try:
            rendition = item.image.get_rendition(ENCLOSURE_RENDITION)
            length = rendition.file.size
        except OSError:  # a lost image file (SourceImageIOError too) must not break the feed
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, str(length), mime_type)]

    def item_extra_kwargs(self, item):
        html = str(item.body.render_as_block())
        root = self.request.build_absolute_uri("/")
        return {"content": ROOT_RELATIVE.sub(lambda m: m.group(1) + root, html)}

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
        if not PostTag.objects.filter(tag__slug=tag).exists():
            raise Http404
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
        {"feed_type": AtomWithContent, "subtitle": feed_class.description},
    )
