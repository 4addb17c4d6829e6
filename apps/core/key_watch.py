"""Whether a key in Redis may have changed since this process last read it, without asking Redis
each time: Redis tells (server-assisted invalidation, ``CLIENT TRACKING … BCAST PREFIX``, Redis 6
or later) over one RESP3 connection that is only ever read when a caller asks. A cached answer
then checks the content version with a poll of that socket instead of a round trip
(apps.core.content_version.for_hit): on two cores under load the round trip was a third of a
cached answer's time.

Broadcast mode, not default tracking: it needs no read of the key on the watching connection, and
it reports every change whoever makes it (another worker, ``manage.py``, an expiry, ``FLUSHDB``),
which a cache shared between processes needs. Redis sends the report in the same turn of its event
loop as the writer's reply, so it reaches this process about when the reply reaches the writer
(in tests, every check right after a write from another connection saw it). Anything the watch
cannot vouch for (no connection yet, a broken one, a server without tracking) answers "may have
changed", and the caller reads the key as it would without a watch."""

import logging
import os
import time

import redis

logger = logging.getLogger(__name__)


#: Seconds a watched value is trusted without reading it again: a watch cannot tell a server that
#: went away without closing the connection from one with nothing to report, so even then a change
#: is seen this soon.
REREAD = 1.0


class KeyWatch:
    """One key's watch and the value last read under it, for one thread (Django gives each
    thread its own cache object, and with it its own watches)."""

    def __init__(self, url, key, **options):
        self._url = url
        self._key = key
        self._options = options
        self._client = None
        self._pid = None
        self._unsupported = False
        self._read = None  # (time.monotonic() of the read, value)

    def read(self, read_value):
        """The key's value: ``read_value()`` when the watch cannot vouch that it is unchanged
        since the last read (or that was over ``REREAD`` ago), else the value read then."""
        now = time.monotonic()
        # Polled on every call, not only within REREAD: reports left unread would pile up in
        # Redis's buffer for this connection while the content changes and no hit comes.
        quiet = self._quiet()
        if quiet and self._read is not None and now - self._read[0] < REREAD:
            return self._read[1]
        self._read = None
        self._arm()
        value = read_value()
        if self._client is not None:
            self._read = (now, value)
        return value

    def _arm(self):
        """Watch from now on, so that a change after this call is reported: called before the
        key is read. Errors are left to that read, which meets them too."""
        if self._unsupported or (self._client is not None and self._pid == os.getpid()):
            return
        # After a fork the parent's connection is the parent's: this process opens its own.
        self._client = None
        client = None
        try:
            client = redis.Redis.from_url(
                self._url, protocol=3, single_connection_client=True, **self._options
            )
            client.execute_command("CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self._key)
        except redis.ResponseError as error:
            # Redis before 6, or a proxy that does not pass tracking on.
            logger.warning("Redis cannot report changes (%s): reading the key on every hit", error)
            self._unsupported = True
            client.close()
            return
        except redis.RedisError:
            if client is not None:
                client.close()
            return
        self._client = client
        self._pid = os.getpid()

    def _quiet(self):
        """True when nothing was reported since the watch was armed or last reported; reports
        read now are used up, so the key is read again after a False."""
        client = self._client
        if client is None or self._pid != os.getpid():
            return False
        connection = client.connection
        try:
            if not connection.can_read(timeout=0):
                return True
            while connection.can_read(timeout=0):
                connection.read_response(push_request=True)
        except redis.RedisError:
            self._close()
        return False

    def _close(self):
        client, self._client = self._client, None
        if client is not None and self._pid == os.getpid():
            client.close()
