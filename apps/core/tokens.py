"""The one signed-token helper for links sent by e-mail (newsletter confirmation, unsubscribe
and data links; portal verification and invitations).

Each app and purpose has its own salt, so a token made for one action is useless for another.
Payloads hold row ids and random nonces, never an address, so a forwarded or logged link does not
disclose whom it belongs to; a row changes its nonce once a link is used, so a link works once."""

import secrets

from django.core import signing


class InvalidToken(Exception):
    """Tampered, expired, used or made for another purpose; callers show one message for all."""


def new_nonce():
    return secrets.token_urlsafe(18)


def make_token(namespace, purpose, payload):
    return signing.dumps(payload, salt=f"bygd.{namespace}.{purpose}", compress=True)


def read_token(namespace, purpose, token, max_age=None):
    """The payload of ``token``; ``max_age`` (a timedelta or None) limits how old it may be."""
    try:
        return signing.loads(token, salt=f"bygd.{namespace}.{purpose}", max_age=max_age)
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from None
