"""Every uploaded image gets a file name nobody can guess. Wagtail keeps an upload's own name
(``/media/original_images/affisch.png``) and starts each rendition's name with it, and the web
server publishes MEDIA_ROOT as it is, so an image sent with a portal submission or put on a
draft would be public at a predictable address before the page is. 128 random bits come first,
where Wagtail's rendition names keep them (it cuts names at the end)."""

import secrets
from pathlib import PurePath

from django.db.models.signals import pre_save
from wagtail.images import get_image_model

from apps.core import conf


def unguessable_name(upload_name):
    return secrets.token_hex(16) + PurePath(upload_name).suffix.lower()[:10]


def _rename_new_file(sender, instance, raw=False, **kwargs):
    """Runs before the file field stores the upload (Django saves files in the fields'
    ``pre_save``, after this signal), so only a file not yet stored is renamed."""
    upload = instance.file
    if raw or not upload or upload._committed or not conf.unguessable_image_names():
        return
    upload.name = unguessable_name(upload.name)


def connect():
    pre_save.connect(_rename_new_file, sender=get_image_model(), dispatch_uid="bygd-image-names")
