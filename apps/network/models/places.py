"""Places are facts, not prose: one row per country, region, municipality or Leader area, the
same in every language, with its label per language stored beside it. That keeps them out of
wagtail-localize (whose many-to-many limits would otherwise split them per locale)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region (län)")
    MUNICIPALITY = "municipality", _("Municipality")
    LEADER_AREA = "leader_area", _("Leader area")


class PlaceQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)

    def municipalities(self):
        return self.filter(kind=PlaceKind.MUNICIPALITY)

    def with_point(self):
        """`point_latitude`/`point_longitude`: the place's own coordinates or, for a Leader area
        an editor gave none, the mean of the municipalities it covers (in the same query)."""
        covered = Place.covers.through.objects.filter(from_place=OuterRef("pk")).values(
            "from_place"
        )
        return self.annotate(
            point_latitude=Coalesce(
                "latitude",
                Subquery(covered.annotate(mean=Avg("to_place__latitude")).values("mean")[:1]),
            ),
            point_longitude=Coalesce(
                "longitude",
                Subquery(covered.annotate(mean=Avg("to_place__longitude")).values("mean")[:1]),
            ),
        )


class Place(index.Indexed, models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    country = models.CharField(
        _("country code"), max_length=2, help_text=_("ISO 3166-1 alpha-2, e.g. SE or DK.")
    )
    code = models.CharField(
        _("official code"),
        max_length=20,
        help_text=_(
            "ISO 3166-1 for countries, SCB läns-/kommunkod for Sweden, region/kommunekode for "
            "Denmark; for Leader areas a short code of your choice."
        ),
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=40,
        unique=True,
        editable=False,
        help_text=_("Stable key used in URLs and the API, e.g. SE-0880 or leader-alh."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("The official name."))
    names = models.JSONField(
        _("names per language"),
        default=dict,
        blank=True,
        help_text=_(
            'Labels by language code, e.g. {"en": "Kalmar County"}; missing ones use the name.'
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    covers = models.ManyToManyField(
        "self",
        verbose_name=_("municipalities covered"),
        symmetrical=False,
        blank=True,
        related_name="leader_areas",
        limit_choices_to={"kind": PlaceKind.MUNICIPALITY},
        help_text=_("For Leader areas: the municipalities the area covers."),
    )
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Where the place's marker goes on maps (WGS 84). Shipped for Swedish and Danish "
            "regions and municipalities; a Leader area without it uses the mean of the "
            "municipalities it covers."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    objects = PlaceQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("country"), FieldPanel("code"), FieldPanel("name")],
            heading=_("Place"),
        ),
        FieldPanel("names"),
        FieldPanel("parent"),
        FieldPanel("covers"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map position")
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("kind"),
        index.FilterField("country"),
    ]

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["country", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "country", "code"], name="unique_place_code")
        ]
        indexes = [models.Index(fields=["kind", "country"])]

    def __str__(self):
        return self.label()

    @staticmethod
    def make_identifier(kind, country, code):
        if kind == PlaceKind.COUNTRY:
            return country.upper()
        if kind == PlaceKind.LEADER_AREA:
            return f"leader-{slugify(code)}"
        return f"{country.upper()}-{code}"

    def label(self, language=None):
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        return self.names.get(language) or self.name

    def clean(self):
        self.country = (self.country or "").upper()
        if (
            self.kind == PlaceKind.MUNICIPALITY
            and self.parent
            and self.parent.kind != PlaceKind.REGION
        ):
            raise ValidationError({"parent": _("A municipality belongs to a region.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
        if self.kind == PlaceKind.REGION and self.parent and self.parent.kind != PlaceKind.COUNTRY:
            raise ValidationError({"parent": _("A region belongs to a country.")})
        if not isinstance(self.names, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in self.names.items()
        ):
            raise ValidationError({"names": _('Give labels as {"language code": "label"}.')})
        unknown = (
            set(self.names)
            - {code for code, _name in settings.LANGUAGES}
            - {"da", "nb", "nn", "fi", "is"}
        )
        if unknown:
            raise ValidationError(
                {
                    "names": _("Unknown language code(s): %(codes)s.")
                    % {"codes": ", ".join(sorted(unknown))}
                }
            )

    def save(self, *args, **kwargs):
        self.country = self.country.upper()
        self.identifier = self.make_identifier(self.kind, self.country, self.code)
        super().save(*args, **kwargs)
