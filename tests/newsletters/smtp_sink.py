"""A real SMTP server (aiosmtpd) for sending tests that misbehaves the way real ones do:
greylisting (451 to the first RCPT of each address), permanent refusals (550 for addresses
containing "bounce") and a connection dropped, without an answer, when a connection's next
message arrives after ``disconnect_after`` accepted ones. It keeps every message it accepted."""

import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    def __init__(self, greylist=False, disconnect_after=None, always_greylist=False):
        self.greylist = greylist
        self.always_greylist = always_greylist
        self.disconnect_after = disconnect_after
        self.envelopes = []
        self.greeted = set()
        self.lock = threading.Lock()
        #: Called (in the server's thread) after a message was stored, before the 250 answer.
        self.on_accept = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "bounce" in address:
            return "550 5.1.1 No such mailbox here"
        with self.lock:
            first_time = address not in self.greeted
            self.greeted.add(address)
        if self.always_greylist or (self.greylist and first_time):
            return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        accepted = getattr(session, "accepted", 0)
        if self.disconnect_after is not None and accepted >= self.disconnect_after:
            server.transport.abort()
            return "421 4.4.2 Gone"  # never reaches the client: the connection is gone
        session.accepted = accepted + 1
        with self.lock:
            self.envelopes.append(envelope)
        if self.on_accept:
            self.on_accept(self)
        return "250 OK"

    @property
    def received(self):
        """How many messages each address received."""
        with self.lock:
            return Counter(address for envelope in self.envelopes for address in envelope.rcpt_tos)


class SinkServer:
    """``with SinkServer(sink) as port:`` runs the sink on a free port of 127.0.0.1."""

    def __init__(self, sink):
        self.controller = Controller(sink, hostname="127.0.0.1", port=free_port())

    def __enter__(self):
        self.controller.start()
        return self.controller.port

    def __exit__(self, *exc):
        self.controller.stop()


def smtp_settings(port):
    """Settings that send through the sink at ``port``."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_TIMEOUT": 5,
    }
