"""People are contacts, not accounts. Their e-mail and phone are personal data, so each is shown
publicly (HTML and API) only when an editor has marked it public, with the person's consent."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Person(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role or title"), max_length=200, blank=True, help_text=_("e.g. Project manager")
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    email_public = models.BooleanField(_("show e-mail publicly"), default=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_public = models.BooleanField(_("show phone publicly"), default=False)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("email_public")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_public")]),
            ],
            heading=_("Contact (only shown when marked public)"),
        ),
        FieldPanel("photo"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.FilterField("locale_id"),
        index.FilterField("organisation_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    @property
    def public_email(self):
        return self.email if self.email_public else ""

    @property
    def public_phone(self):
        return self.phone if self.phone_public else ""
