"""Fetch an organiser's calendar address without letting it reach what only the server can
reach. Organisers type the address, so it could name the server itself, the cloud metadata
service or the office network: core's ``public_http`` checks every connection and redirect.
Size and time are limited; every failure is a FetchError with a message for the organiser."""

import http.client
import urllib.request
from urllib.error import HTTPError, URLError

from django.utils.translation import gettext as _

from apps.core import public_http
from apps.portal import conf


class FetchError(Exception):
    pass


def check_scheme(url):
    try:
        public_http.check_scheme(url)
    except public_http.RefusedAddress:
        raise FetchError(_("Only http and https addresses can be fetched.")) from None


def fetch(url):
    """The body at ``url`` (bytes), or FetchError."""
    check_scheme(url)
    opener = public_http.opener(conf.feed_allow_private)
    limit = conf.feed_max_bytes()
    request = urllib.request.Request(url, headers={"User-Agent": "Bygd calendar import"})  # noqa: S310 - scheme checked above
    try:
        with opener.open(request, timeout=conf.feed_timeout()) as response:
            data = response.read(limit + 1)
    except public_http.RefusedAddress as error:
        if error.address is None:
            raise FetchError(_("Only http and https addresses can be fetched.")) from None
        raise FetchError(
            _("The address leads to a private or local network, which is refused.")
        ) from None
    except HTTPError as error:
        raise FetchError(_("The server answered %(status)d.") % {"status": error.code}) from None
    except (URLError, OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(
            _("The address could not be fetched: %(error)s") % {"error": reason}
        ) from None
    if len(data) > limit:
        raise FetchError(
            _("The calendar is larger than %(size)d MB.") % {"size": limit // 1024**2 or 1}
        )
    return data
