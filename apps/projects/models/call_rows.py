"""A funding call's many-valued facts as inline rows, which wagtail-localize copies to every
translation (it cannot sync ParentalManyToMany fields), and its application form's fields, which
it translates (labels) while keeping each field's stored key identical in every language."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from apps.network.models import Place

DEFAULT_CLOSING_TIME = datetime.time(23, 59)


def default_time_zone():
    return settings.TIME_ZONE


class ApplicantKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    LOCAL_GROUP = "local_group", _("Village or local development group")
    COMPANY = "company", _("Company")
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    AUTHORITY = "authority", _("Government authority")
    FOUNDATION = "foundation", _("Foundation")
    CULTURAL_ACTOR = "cultural_actor", _("Artist or cultural actor")
    INDIVIDUAL = "individual", _("Private person")
    OTHER = "other", _("Other")


class FundingCallDeadline(Orderable):
    """One cut-off date of a call with several; the UTC instant is derived on save from the
    local date and time in the call's time zone."""

    page = ParentalKey(
        "projects.FundingCallPage", on_delete=models.CASCADE, related_name="deadlines"
    )
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), default=DEFAULT_CLOSING_TIME)
    closes_at = models.DateTimeField(_("closes at"), editable=False, null=True, db_index=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("time")])]

    class Meta(Orderable.Meta):
        verbose_name = _("cut-off date")
        verbose_name_plural = _("cut-off dates")


class FundingCallApplicant(Orderable):
    page = ParentalKey(
        "projects.FundingCallPage", on_delete=models.CASCADE, related_name="eligible_applicants"
    )
    kind = models.CharField(_("who may apply"), max_length=20, choices=ApplicantKind.choices)

    panels = [FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("eligible applicant")
        verbose_name_plural = _("eligible applicants")

    def __str__(self):
        return self.get_kind_display()


class FundingCallPlace(Orderable):
    page = ParentalKey("projects.FundingCallPage", on_delete=models.CASCADE, related_name="places")
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="funding_call_places",
        help_text=_("A country, region, municipality or Leader area."),
    )

    panels = [FieldPanel("place")]

    class Meta(Orderable.Meta):
        verbose_name = _("eligible area")
        verbose_name_plural = _("eligible area")


class FundingCallTheme(Orderable):
    page = ParentalKey("projects.FundingCallPage", on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(
        "projects.Theme",
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="funding_call_themes",
    )

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


ATTACHMENT_FIELD = "file"
CALL_FORM_FIELD_CHOICES = (*FORM_FIELD_CHOICES, (ATTACHMENT_FIELD, _("File attachment")))


class FundingCallFormField(TranslatableMixin, AbstractFormField):
    """Translatable so applicants read labels in their language; ``clean_name`` is synchronised
    so answers from every language land under the same key in one submissions list."""

    page = ParentalKey(
        "projects.FundingCallPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=CALL_FORM_FIELD_CHOICES
    )
    field_type.required_on_save = True

    override_translatable_fields = [SynchronizedField("clean_name", overridable=False)]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
