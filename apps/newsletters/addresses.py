"""E-mail addresses are personal data. We compare and suppress them by a keyed hash so that the
suppression table keeps erased people off the lists without keeping their address."""

from django.utils.crypto import salted_hmac

DIGEST_SALT = "bygd.newsletter.address"


def normalise(email):
    """Case-insensitive domain, case-preserving local part would let one mailbox subscribe
    twice; providers treat the whole address case-insensitively in practice."""
    return (email or "").strip().lower()


def address_digest(email):
    return salted_hmac(DIGEST_SALT, normalise(email), algorithm="sha256").hexdigest()
