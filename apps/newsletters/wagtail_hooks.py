"""Newsletters in the Wagtail admin: lists, consent texts and subscriptions as snippets, the
screens to send, draft a digest and move subscribers in and out as CSV, and the permission to
send."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from apps.newsletters import admin_views
from apps.newsletters.models import (
    ConsentText,
    NewsletterArchivePage,
    NewsletterList,
    NewsletterPage,
    Subscription,
)


def list_tools(newsletter_list):
    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a>',
        reverse("newsletter_export", args=[newsletter_list.pk]),
        _("Export confirmed (CSV)"),
        reverse("newsletter_import", args=[newsletter_list.pk]),
        _("Import CSV"),
    )


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = _("Lists")
    list_display = [
        "name",
        "slug",
        "is_public",
        "locale",
        Column("tools", label=_("Subscribers"), accessor=list_tools),
    ]
    ordering = ["name"]


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent texts")
    list_display = ["language", "version", "text", "created_at"]
    ordering = ["language", "-version"]


class SubscriptionFilterSet(WagtailFilterSet):
    class Meta:
        model = Subscription
        fields = ["status", "source", "language", "newsletter_list"]


class SubscriptionViewSet(SnippetViewSet):
    model = Subscription
    icon = "user"
    menu_label = _("Subscriptions")
    list_display = ["email", "newsletter_list", "status", "signed_up_at", "confirmed_at"]
    filterset_class = SubscriptionFilterSet
    ordering = ["-signed_up_at"]


class NewsletterGroup(SnippetViewSetGroup):
    items = (NewsletterListViewSet, ConsentTextViewSet, SubscriptionViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_name = "newsletters"


register_snippet(NewsletterGroup)


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("newsletters/send/<int:page_id>/", admin_views.send_view, name="newsletter_send"),
        path(
            "newsletters/sendings/<int:sending_id>/retry-failed/",
            admin_views.retry_failed_view,
            name="newsletter_retry_failed",
        ),
        path(
            "newsletters/digest/<int:archive_id>/",
            admin_views.digest_view,
            name="newsletter_digest",
        ),
        path(
            "newsletters/lists/<int:list_id>/export/",
            admin_views.export_view,
            name="newsletter_export",
        ),
        path(
            "newsletters/lists/<int:list_id>/import/",
            admin_views.import_view,
            name="newsletter_import",
        ),
    ]


@hooks.register("register_permissions")
def newsletter_permissions():
    return Permission.objects.filter(
        content_type__app_label=NewsletterPage._meta.app_label, codename="send_newsletter"
    )


class SendNewsletterMenuItem(ActionMenuItem):
    """Opens the send screen; sending itself is a separate, deliberate step there."""

    label = _("Test, send or schedule…")
    name = "action-newsletter-send"
    icon_name = "mail"

    def is_shown(self, context):
        page = context.get("page")
        return context.get("view") == "edit" and isinstance(page, NewsletterPage)

    def get_url(self, context):
        return reverse("newsletter_send", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def send_newsletter_menu_item():
    return SendNewsletterMenuItem(order=90)


@hooks.register("register_page_header_buttons")
def digest_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterArchivePage):
        yield Button(
            _("Draft a digest"),
            reverse("newsletter_digest", args=[page.pk]),
            icon_name="mail",
            priority=60,
        )
