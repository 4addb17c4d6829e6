"""Site-wide settings. Facts (addresses, links) live in a site setting that is the same in every
language; the footer's prose is a translatable snippet so wagtail-localize can translate it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from apps.core.locale import active_locale

SOCIAL_PLATFORMS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("other", _("Other")),
]


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, label=_("Platform"))
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")


@register_snippet
class SiteFooter(TranslatableMixin, models.Model):
    """Footer prose, one per language; the active language's is shown, else the default's."""

    text = RichTextField(_("footer text"), features=["bold", "italic", "link"], blank=True)
    accessibility_statement_url = models.URLField(
        _("accessibility statement URL"),
        blank=True,
        help_text=_("Public bodies in Sweden must link their accessibility statement."),
    )

    panels = [FieldPanel("text"), FieldPanel("accessibility_statement_url")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site footer")
        verbose_name_plural = _("site footers")

    def __str__(self):
        return str(_("Site footer ({language})")).format(language=self.locale.get_display_name())

    @classmethod
    def for_active_language(cls):
        locale = active_locale()
        footer = cls.objects.filter(locale=locale).first()
        return footer or cls.objects.select_related("locale").order_by("pk").first()
