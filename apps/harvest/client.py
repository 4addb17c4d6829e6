"""Reading another Bygd site's public API. Every way a source can answer badly (no answer in
time, an error status, something that is not JSON, JSON of another shape) is one exception,
``SourceError``, so a run gives up on that source before anything of it is applied."""

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request

from django.utils.translation import gettext as _

from apps.core import public_http
from apps.harvest import conf


class SourceError(Exception):
    pass


class NotFound(SourceError):
    pass


class Client:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/") + "/"
        self.requests = 0
        self.opener = public_http.opener(conf.allow_private_addresses)

    def url(self, path, params=None):
        query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v is not None})
        return urllib.parse.urljoin(self.base_url, path) + (f"?{query}" if query else "")

    def get(self, url):
        try:
            public_http.check_scheme(url)
        except public_http.RefusedAddress:
            raise SourceError(_("%(url)s is not an http(s) address.") % {"url": url}) from None
        request = urllib.request.Request(  # noqa: S310 (scheme checked above)
            url, headers={"Accept": "application/json", "User-Agent": conf.user_agent()}
        )
        self.requests += 1
        try:
            with self.opener.open(request, timeout=conf.timeout()) as response:
                body = response.read()
        except public_http.RefusedAddress as error:
            raise SourceError(refusal(url, error)) from None
        except urllib.error.HTTPError as error:
            if error.code == 404:
                raise NotFound(url) from error
            raise SourceError(
                _("%(url)s answered %(status)s.") % {"url": url, "status": error.code}
            ) from error
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            raise SourceError(
                _("%(url)s did not answer: %(reason)s") % {"url": url, "reason": error}
            ) from error
        try:
            return json.loads(body)
        except ValueError as error:
            raise SourceError(_("%(url)s did not answer with JSON.") % {"url": url}) from error

    def pages(self, path, params, required):
        """Every item of a paginated listing, following ``next``; each item must be an object
        with the ``required`` keys."""
        url = self.url(path, {**params, "page_size": conf.page_size()})
        while url:
            answer = self.get(url)
            if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
                raise SourceError(_("%(url)s is not a Bygd listing.") % {"url": url})
            for item in answer["results"]:
                yield checked(item, required, url)
            url = answer.get("next")
            if url is not None and not isinstance(url, str):
                raise SourceError(_("%(url)s is not a Bygd listing.") % {"url": url})


def refusal(url, error):
    """Why ``url`` (or where it redirected) is not fetched, for the source's summary."""
    if error.address is None:
        return _("%(url)s is not an http(s) address.") % {"url": error.url}
    return _(
        "%(url)s leads to %(address)s, a private or local network address; only public sites "
        "are harvested (BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES)."
    ) % {"url": url, "address": error.address}


def checked(item, required, url):
    if not isinstance(item, dict) or not set(required) <= item.keys():
        raise SourceError(
            _("%(url)s answered an item without %(fields)s.")
            % {"url": url, "fields": ", ".join(sorted(required))}
        )
    return item
