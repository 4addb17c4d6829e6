"""A project's many-valued facts as inline rows (Orderable + ParentalKey) rather than
ParentalManyToManyFields: wagtail-localize copies inline rows to every translation on sync, but
neither translates nor syncs ParentalManyToMany fields (see DESIGN.md)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from apps.network.models import Organisation, Person, Place


class PartnerRole(models.TextChoices):
    """A fixed vocabulary, so a role is a fact shared by every language and shown in each
    language through its label, rather than free text that each translation spells its own way."""

    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    CO_FINANCIER = "co-financier", _("Co-financier")
    FUNDER = "funder", _("Funder")
    ASSOCIATED = "associated", _("Associated partner")


class ProjectPartner(Orderable):
    page = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class ProjectFunder(Orderable):
    """One of the organisations that finance the project (co-financing has several), with its
    share in the project's currency."""

    page = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="funders")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="project_fundings",
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In the project's currency."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("amount")]

    class Meta(Orderable.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    @property
    def currency(self):
        return self.page.currency


class ProjectContact(Orderable):
    page = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="project_contacts",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")


class ProjectPlace(Orderable):
    page = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="places")
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="project_places",
    )

    panels = [FieldPanel("place")]

    class Meta(Orderable.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")


class ProjectTheme(Orderable):
    page = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(
        "projects.Theme",
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="project_themes",
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TranslationOrigin(models.TextChoices):
    ORIGINAL = "original", _("Original")
    HUMAN = "human", _("Translated by a person")
    MACHINE = "machine", _("Machine-translated")
    NONE = "none", _("Not translated")


class ProjectTranslation(models.Model):
    """How each language version came about, kept outside the page because wagtail-localize
    would otherwise overwrite a per-translation field with the source's value on every sync."""

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    origin = models.CharField(max_length=10, choices=TranslationOrigin.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="unique_project_translation"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} {self.locale_id}: {self.origin}"
