"""Applications sent through a call's form. One list per call whatever language the applicant
used; attachments are kept outside the public media folder and shown to moderators as links to
an admin view that checks their permission on the call. Each application gets a reference
number the applicant can quote: the call's identifier, the year and a sequence."""

from django.db import models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission


class ApplicationCounter(models.Model):
    """The last sequence number handed out per call (all its languages) and year."""

    call_key = models.UUIDField()
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call_key", "year"], name="unique_application_counter")
        ]

    def __str__(self):
        return f"{self.call_key} {self.year}: {self.last}"


def next_reference(call):
    """A new reference such as ``IDESLANTEN-2026-0007``. The UPDATE locks the counter row until
    the surrounding transaction ends, so two applications arriving at once never share a
    number; the first application of a year creates the row (a clash there is retried by
    ``get_or_create``)."""
    year = timezone.now().astimezone(call.zone).year
    with transaction.atomic():
        counter, _created = ApplicationCounter.objects.get_or_create(
            call_key=call.translation_key, year=year
        )
        ApplicationCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
        number = ApplicationCounter.objects.values_list("last", flat=True).get(pk=counter.pk)
    return f"{call.identifier.upper()}-{year}-{number:04d}"


class CallSubmission(AbstractFormSubmission):
    language = models.CharField(_("language"), max_length=8, blank=True)
    reference = models.CharField(
        _("reference number"), max_length=100, unique=True, null=True, editable=False
    )
    attachments = models.JSONField(
        _("attachments"),
        default=dict,
        blank=True,
        help_text=_("Field name → stored file name in the private attachment storage."),
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def attachment_url(self, field_name):
        from django.conf import settings

        path = reverse("call_attachment", args=[self.pk, field_name])
        return settings.WAGTAILADMIN_BASE_URL + path

    def get_data(self):
        data = super().get_data()
        data["language"] = self.language
        data["reference"] = self.reference or ""
        for field_name in self.attachments:
            data[field_name] = self.attachment_url(field_name)
        return data
