"""Each worker's own copies of the stored answers it served last, so that a hit on Redis reads the
content version (a few bytes) instead of the whole answer (tens or hundreds of KB) on every
request. A copy is served only while the shared content version is still the one it was
computed under, the same check as for the shared entry, so it can never outlive a change to
public content in any process; a copy past its freshness is read again from the shared cache,
where another worker may have recomputed it.

Bounded by the bytes of the bodies kept (``BYGD_CACHE_HOT_BYTES``), least recently served out
first; answers larger than a quarter of the bound are not copied, so one export cannot push out
every listing."""

import threading
from collections import OrderedDict

from apps.core import conf

_entries = OrderedDict()
_size = 0
_lock = threading.Lock()


def get(key):
    """The copy kept under ``key`` (of whatever version), or None."""
    with _lock:
        entry = _entries.get(key)
        if entry is not None:
            _entries.move_to_end(key)
        return entry


def put(key, entry):
    global _size
    limit = conf.cache_hot_bytes()
    with _lock:
        old = _entries.pop(key, None)
        if old is not None:
            _size -= len(old.body)
        if not limit or len(entry.body) * 4 > limit:
            return
        _entries[key] = entry
        _size += len(entry.body)
        while _size > limit:
            _key, evicted = _entries.popitem(last=False)
            _size -= len(evicted.body)


def clear():
    global _size
    with _lock:
        _entries.clear()
        _size = 0
