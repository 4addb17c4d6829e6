"""Signed links for the portal, from the shared signed-token helper (apps.core.tokens): e-mail
verification and colleague invitations. They expire, and the payload holds a row id with a
random nonce that changes once the link is used, so a link works once."""

import datetime

from apps.core import tokens
from apps.core.tokens import InvalidToken
from apps.portal import conf

__all__ = ["INVITE", "VERIFY", "InvalidToken", "make_token", "read_token"]

NAMESPACE = "portal"
VERIFY = "verify"
INVITE = "invite"


def max_age(purpose):
    if purpose == VERIFY:
        return datetime.timedelta(days=conf.verify_days())
    return datetime.timedelta(days=conf.invitation_days())


def make_token(purpose, pk, nonce):
    return tokens.make_token(NAMESPACE, purpose, {"i": pk, "n": nonce})


def read_token(purpose, token):
    """(pk, nonce) from a token; the caller compares the nonce with the row's current one."""
    try:
        payload = tokens.read_token(NAMESPACE, purpose, token, max_age=max_age(purpose))
        return int(payload["i"]), str(payload["n"])
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidToken(str(error)) from None
