"""Newsletter lists are translatable snippets: the name and description are prose shown on
signup forms in each language, while the slug, sender and visibility are facts synchronised
from the original so that a list is one list whatever language a subscriber reads it in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class NewsletterListQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def originals(self):
        """One row per translation group (the first created), the row subscriptions point to."""
        first = (
            NewsletterList.objects.filter(translation_key=models.OuterRef("translation_key"))
            .order_by("pk")
            .values("pk")[:1]
        )
        return self.filter(pk=models.Subquery(first))


class NewsletterList(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Stable key used by forms and the API; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True, max_length=1000)
    owner = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("owner page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project or network page the list belongs to; empty for the whole site."),
    )
    sender_name = models.CharField(_("sender name"), max_length=120)
    sender_email = models.EmailField(_("sender address"))
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Public lists are offered on forms and in the API; hidden ones only by link."),
    )

    objects = NewsletterListQuerySet.as_manager()

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sender_email", overridable=False),
        SynchronizedField("is_public", overridable=False),
        SynchronizedField("owner", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("owner"),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("sender_email")], heading=_("Sender")
        ),
        FieldPanel("is_public"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter list")
        verbose_name_plural = _("newsletter lists")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_newsletter_list_slug")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        clash = NewsletterList.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(
            translation_key=self.translation_key
        )
        if self.slug and clash.exists():
            raise ValidationError({"slug": _("Another newsletter list already uses this slug.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    @property
    def original(self):
        """The row of the translation group that subscriptions and sendings refer to."""
        if not hasattr(self, "_original"):
            self._original = (
                NewsletterList.objects.filter(translation_key=self.translation_key)
                .order_by("pk")
                .first()
            )
        return self._original

    def in_language(self, language):
        return (
            NewsletterList.objects.filter(
                translation_key=self.translation_key, locale__language_code=language
            ).first()
            or self
        )

    @property
    def from_email(self):
        name = self.sender_name or settings.WAGTAIL_SITE_NAME
        return f'"{name}" <{self.sender_email}>'
