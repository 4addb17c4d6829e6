"""File attachments on application forms: a form-builder field type with a type and size limit,
checked by content (``file_types``), stored in a private folder (not under MEDIA_ROOT, which the web server may publish) and read
back only through the admin view that checks the moderator's permission."""

import uuid
from pathlib import Path

from django import forms
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from apps.projects import conf
from apps.projects.calls.file_types import content_matches


def max_bytes():
    return conf.attachment_max_mb() * 1024 * 1024


def private_storage():
    return FileSystemStorage(location=conf.private_media_root(), base_url=None)


class AttachmentField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        extensions = conf.attachment_extensions()
        self.validators.append(FileExtensionValidator(allowed_extensions=extensions))
        self.widget.attrs["accept"] = ",".join(f".{ext}" for ext in extensions)
        limit = max_bytes() // (1024 * 1024)
        note = _("Allowed: %(types)s; at most %(size)d MB.") % {
            "types": ", ".join(extensions),
            "size": limit,
        }
        self.help_text = f"{self.help_text} {note}".strip()

    def validate(self, value):
        super().validate(value)
        if value and value.size > max_bytes():
            raise forms.ValidationError(
                _("The file is too large: at most %(size)d MB.")
                % {"size": max_bytes() // (1024 * 1024)},
                code="too_large",
            )
        extension = Path(value.name).suffix.lstrip(".").lower() if value else ""
        allowed = [ext.lower() for ext in conf.attachment_extensions()]
        if extension in allowed and not content_matches(value, extension):
            raise forms.ValidationError(
                _(
                    "The content of %(name)s is not a .%(extension)s file as its name says; "
                    "send the document itself in one of these types: %(types)s."
                )
                % {"name": value.name, "extension": extension, "types": ", ".join(allowed)},
                code="wrong_content",
            )


class CallFormBuilder(FormBuilder):
    def create_file_field(self, field, options):
        return AttachmentField(**options)


def save_attachment(call_key, uploaded):
    """Store ``uploaded`` under an unguessable folder; returns the stored name."""
    name = get_valid_filename(Path(uploaded.name).name) or "attachment"
    return private_storage().save(f"calls/{call_key}/{uuid.uuid4().hex}/{name}", uploaded)
