"""Blog posts and news. A post lives under a project (the project's blog) or under the site's
news index; either way it appears in the site-wide news listing, feeds and API."""

import math

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from apps.core.base_template import BaseTemplateMixin
from apps.core.blocks import BaseStreamBlock
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.models import Provenance
from apps.core.preview import HeadlessPreviewMixin
from apps.projects.api_fields import TagNamesField

WORDS_PER_MINUTE = 200


class PostTag(TaggedItemBase):
    content_object = ParentalKey(
        "projects.ProjectPostPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProjectPostPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, Page):
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences that open the post.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("image alternative text"), max_length=250, blank=True)
    sharing_type = "article"
    byline = models.CharField(
        _("byline"),
        max_length=200,
        blank=True,
        help_text=_("Free-text author, for writers not in the directory."),
    )
    date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to use the date of first publication; set it to back-date a post."
        ),
    )
    tags = ClusterTaggableManager(through=PostTag, blank=True, verbose_name=_("tags"))
    provenance = GenericRelation(Provenance, related_query_name="+")

    parent_page_types = ["projects.ProjectPage", "projects.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("authors", label=_("Authors")),
                FieldPanel("byline"),
                FieldPanel("date"),
                FieldPanel("tags"),
            ],
            heading=_("About the post"),
        ),
        InlinePanel("related_projects", label=_("Related projects")),
    ]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels

    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("body"),
        APIField("date"),
        APIField("publication_date"),
        APIField("byline"),
        APIField("tags", serializer=TagNamesField()),
        APIField("image", serializer=ImageRenditionField("fill-1200x675")),
        APIField("image_thumbnail", serializer=ImageRenditionField("fill-600x340", source="image")),
        APIField("image_alt"),
        APIField("reading_minutes"),
        *ListingMixin.api_fields,
    ]
    api_select_related = ("image", "listing_image")
    api_prefetch_related = ("tags", "image__renditions", "listing_image__renditions")

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    @property
    def publication_date(self):
        if self.date:
            return self.date
        published = self.first_published_at or self.go_live_at
        return timezone.localdate(published) if published else None

    @property
    def reading_minutes(self):
        text = " ".join([self.lead, strip_tags(str(self.body))])
        return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        from apps.projects.news.listing import post_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(post_page_context(self))
        return context


class PostAuthor(Orderable):
    page = ParentalKey(ProjectPostPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "network.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="posts"
    )

    panels = [FieldPanel("person")]


class PostRelatedProject(Orderable):
    page = ParentalKey(ProjectPostPage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("project")]


class NewsIndexPage(BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["projects.ProjectPostPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels
    api_fields = [APIField("intro"), *ListingMixin.api_fields]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from apps.projects.news.listing import news_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_listing_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("filter_errors"):
            response.status_code = 400
        return response
