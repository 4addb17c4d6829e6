"""Throttling for anonymous API clients. The rate is read per request (not frozen at import like
DRF's class attribute) so operators and tests can change BYGD_API_ANON_RATE; None switches it off.
Clients are told apart by the same address as every other rate limit (apps.core.ratelimit)."""

from rest_framework.throttling import AnonRateThrottle

from apps.core import conf, ratelimit


class AnonymousClientThrottle(AnonRateThrottle):
    scope = "anon"

    @property
    def cache(self):
        """The rate limiter's cache, shared by every worker (DRF's default is Django's)."""
        return ratelimit.store()

    def get_rate(self):
        return conf.api_anon_rate()

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        return ratelimit.client_ip(request)
