"""Attempts at signing up and resetting a password are counted per client address and per
e-mail address in the shared rate limiter (failed logins are limited for every login view by
apps.core.logins). Both budgets matter: the address one stops
one machine trying many accounts, the account one stops many machines trying one account."""

from apps.core import ratelimit
from apps.core.ratelimit import RateLimited
from apps.portal import conf

__all__ = ["RateLimited", "check_attempt"]


def check_attempt(request, action, email=""):
    """Count one attempt at ``action``; raise RateLimited once either budget is spent."""
    window = conf.rate_window()
    ip_count, retry_after = ratelimit.count(
        f"portal-{action}-ip", ratelimit.client_ip(request), window
    )
    account_count = 0
    if email:
        account_count, _ = ratelimit.count(
            f"portal-{action}-account", ratelimit.account_key(email), window
        )
    if ip_count > conf.attempts_per_ip() or account_count > conf.attempts_per_account():
        raise RateLimited(retry_after=retry_after)
