"""Page mixins for what every public page needs: a listing teaser and social-sharing metadata;
and for where an app's index page may live, which is the host site's choice."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from apps.core import conf


class ListingMixin(models.Model):
    """How a page presents itself in listings, cards and link previews (og:image, og:description)."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for listings and search results."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listing and sharing"),
        )
    ]

    api_fields = [
        APIField("listing_summary"),
        APIField("listing_image"),
        APIField(
            "listing_image_thumbnail",
            serializer=ImageRenditionField("fill-600x400", source="listing_image"),
        ),
    ]
    # What api_fields read, joined once per listing (apps.core.api.pages).
    api_select_related = ("listing_image",)
    api_prefetch_related = ("listing_image__renditions",)

    # Open Graph type of the page (bygd/includes/open_graph.html); articles for content pages.
    sharing_type = "website"

    class Meta:
        abstract = True

    @property
    def sharing_image(self):
        """The picture for cards and link previews: the listing image, else the page's own
        ``image`` if it has one."""
        return self.listing_image or getattr(self, "image", None)

    @property
    def sharing_description(self):
        """The text for link previews and the description meta tag: the search description,
        else the listing summary, else the page's ``summary``, ``lead`` or ``intro``."""
        for name in ("search_description", "listing_summary", "summary", "lead", "intro"):
            text = getattr(self, name, "")
            if text:
                return str(text)
        return ""


class IndexPageMixin:
    """For an app's index page (the calendar, the project database…): the host site's page tree
    decides where it goes, so the allowed parents come from BYGD_INDEX_PARENT_PAGE_TYPES, read on
    every call, instead of a ``parent_page_types`` naming the host's models. List it before
    `Page`."""

    @classmethod
    def clean_parent_page_models(cls):
        return conf.index_parent_page_models()
