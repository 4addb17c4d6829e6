"""One mail-server connection for a whole run, and what a failed hand-over means (RFC 5321):
a 5xx answer is permanent for that recipient, a 4xx answer (greylisting, a full mailbox, "try
later") and a dropped connection or timeout are temporary. A dropped connection is reopened for
the next message; when the server cannot be reached at all the run stops, without a traceback,
and leaves the rest for the next one."""

import contextlib
import smtplib
from dataclasses import dataclass

from django.core.mail import get_connection

#: Connections lost one after another, without a message accepted between them, before the
#: run gives up on the server for now.
MAX_LOST_CONNECTIONS = 3


class MailServerUnavailable(Exception):
    """The mail server could not be reached (or kept dropping the connection)."""


@dataclass
class Refusal:
    permanent: bool
    error: str
    connection_lost: bool


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def refusal(error):
    """What a failed hand-over of a one-recipient message means for that recipient."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()), (None, b""))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, text = error.smtp_code, error.smtp_error
    else:  # SMTPServerDisconnected, ConnectionError, timeouts: the connection is gone
        return Refusal(False, f"{type(error).__name__}: {error}".strip(": "), True)
    permanent = code is not None and 500 <= code < 600
    # smtplib closes the connection itself after a 421 ("service not available, closing").
    return Refusal(permanent, f"{code} {_text(text)}".strip(), code == 421)


class Mailer:
    """Django's e-mail backend, kept open across messages and reopened after a disconnect."""

    def __init__(self):
        self.backend = get_connection()
        self.is_open = False
        self.lost_in_a_row = 0

    def send(self, message):
        """Hands ``message`` over; raises what the server answered (see ``refusal``), or
        MailServerUnavailable when no connection can be had."""
        if not self.is_open:
            try:
                self.backend.open()
            except OSError as error:  # smtplib's errors are OSErrors too
                self.close()
                raise MailServerUnavailable(str(error) or type(error).__name__) from error
            self.is_open = True
        self.backend.send_messages([message])
        self.lost_in_a_row = 0

    def lost(self):
        """The connection broke: close what is left of it and open a new one next time."""
        self.close()
        self.lost_in_a_row += 1
        if self.lost_in_a_row >= MAX_LOST_CONNECTIONS:
            raise MailServerUnavailable(
                f"the connection was lost {self.lost_in_a_row} times in a row"
            )

    def close(self):
        self.is_open = False
        with contextlib.suppress(OSError):
            self.backend.close()
