"""Middleware for host sites."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
