"""Links in newsletter e-mails carry tokens from the shared signed-token helper
(apps.core.tokens): confirming a signup, unsubscribing (never expires: an unsubscribe link must
work for as long as the e-mail is kept) and fetching one's own data."""

import datetime

from apps.core import tokens
from apps.core.tokens import InvalidToken

__all__ = ["CONFIRM", "DATA", "UNSUBSCRIBE", "InvalidToken", "make_token", "read_token"]

NAMESPACE = "newsletter"
CONFIRM = "confirm"
UNSUBSCRIBE = "unsubscribe"
DATA = "data"

MAX_AGE = {
    CONFIRM: datetime.timedelta(days=7),
    UNSUBSCRIBE: None,
    DATA: datetime.timedelta(days=1),
}


def make_token(purpose, payload):
    return tokens.make_token(NAMESPACE, purpose, payload)


def read_token(purpose, token):
    return tokens.read_token(NAMESPACE, purpose, token, max_age=MAX_AGE[purpose])


def confirm_token(nonce):
    return make_token(CONFIRM, {"n": nonce})


def unsubscribe_token(subscription):
    return make_token(UNSUBSCRIBE, {"s": subscription.pk, "n": subscription.unsubscribe_nonce})
