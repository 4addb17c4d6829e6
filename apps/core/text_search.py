"""Text matching that behaves the same for Nordic letters on SQLite and PostgreSQL.

SQLite's LIKE and LOWER fold only ASCII, so "SÖRMLAND" would not find "Sörmland" there. Text is
folded in Python instead (``fold``): stored search text is kept folded, and columns that are not
are folded through a Python function registered on every SQLite connection (``Casefold``).
PostgreSQL folds Unicode itself. ``prefix_tsquery`` turns user input into a tsquery built only
from word characters, so tsquery syntax in the input cannot cause an error, and each word
matches as a prefix, so "teater" finds "Teaterkväll" in compounding languages.
"""

import re
import unicodedata

from django.db import connections, models
from django.db.backends.signals import connection_created
from django.db.models import Func, Lookup, Q

SQLITE_FUNCTION = "bygd_casefold"
WORD = re.compile(r"\w+")
MAX_TERMS = 16


def fold(text):
    """Lower-case for matching, the same way for stored text and queries."""
    return unicodedata.normalize("NFC", (text or "").replace("\x00", "")).casefold()


def terms(text):
    """The words of user input, folded; punctuation and operators are dropped."""
    return WORD.findall(fold(text))[:MAX_TERMS]


def prefix_tsquery(text):
    """A raw tsquery in which every word of ``text`` must match as a prefix, or None."""
    words = terms(text)
    return " & ".join(f"'{word}':*" for word in words) or None


class Casefold(Func):
    """``fold`` in SQL: LOWER on PostgreSQL, the Python function on SQLite."""

    function = "LOWER"
    output_field = models.TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra_context)


class PostgreSQLColumn(models.Field):
    """A column of a PostgreSQL-only type; elsewhere an unused text column, so one migration
    serves both databases without depending on the PostgreSQL driver."""

    postgresql_type = None

    def db_type(self, connection):
        return self.postgresql_type if connection.vendor == "postgresql" else "text"


class TsVectorField(PostgreSQLColumn):
    description = "Text-search vector"
    postgresql_type = "tsvector"


class TextArrayField(PostgreSQLColumn):
    """Read with ``__overlap``, which a GIN index answers."""

    description = "List of codes"
    postgresql_type = "text[]"


class Operator(Lookup):
    """A lookup that is one PostgreSQL operator, the right side cast to ``cast`` if given."""

    operator = None
    cast = None

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if self.cast:
            rhs = f"({rhs})::{self.cast}"
        return f"{lhs} {self.operator} {rhs}", (*lhs_params, *rhs_params)


@TsVectorField.register_lookup
class Matches(Operator):
    """``vector__matches=SearchQuery(...)``."""

    lookup_name = "matches"
    operator = "@@"


@TextArrayField.register_lookup
class Overlap(Operator):
    """``codes__overlap=[...]``: the column shares at least one value with the list."""

    lookup_name = "overlap"
    operator = "&&"
    cast = "text[]"


def contains_folded(queryset, fields, text):
    """``queryset`` where any of ``fields`` contains ``text``, ignoring case for every letter."""
    if connections[queryset.db].vendor != "sqlite":
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": text})
        return queryset.filter(condition)
    needle = fold(text)
    aliases = {f"_folded_{n}": Casefold(field) for n, field in enumerate(fields)}
    condition = Q()
    for alias in aliases:
        condition |= Q(**{f"{alias}__contains": needle})
    return queryset.alias(**aliases).filter(condition)


def _register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FUNCTION,
            1,
            lambda value: None if value is None else fold(value),
            deterministic=True,
        )


def connect():
    connection_created.connect(_register_sqlite_function, dispatch_uid="bygd_casefold")
