"""Consent texts are evidence: a subscription records the exact wording its subscriber agreed
to. Editing a text therefore never changes a row that was shown; it adds the next version."""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


def language_choices():
    return list(settings.LANGUAGES)


class ConsentTextQuerySet(models.QuerySet):
    def current(self, language):
        """The newest text for ``language``, else the newest for the default language."""
        text = self.filter(language=language).order_by("-version").first()
        if text is None and language != settings.LANGUAGE_CODE:
            text = self.filter(language=settings.LANGUAGE_CODE).order_by("-version").first()
        return text


class ConsentText(models.Model):
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    version = models.PositiveIntegerField(_("version"), editable=False)
    text = models.TextField(
        _("text"),
        help_text=_("What subscribers agree to, shown beside the signup form's checkbox."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ConsentTextQuerySet.as_manager()

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["language", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "version"], name="unique_consent_text_version"
            )
        ]

    def __str__(self):
        return f"{self.get_language_display()} v{self.version}"

    @transaction.atomic
    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = ConsentText.objects.filter(pk=self.pk).values("text", "language").first()
            if stored and (stored["text"], stored["language"]) != (self.text, self.language):
                self.pk = None
                self._state.adding = True
        if self.pk is None:
            latest = (
                ConsentText.objects.select_for_update()
                .filter(language=self.language)
                .order_by("-version")
                .values_list("version", flat=True)
                .first()
            )
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)
