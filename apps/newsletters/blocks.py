"""StreamField blocks of newsletters that other apps' pages may use too: the signup form, and the
block that shows content other apps register (see registry)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from apps.core.blocks import BaseStreamBlock
from apps.core.locale import active_locale
from apps.newsletters.registry import (
    NEWSLETTER_CONTENT,
    describe_pages,
    newsletter_content_choices,
    pickable_page_types,
)


class NewsletterSignupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    text = blocks.TextBlock(label=_("Text"), required=False)
    newsletter_list = SnippetChooserBlock("newsletters.NewsletterList", label=_("List"))

    class Meta:
        icon = "mail"
        label = _("Newsletter signup")
        template = "newsletters/blocks/signup.html"

    def get_context(self, value, parent_context=None):
        from apps.newsletters.forms import signup_form_context

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        newsletter_list = value["newsletter_list"]
        if newsletter_list is not None:
            newsletter_list = newsletter_list.in_language(translation.get_language())
        context.update(signup_form_context(request, [newsletter_list] if newsletter_list else []))
        return context


class RegisteredContentBlock(blocks.StructBlock):
    """Renders whatever the chosen provider returns at rendering time, so a newsletter drafted
    today shows the posts and events that exist when it is previewed and sent."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    source = blocks.ChoiceBlock(choices=newsletter_content_choices, label=_("Content"))
    parameter = blocks.CharBlock(
        label=_("Filter"),
        required=False,
        max_length=200,
        help_text=_("e.g. a project identifier or an event category; see the content's help."),
    )
    limit = blocks.IntegerBlock(label=_("Number of items"), default=5, min_value=1, max_value=20)
    days = blocks.IntegerBlock(
        label=_("Only from the last N days"), required=False, min_value=1, max_value=365
    )
    since = blocks.DateTimeBlock(
        label=_("Only published since"),
        required=False,
        help_text=_("A digest sets this to when the previous issue was sent."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Content from the site")
        template = "newsletters/blocks/registered_content.html"

    def items(self, value, locale=None):
        content = NEWSLETTER_CONTENT.get(value["source"])
        if content is None:
            return []
        limits = [value.get("since")]
        if value.get("days"):
            limits.append(timezone.now() - datetime.timedelta(days=value["days"]))
        since = max((limit for limit in limits if limit), default=None)
        return list(
            content.items(
                locale=locale or active_locale(),
                parameter=value.get("parameter") or "",
                limit=value.get("limit") or 5,
                since=since,
            )
        )[: value.get("limit") or 5]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        context["items"] = self.items(value, getattr(page, "locale", None))
        return context


class ContentPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser limited to the page types registered content lets editors pick. The
    types are read from the registry when first used (after every app's ready()), so they stay
    out of migrations, which must not depend on which apps a host installs."""

    @property
    def target_models(self):
        return pickable_page_types() or [Page]

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not isinstance(value.specific, tuple(self.target_models)):
            raise ValidationError(_("This kind of page cannot be chosen for a newsletter."))
        return value


class ChosenContentBlock(blocks.StructBlock):
    """Posts, events and calls an editor picks one by one, shown like the registered content
    and in the issue's language where they are translated."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    pages = blocks.ListBlock(ContentPageChooserBlock(label=_("Page")), label=_("Pages"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Chosen posts, events and calls")
        template = "newsletters/blocks/registered_content.html"

    def items(self, value, locale=None):
        chosen = [page.pk for page in value["pages"] if page is not None]
        pages = Page.objects.live().public().filter(pk__in=chosen).specific()
        by_pk = {page.pk: page for page in pages}
        ordered = [by_pk[pk] for pk in chosen if pk in by_pk]
        return describe_pages(ordered, locale or active_locale())

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        context["items"] = self.items(value, getattr(page, "locale", None))
        return context


class NewsletterStreamBlock(BaseStreamBlock):
    site_content = RegisteredContentBlock()
    chosen_content = ChosenContentBlock()
