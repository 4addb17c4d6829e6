"""Themes and funding programmes: translatable labels around a slug that never changes between
languages, so filters, facets and API parameters work the same on every language's site."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from apps.network.models import Organisation


class SlugTaxonomy(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Stable code used in addresses and the API; the same in every language."),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class Theme(SlugTaxonomy):
    is_horizontal = models.BooleanField(
        _("horizontal criterion"),
        default=False,
        help_text=_("Cross-cutting goals such as sustainability or gender equality."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_horizontal"),
    ]

    class Meta(SlugTaxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug")]


class FundingProgramme(SlugTaxonomy):
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funding_programmes",
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("funder"),
        FieldPanel("website"),
    ]

    class Meta(SlugTaxonomy.Meta):
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_programme_slug")
        ]
