"""Applications sent through a call's form. One list per call whatever language the applicant
used; attachments are kept outside the public media folder and shown to moderators as links to
an admin view that checks their permission on the call."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission


class CallSubmission(AbstractFormSubmission):
    language = models.CharField(_("language"), max_length=8, blank=True)
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
        for field_name in self.attachments:
            data[field_name] = self.attachment_url(field_name)
        return data
