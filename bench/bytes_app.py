"""The anchor for cached answers: a WSGI app that returns the bytes of one recorded response from
memory, with its content type. A cached Bygd answer cannot be faster than this on the same
server, so the ratio says how much the cache lookup itself costs."""

import os

with open(os.environ["BENCH_BODY_FILE"], "rb") as _file:
    BODY = _file.read()
HEADERS = [
    ("Content-Type", os.environ.get("BENCH_CONTENT_TYPE", "application/json")),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
