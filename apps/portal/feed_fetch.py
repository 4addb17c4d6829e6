"""Fetch an organiser's calendar address without letting it reach what only the server can
reach. Organisers type the address, so it could name the server itself, the cloud metadata
service or the office network: only http and https are fetched, and the address a connection
actually reached is checked (not a name looked up beforehand, which a second lookup could
change), for the first request and every redirect. Proxies from the environment are not used,
since the check would see the proxy's address. Size and time are limited; every failure is a
FetchError with a message for the organiser."""

import http.client
import ipaddress
import socket
import urllib.request
from urllib.error import HTTPError, URLError
from urllib.parse import urlparse

from django.utils.translation import gettext as _

from apps.portal import conf

SCHEMES = {"http", "https"}


class FetchError(Exception):
    pass


def check_scheme(url):
    parts = urlparse(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise FetchError(_("Only http and https addresses can be fetched."))


def _check_peer(sock):
    address = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
    if (not address.is_global or address.is_multicast) and not conf.feed_allow_private():
        raise FetchError(_("The address leads to a private or local network, which is refused."))


def _connect(address, *args, **kwargs):
    sock = socket.create_connection(address, *args, **kwargs)
    try:
        _check_peer(sock)
    except FetchError:
        sock.close()
        raise
    return sock


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url):
    """The body at ``url`` (bytes), or FetchError."""
    check_scheme(url)
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _HTTPHandler, _HTTPSHandler, _RedirectHandler
    )
    limit = conf.feed_max_bytes()
    request = urllib.request.Request(url, headers={"User-Agent": "Bygd calendar import"})  # noqa: S310 - scheme checked above
    try:
        with opener.open(request, timeout=conf.feed_timeout()) as response:
            data = response.read(limit + 1)
    except HTTPError as error:
        raise FetchError(_("The server answered %(status)d.") % {"status": error.code}) from None
    except (URLError, OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, FetchError):
            raise reason from None
        raise FetchError(
            _("The address could not be fetched: %(error)s") % {"error": reason}
        ) from None
    if len(data) > limit:
        raise FetchError(
            _("The calendar is larger than %(size)d MB.") % {"size": limit // 1024**2 or 1}
        )
    return data
