"""Links in newsletter e-mails carry signed tokens. Each purpose has its own salt so a token
made for one action is useless for another, and the payload holds only random nonces and row
ids, never an address, so a forwarded or logged link does not disclose who it belongs to."""

import datetime

from django.core import signing

CONFIRM = "confirm"
UNSUBSCRIBE = "unsubscribe"
DATA = "data"

MAX_AGE = {
    CONFIRM: datetime.timedelta(days=7),
    UNSUBSCRIBE: None,
    DATA: datetime.timedelta(days=1),
}


class InvalidToken(Exception):
    """Tampered, expired, used or made for another purpose; callers show one message for all."""


def make_token(purpose, payload):
    return signing.dumps(payload, salt=f"bygd.newsletter.{purpose}", compress=True)


def read_token(purpose, token):
    try:
        return signing.loads(token, salt=f"bygd.newsletter.{purpose}", max_age=MAX_AGE[purpose])
    except signing.BadSignature as error:
        raise InvalidToken(str(error)) from None


def confirm_token(nonce):
    return make_token(CONFIRM, {"n": nonce})


def unsubscribe_token(subscription):
    return make_token(UNSUBSCRIBE, {"s": subscription.pk, "n": subscription.unsubscribe_nonce})
