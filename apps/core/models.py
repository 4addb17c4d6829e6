from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
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


class Provenance(models.Model):
    """Where a copy of another site's item came from, so that the API and the page can name and
    link its original. Here in core, naming no app, because the apps whose serializers show it
    sit below the app that makes the copies; a model shows its rows through
    ``GenericRelation(Provenance)`` and the API prefetches them."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    site = models.CharField(_("site"), max_length=200)
    url = models.URLField(_("original page"), max_length=500)
    identifier = models.CharField(_("original identifier"), max_length=255)

    class Meta:
        verbose_name = _("origin")
        verbose_name_plural = _("origins")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_provenance")
        ]

    def __str__(self):
        return f"{self.site}: {self.identifier}"
