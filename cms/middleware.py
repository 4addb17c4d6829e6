from django.middleware.locale import LocaleMiddleware

UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/images/",
    "/feeds/",
    "/calendar",
    "/calls/",
    "/static/",
    "/media/",
    "/sitemap.xml",
    "/newsletter/",
)


class SiteLocaleMiddleware(LocaleMiddleware):
    """Pages live under /<lang>/; the API, feeds and admin do not. Django's middleware would
    turn a 404 there into a redirect to /<lang>/api/…, so those paths keep their own answer."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
