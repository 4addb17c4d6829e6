"""Preview in an external frontend (headless), built on Wagtail's own preview modes: the editor
picks "External frontend" in the preview panel, we store the draft's API v2 representation under
a random token that expires, and the frontend configured for the page's site and language shows it
after fetching /api/v2/preview/?content_type=…&token=….

BYGD_HEADLESS_PREVIEW_URLS maps `host/language`, `language` or `*` to the frontend's preview URL;
without a matching entry the mode is not offered."""

import copy
import datetime
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core import conf

MODE = "headless"


def frontend_url(page):
    urls = conf.preview_urls()
    if not urls:
        return None
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    site = page.get_site() if page.pk else None
    candidates = [language, "*"]
    if site is not None:
        candidates.insert(0, f"{site.hostname}/{language}")
    for key in candidates:
        if key in urls:
            return urls[key]
    return None


def content_type_label(page):
    return page._meta.label_lower


def page_data(page, request):
    """The same JSON the live page has at /api/v2/pages/<id>/, for the unsaved draft."""
    from apps.core.api.pages import PagesAPIViewSet, wagtail_router

    serializer_class = PagesAPIViewSet._get_serializer_class(
        wagtail_router, type(page), [], show_details=True
    )
    request.wagtailapi_router = wagtail_router
    view = PagesAPIViewSet(request=request, action="detail_view", format_kwarg=None)
    unsaved = page.pk is None
    if unsaved:
        # A page being created has no id yet, and Wagtail's serializer links every page by id.
        page = copy.copy(page)
        page.pk = 0
    data = serializer_class(page, context=view.get_serializer_context()).data
    if unsaved:
        data["id"] = None
        data["meta"]["detail_url"] = None
    return data


def create(page, request):
    from apps.core.models import HeadlessPreview

    now = timezone.now()
    HeadlessPreview.objects.filter(expires_at__lt=now).delete()
    return HeadlessPreview.objects.create(
        token=secrets.token_urlsafe(32),
        content_type=content_type_label(page),
        language=page.locale.language_code,
        data=page_data(page, request),
        expires_at=now + datetime.timedelta(seconds=conf.preview_ttl()),
    )


class HeadlessPreviewMixin:
    """Adds the external frontend's preview mode to a page type; list it before `Page`."""

    @property
    def preview_modes(self):
        return [*super().preview_modes, *self.headless_preview_modes()]

    def headless_preview_modes(self):
        return [(MODE, _("External frontend"))] if frontend_url(self) else []

    def serve_preview(self, request, mode_name):
        if mode_name != MODE:
            return super().serve_preview(request, mode_name)
        url = frontend_url(self)
        preview = create(self, request)
        query = urlencode(
            {
                "content_type": preview.content_type,
                "token": preview.token,
                "locale": preview.language,
            }
        )
        separator = "&" if "?" in url else "?"
        return TemplateResponse(
            request,
            "core/headless_preview.html",
            {"preview_url": f"{url}{separator}{query}", "page": self},
        )
