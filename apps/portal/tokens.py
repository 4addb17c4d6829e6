"""Signed links for the portal. Each purpose has its own salt, links expire, and the payload
holds a row id with a random nonce that changes once the link is used, so a link works once."""

import datetime

from django.core import signing

from apps.portal import conf

VERIFY = "verify"
INVITE = "invite"


class InvalidToken(Exception):
    """Tampered, expired, used or made for another purpose; callers show one message for all."""


def max_age(purpose):
    if purpose == VERIFY:
        return datetime.timedelta(days=conf.verify_days())
    return datetime.timedelta(days=conf.invitation_days())


def make_token(purpose, pk, nonce):
    return signing.dumps({"i": pk, "n": nonce}, salt=f"bygd.portal.{purpose}")


def read_token(purpose, token):
    """(pk, nonce) from a token; the caller compares the nonce with the row's current one."""
    try:
        payload = signing.loads(token, salt=f"bygd.portal.{purpose}", max_age=max_age(purpose))
        return int(payload["i"]), str(payload["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken(str(error)) from None
