"""Attempts at logging in, signing up and resetting a password are counted per client address
and per e-mail address in the cache. Both budgets matter: the address one stops one machine
trying many accounts, the account one stops many machines trying one account."""

import hashlib
import time

from django.core.cache import cache

from apps.newsletters.ratelimit import RateLimited, client_ip
from apps.portal import conf

__all__ = ["RateLimited", "check_attempt"]


def _count(key, window):
    cache.add(key, 0, timeout=window + 60)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window + 60)
        return 1


def check_attempt(request, action, email=""):
    """Count one attempt at ``action``; raise RateLimited once either budget is spent."""
    window = conf.rate_window()
    now = int(time.time())
    slot = now // window
    retry_after = window - now % window
    ip_count = _count(f"bygd:portal:{action}:ip:{client_ip(request)}:{slot}", window)
    account_count = 0
    if email:
        digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        account_count = _count(f"bygd:portal:{action}:account:{digest}:{slot}", window)
    if ip_count > conf.attempts_per_ip() or account_count > conf.attempts_per_account():
        raise RateLimited(retry_after=retry_after)
