"""Django's database cache with an increment that holds when processes count at once, and
Django's Redis cache without a new client object per call and with key watches.

Django's ``DatabaseCache.incr`` reads the value and writes it back in two statements, so two
workers counting the same key both read 5 and both write 6 and a rate limit lets through more than
it should; it also writes the value back with the default timeout, shortening a longer window.
Here the read and the write are one transaction that locks the row (``SELECT … FOR UPDATE`` on
PostgreSQL; on SQLite the transaction takes the write lock when it begins, as Bygd's settings
configure it), and the row keeps its expiry. The rate limiter (apps.core.ratelimit) counts with
it when no Redis is configured."""

import base64
import pickle

from django.core.cache.backends import db, redis
from django.core.management import call_command
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now

from apps.core.key_watch import KeyWatch


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        using = router.db_for_write(self.cache_model_class)
        connection = connections[using]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        cache_key, value_column, expires = (
            quote_name(name) for name in ("cache_key", "value", "expires")
        )
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {value_column} FROM {table} WHERE {cache_key} = %s AND {expires} >= %s"  # noqa: S608 - quoted names, values as parameters
                f"{lock}",
                [key, connection.ops.adapt_datetimefield_value(tz_now())],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301 - our own rows
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {cache_key} = %s",  # noqa: S608 - as above
                [encoded, key],
            )
        return value


class _RedisCacheClient(redis.RedisCacheClient):
    """Django builds a ``redis.Redis`` object around the connection pool on every cache call,
    copying its table of response callbacks each time: a quarter of a millisecond on every
    cached API answer. A client is safe to share between threads (its pool hands out the
    connections), so one per pool is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class RedisCache(redis.RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with one client per connection pool, and
    watches that tell when a key changed without a round trip (apps.core.key_watch)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _RedisCacheClient
        self._watches = {}

    def watch(self, key):
        """The watch of ``key`` (as given to ``get``), or None with several servers: Django reads
        from the replicas, and a report from the primary could come before a replica has the
        change, which would then be held as current."""
        if len(self._servers) > 1:
            return None
        watch = self._watches.get(key)
        if watch is None:
            options = {
                name: value
                for name, value in self._options.items()
                if name not in ("serializer", "pool_class", "parser_class")
            }
            watch = self._watches[key] = KeyWatch(
                self._servers[0], self.make_and_validate_key(key), **options
            )
        return watch


def create_cache_tables(using="default", verbosity=1, **kwargs):
    """``pre_migrate`` receiver: `migrate` first creates the table of every database cache in
    ``CACHES`` that is missing, so a production site with the database cache needs no extra step.
    Before, not after: migrations that create pages already write to the cache (the content
    version), and a fresh database would fail on the missing table. `createcachetable` does the
    same by hand; both leave existing tables alone."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
