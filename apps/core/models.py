from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class Tombstone(models.Model):
    """What remains of an item that left the public API (unpublished or deleted): enough for an
    incrementally syncing client to drop its copy. See apps.core.tombstones."""

    kind = models.CharField(_("kind"), max_length=40)
    identifier = models.CharField(_("identifier"), max_length=100)
    language = models.CharField(_("language"), max_length=16)
    removed_at = models.DateTimeField(_("removed"), db_index=True)

    class Meta:
        verbose_name = _("removed item")
        verbose_name_plural = _("removed items")
        ordering = ["removed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "identifier", "language"], name="unique_tombstone"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.identifier} ({self.language})"


class HeadlessPreview(models.Model):
    """A draft as an external frontend will fetch it: the Wagtail API v2 representation of the
    page as the editor sees it in the editor (saved or not), behind a random, expiring token."""

    token = models.CharField(max_length=64, unique=True)
    content_type = models.CharField(max_length=100)
    language = models.CharField(max_length=16)
    data = models.JSONField(encoder=DjangoJSONEncoder)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("headless preview")
        verbose_name_plural = _("headless previews")

    def __str__(self):
        return f"{self.content_type} ({self.language})"
