"""Newsletter issues are Wagtail pages under their list's archive page, so editors write them
with the same blocks, workflow, translation and preview as the rest of the site, and every sent
issue has a public address in the archive."""

from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from apps.core.base_template import BaseTemplateMixin
from apps.core.locale import with_fallback
from apps.core.mixins import IndexPageMixin, ListingMixin
from apps.core.preview import HeadlessPreviewMixin
from apps.newsletters.blocks import NewsletterStreamBlock
from apps.newsletters.models.delivery import Sending, SendingStatus


class NewsletterArchivePage(
    BaseTemplateMixin, ListingMixin, HeadlessPreviewMixin, IndexPageMixin, Page
):
    intro = models.TextField(_("introduction"), blank=True)
    newsletter_list = models.ForeignKey(
        "newsletters.NewsletterList",
        verbose_name=_("newsletter list"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    subpage_types = ["newsletters.NewsletterPage"]

    override_translatable_fields = [SynchronizedField("newsletter_list", overridable=False)]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("newsletter_list")]
    promote_panels = Page.promote_panels + ListingMixin.listing_panels

    class Meta:
        verbose_name = _("newsletter archive")

    def issues(self):
        """Sent issues of this archive in its language, originals where not translated."""
        sent_keys = Sending.objects.filter(status=SendingStatus.DONE).values(
            "page__translation_key"
        )
        archives = Page.objects.filter(translation_key=self.translation_key)
        in_archives = models.Q()
        for archive in archives:
            in_archives |= models.Q(path__startswith=archive.path, depth=archive.depth + 1)
        pages = NewsletterPage.objects.live().public().filter(in_archives)
        return (
            with_fallback(pages.filter(translation_key__in=sent_keys), self.locale)
            .select_related("locale")
            .order_by("-first_published_at", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        from apps.newsletters.forms import signup_form_context

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = self.issues()
        context.update(
            signup_form_context(
                request, [self.newsletter_list.in_language(self.locale.language_code)]
            )
        )
        return context


class NewsletterPage(BaseTemplateMixin, HeadlessPreviewMixin, Page):
    preheader = models.CharField(
        _("preview text"),
        max_length=150,
        blank=True,
        help_text=_("Shown after the subject line in most mail programs."),
    )
    body = StreamField(NewsletterStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["newsletters.NewsletterArchivePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("preheader"), FieldPanel("body")]
    api_fields = [APIField("preheader"), APIField("body")]

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        permissions = [("send_newsletter", _("Can send newsletters"))]

    @property
    def archive(self):
        return self.get_parent().specific

    @property
    def newsletter_list(self):
        return self.archive.newsletter_list

    @property
    def preview_modes(self):
        return [("", _("Web page")), ("email", _("E-mail")), *self.headless_preview_modes()]

    def sent_version(self):
        """The issue as it was mailed (None before sending, or if sent before snapshots were
        kept): the archive shows that, not the page as edited since."""
        sending = (
            Sending.objects.filter(
                page__translation_key=self.translation_key,
                status__in=[SendingStatus.SENDING, SendingStatus.DONE],
            )
            .exclude(snapshots={})
            .select_related("page__locale")
            .first()
        )
        return sending.snapshot_for(self.locale.language_code) if sending else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            context["sent"] = self.sent_version()
            if context["sent"]:
                # Link previews show what was sent too, not a later edit.
                context["sharing_title"] = context["sent"].get("title")
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from apps.newsletters.rendering import preview_email_html

            return HttpResponse(preview_email_html(self, request))
        return super().serve_preview(request, mode_name)
