"""An embed whose URL is required, with a title for screen readers.

Upstream: wagtail-localize 1.14.5 crashes extracting segments from an empty ``EmbedBlock`` (its
segment extractor reads the embed's URL unconditionally), so a page with an optional embed left
empty cannot be translated. Requiring the URL keeps such pages translatable.

Remove the ``required=True`` when wagtail-localize skips empty embeds; the block itself stays.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock


class RequiredEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("URL"), required=True)
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Names the embedded content for screen readers."),
    )

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "core/blocks/embed.html"
