"""Cache headers for the calendar's GET endpoints: aggregators poll the feeds and the API often,
so an unchanged answer should cost them (and us) a 304, and a CDN may keep it for a minute."""

from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

MAX_AGE_SECONDS = 60


def _conditional(request, response):
    if response.status_code != 200:
        return response
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    # Without ?locale= the language comes from Accept-Language; shared caches must key on it.
    patch_vary_headers(response, ["Accept-Language"])
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def cacheable(request, response):
    """ETag from the rendered body, Cache-Control, and 304 for a matching If-None-Match; works
    for plain responses and for DRF/template responses that render later."""
    if hasattr(response, "add_post_render_callback") and not response.is_rendered:
        response.add_post_render_callback(lambda rendered: _conditional(request, rendered))
        return response
    return _conditional(request, response)
