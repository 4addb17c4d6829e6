"""Middleware for host sites."""

from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from apps.core.api.errors import error_body
from apps.core.base_template import render


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 answered by a view outside the language
    prefix (the API's JSON 404, the feed of an unknown project, an unknown event's .ics) stays
    that answer. Django's would turn it into a redirect to /<language>/<path> whenever
    ``i18n_patterns`` hold a catch-all such as Wagtail's page serving, so an API client asking
    for a removed item would be sent to an HTML page. Paths that match no URL at all are still
    redirected to their language-prefixed form (/kalender/ → /sv/kalender/)."""

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class RefuseNullCharactersMiddleware:
    """A query string with a NUL character (``?q=%00``) is a 400 before any view reads it.
    PostgreSQL refuses NUL in text and both databases' full-text search choke on it, so every
    filter, search box and Wagtail's own content API would otherwise answer a 500. One guard here
    covers parameters no Bygd code declares (Wagtail's ``search``, ``type``, ``slug``). API paths
    get the API's JSON error, pages a page with the message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        names = [
            name
            for name, values in request.GET.lists()
            if "\x00" in name or any("\x00" in value for value in values)
        ]
        if names:
            return self.refuse(request, sorted(names))
        return self.get_response(request)

    def refuse(self, request, names):
        message = _("Null characters are not allowed.")
        fields = {name.replace("\x00", "\\x00"): [str(message)] for name in names}
        if request.path_info.startswith("/api/"):
            body = error_body(
                "invalid", _("Invalid parameter: {}.").format(", ".join(fields)), fields
            )
            return JsonResponse(body, status=400)
        return render(request, "bygd/bad_request.html", {"message": message}, status=400)
