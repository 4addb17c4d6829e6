"""Harvest sources (snippets editors manage) and what each run copied from them."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from apps.core.models import Provenance
from apps.core.public_http import SCHEMES, private_address
from apps.harvest import conf

KINDS = ("projects", "events", "calls", "news", "organisations")


def validate_kinds(value):
    unknown = sorted(set(parse_kinds(value)) - set(KINDS))
    if unknown or not parse_kinds(value):
        raise ValidationError(
            _("Name one or more of %(kinds)s, separated by commas."),
            params={"kinds": ", ".join(KINDS)},
        )


def parse_kinds(value):
    return [kind.strip() for kind in value.split(",") if kind.strip()]


class HarvestSource(models.Model):
    """Another Bygd site whose public API is copied here. ``cursors`` holds, per kind, when the
    last run that was applied whole started: the next run reads changes since then."""

    name = models.CharField(_("name"), max_length=200)
    base_url = models.URLField(
        _("address"), unique=True, help_text=_("The other site's address, e.g. https://bygd.fi/")
    )
    kinds = models.CharField(
        _("kinds"),
        max_length=100,
        default=",".join(KINDS),
        validators=[validate_kinds],
        help_text=_(
            "What to copy, separated by commas: projects, events, calls, news, organisations"
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    site_name = models.CharField(_("site name"), max_length=200, blank=True, editable=False)
    cursors = models.JSONField(default=dict, blank=True, editable=False)
    last_run = models.DateTimeField(_("last run"), null=True, blank=True, editable=False)
    last_ok = models.BooleanField(_("last run succeeded"), null=True, editable=False)
    last_summary = models.TextField(_("summary of the last run"), blank=True, editable=False)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("base_url")], heading=_("Source")),
        FieldPanel("kinds"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        """A source on the server itself or its networks is refused before a run tries it."""
        super().clean()
        if not self.base_url:
            return
        if urlsplit(self.base_url).scheme not in SCHEMES:
            raise ValidationError({"base_url": _("Give an http or https address.")})
        if conf.allow_private_addresses():
            return
        try:
            address = private_address(self.base_url)
        except (OSError, ValueError):
            raise ValidationError(
                {"base_url": _("This address's host name could not be found.")}
            ) from None
        if address is not None:
            raise ValidationError(
                {
                    "base_url": _(
                        "This address leads to a private or local network (%(address)s): only "
                        "public sites can be harvested."
                    )
                    % {"address": address}
                }
            )

    @property
    def kind_list(self):
        return [kind for kind in KINDS if kind in parse_kinds(self.kinds)]


class HarvestedItem(models.Model):
    """One local copy of a source's item. Its provenance row is tied to the local object (a
    ``GenericRelation`` on the copied model), so deleting the copy here deletes this record too.
    ``digest`` is what the source said last time: an answer that says the same changes nothing.
    ``stamp`` is the local copy as the harvest left it; a copy whose stamp moved was edited
    here, is detached and is never overwritten or removed by a later run."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20)
    remote_id = models.CharField(max_length=255)
    provenance = models.OneToOneField(Provenance, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)
    stamp = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("harvested item")
        verbose_name_plural = _("harvested items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "remote_id"], name="unique_harvested_item"
            )
        ]

    def __str__(self):
        return f"{self.source}: {self.kind} {self.remote_id}"
