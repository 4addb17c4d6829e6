"""The newsletter's budget in the shared rate limiter: signups and data requests per client
address and hour."""

from apps.core import ratelimit
from apps.newsletters import conf

WINDOW_SECONDS = 3600


def check_rate(request, scope="signup"):
    """Count this request against the client's budget; raise RateLimited when it is spent."""
    ratelimit.check(
        f"newsletter-{scope}",
        ratelimit.client_ip(request),
        conf.requests_per_hour(),
        WINDOW_SECONDS,
    )
