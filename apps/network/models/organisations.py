"""Organisations are translatable snippets: the description is prose and gets translated; the
facts (number, municipality, contact details) are synchronised from the source by
wagtail-localize so they stay identical in every language."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from apps.core.models import Provenance
from apps.network.models.places import PlaceKind
from apps.network.validators import normalise_org_number


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    COMPANY = "company", _("Company")
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    AUTHORITY = "authority", _("Government authority")
    FOUNDATION = "foundation", _("Foundation")
    NETWORK = "network", _("Network")
    LAG = "lag", _("Local action group (LAG)")
    OTHER = "other", _("Other")


COUNTRY_CHOICES = [
    ("SE", _("Sweden")),
    ("DK", _("Denmark")),
    ("NO", _("Norway")),
    ("FI", _("Finland")),
    ("IS", _("Iceland")),
    ("EU", _("European Union")),
]


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Stable address part and API key; the same in every language."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, default="SE")
    org_number = models.CharField(
        _("organisation number"),
        max_length=30,
        blank=True,
        help_text=_("Swedish organisationsnummer or Danish CVR number; checked on save."),
    )
    municipality = models.ForeignKey(
        "network.Place",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        limit_choices_to={"kind": PlaceKind.MUNICIPALITY},
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("short description"), blank=True, max_length=1000)

    provenance = GenericRelation(Provenance, related_query_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("org_number"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("name"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
        FieldPanel("org_number"),
        FieldPanel("municipality"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("org_number"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("locale_id"),
        index.FilterField("municipality_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_organisation_slug")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        try:
            self.org_number = normalise_org_number(self.country, self.org_number)
        except ValidationError as error:
            raise ValidationError({"org_number": error.messages}) from None
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        if self.municipality_id and self.municipality.country != self.country:
            raise ValidationError(
                {"municipality": _("The municipality is not in the organisation's country.")}
            )
        clash = Organisation.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        clash = clash.exclude(translation_key=self.translation_key)
        if self.slug and clash.exists():
            raise ValidationError({"slug": _("Another organisation already uses this slug.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)
