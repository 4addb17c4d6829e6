"""One stored answer of the shared response cache as a single byte string: a short header block
and the encoded body, nothing pickled. A hit is one cache read and a split at the first blank
line; the answer's final headers (validators, Cache-Control, Vary) are worked out once, when it
is stored, not on every hit."""

import gzip
from dataclasses import dataclass

_MAGIC = b"bygd-entry-1"
#: Smaller bodies do not gain from compression (Django's GZipMiddleware uses the same bound).
GZIP_MIN_BYTES = 200


@dataclass(frozen=True)
class Entry:
    version: int
    fresh_until: int
    headers: dict
    body: bytes


def encode(entry):
    head = [b"%s %d %d" % (_MAGIC, entry.version, entry.fresh_until)]
    head.extend(f"{name}: {value}".encode() for name, value in entry.headers.items())
    return b"\n".join(head) + b"\n\n" + entry.body


def decode(data):
    """The entry stored as ``data``, or None for nothing or anything else found under its key."""
    if not isinstance(data, bytes) or not data.startswith(_MAGIC):
        return None
    end = data.find(b"\n\n")
    if end < 0:
        return None
    first, *lines = data[:end].decode().split("\n")
    _magic, version, fresh_until = first.split(" ")
    headers = dict(line.split(": ", 1) for line in lines)
    return Entry(int(version), int(fresh_until), headers, data[end + 2 :])


def compressible(headers, body):
    """Text answers (JSON, feeds, iCalendar, HTML) of some size, not already encoded."""
    content_type = headers.get("Content-Type", "")
    return (
        len(body) >= GZIP_MIN_BYTES
        and "Content-Encoding" not in headers
        and (content_type.startswith("text/") or "json" in content_type or "xml" in content_type)
    )


def gzipped(entry):
    """The same answer compressed, with its own validator (a different representation must not
    share the plain one's strong ETag). ``mtime=0`` keeps the bytes the same for the same body."""
    headers = {**entry.headers, "Content-Encoding": "gzip"}
    headers["ETag"] = entry.headers["ETag"][:-1] + '-gzip"'
    body = gzip.compress(entry.body, compresslevel=6, mtime=0)
    return Entry(entry.version, entry.fresh_until, headers, body)
