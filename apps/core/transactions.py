"""Public writes that insert a row under a unique constraint (a signup for an address) check
first and insert second; two identical requests at once both find nothing and race to insert,
and on PostgreSQL the loser's INSERT fails with IntegrityError after the winner commits. Running
the loser's whole transaction again lets it find the winner's row and answer normally."""

import functools

from django.db import IntegrityError, transaction

ATTEMPTS = 3


def atomic_retrying_conflicts(function):
    """transaction.atomic, run again (up to ATTEMPTS times) when a unique constraint refused it."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    return function(*args, **kwargs)
            except IntegrityError:
                if attempt == ATTEMPTS:
                    raise

    return wrapper
