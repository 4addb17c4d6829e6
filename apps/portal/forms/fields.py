"""Fields of the event form that the calendar's model fields do not give: listed dates typed
without a date picker script, and the image upload stating the limits that really apply."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from apps.portal import conf

MAX_LISTED_DATES = 60


class DateListField(forms.CharField):
    """Dates one per line (2027-03-14), for extra and left-out dates without JavaScript."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        value = super().to_python(value)
        days = []
        for line in value.replace(",", "\n").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                days.append(datetime.date.fromisoformat(line))
            except ValueError:
                raise ValidationError(
                    _("“%(value)s” is not a date such as 2027-03-14."),
                    params={"value": line},
                ) from None
        if len(days) > MAX_LISTED_DATES:
            raise ValidationError(_("At most %(count)s dates."), params={"count": MAX_LISTED_DATES})
        return sorted(set(days))


def image_max_bytes():
    """The portal's own limit, or Wagtail's if that is smaller: the one an upload meets."""
    wagtail_limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None)
    limits = [conf.image_max_bytes(), wagtail_limit]
    return min(limit for limit in limits if limit)


class EventImageField(WagtailImageField):
    """Wagtail's image field with the smaller limit, and a help text and error message that
    both name it, so what the form promises is what it enforces."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.max_upload_size = image_max_bytes()
        self.max_upload_size_text = filesizeformat(self.max_upload_size)
        self.help_text = _("%(formats)s, at most %(size)s.") % {
            "formats": ", ".join(
                extension.upper() for extension in sorted(set(self.allowed_image_extensions))
            ),
            "size": self.max_upload_size_text,
        }
        # Wagtail fills in both sizes, the limit from max_upload_size_text set above.
        self.error_messages["file_too_large"] = _(
            "The image is too large (%(file_size)s); the limit is %(max_filesize)s."
        )
