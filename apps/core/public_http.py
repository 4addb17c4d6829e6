"""Fetching an address someone typed without letting it reach what only the server can reach
(the server itself, the cloud metadata service, the office network). Shared by every app that
fetches such addresses (the portal's feed subscriptions, the harvest of other sites); each app
says through its own setting whether private addresses are allowed (tests, intranets).

Every connection checks the addresses its host name resolves to and connects to one of them,
so a second lookup cannot change what was checked; so does every redirect and every further
request. Only http and
https are fetched, and proxies from the environment are not used, since the check would see the
proxy's address. Editors get the same answer earlier from ``private_address``, which looks the
name up when the address is saved."""

import http.client
import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

SCHEMES = {"http", "https"}


class RefusedAddress(Exception):
    """A connection to a non-public address (``address``), or an address that is not http(s)
    (``address`` None)."""

    def __init__(self, url, address=None):
        super().__init__(url, address)
        self.url, self.address = url, address


def is_public(address):
    address = ipaddress.ip_address(str(address).split("%")[0])
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_scheme(url):
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise RefusedAddress(url)


def private_address(url):
    """The first address ``url``'s host name resolves to that is not public, or None; raises
    OSError when the name cannot be resolved."""
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for *_rest, sockaddr in socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM):
        if not is_public(sockaddr[0]):
            return sockaddr[0]
    return None


def _connector(allow_private):
    """Connects to an address the host name resolved to once it is checked, so that no packet
    goes to a refused address and a second lookup cannot give another one."""

    def connect(address, timeout, source_address=None):
        host, port = address
        found = [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
        if not allow_private():
            for ip in found:
                if not is_public(ip):
                    raise RefusedAddress(host, ip)
        error = OSError(f"{host} has no address")
        for ip in found:
            try:
                return socket.create_connection((ip, port), timeout, source_address)
            except OSError as failed:
                error = failed
        raise error

    return connect


def _connection(base, allow_private):
    class Connection(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._create_connection = _connector(allow_private)

    return Connection


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener(allow_private):
    """A urllib opener that raises RefusedAddress for a connection to a non-public address
    unless ``allow_private()`` (asked at each connection, so a test's settings apply)."""
    plain = _connection(http.client.HTTPConnection, allow_private)
    secure = _connection(http.client.HTTPSConnection, allow_private)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(plain, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(secure, req, context=self._context)

    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), HTTPHandler, HTTPSHandler, _RedirectHandler
    )
