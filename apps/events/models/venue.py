"""Venues are reused by many events. Name, address and coordinates are facts synchronised to every
language; only the accessibility notes are prose worth translating."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from apps.network.models import Place, PlaceKind


class Venue(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_(
            "The venue's address on the site and its value in calendar filters. "
            "Left empty, it is made from the name."
        ),
    )
    address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    town = models.CharField(_("town"), max_length=80, blank=True)
    municipality = models.ForeignKey(
        Place,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="venues",
        limit_choices_to={"kind": PlaceKind.MUNICIPALITY},
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    accessibility = models.TextField(
        _("accessibility notes"),
        blank=True,
        max_length=1000,
        help_text=_("Step-free access, hearing loop, accessible toilet, parking …"),
    )

    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug"),
        SynchronizedField("address"),
        SynchronizedField("postcode"),
        SynchronizedField("town"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("municipality"),
            ],
            heading=_("Address"),
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Position")),
        FieldPanel("accessibility"),
    ]

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("town"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.town}" if self.town else self.name

    def _slug_taken(self, slug):
        """Translations share a slug; any other venue holding it makes it ambiguous."""
        return (
            Venue.objects.filter(slug=slug).exclude(translation_key=self.translation_key).exists()
        )

    def clean(self):
        super().clean()
        if self.slug and self._slug_taken(self.slug):
            raise ValidationError({"slug": _("Another venue already has this slug.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self)
        super().save(*args, **kwargs)

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    def map_url(self):
        """OpenStreetMap needs no key and no consent banner, unlike the usual alternatives."""
        if not self.has_position:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=16/{self.latitude}/{self.longitude}"
        )


def unique_slug(venue):
    """The name as a slug, numbered when another venue already has it."""
    base = slugify(venue.name)[:70] or "venue"
    slug, number = base, 1
    while venue._slug_taken(slug):
        number += 1
        slug = f"{base}-{number}"
    return slug
