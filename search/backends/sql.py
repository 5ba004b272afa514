"""SQL helpers for the database backend: an id list as one parameter, and several querysets in one query."""

import json

from django.db import connection
from django.db.models import BooleanField, Expression, F, QuerySet


class Among(Expression):
    """``column IN ids`` with the ids sent as one parameter, however many there are.

    Django's ``pk__in=[...]`` writes one placeholder per id: thousands of ids make a long statement that
    the driver has to scan and the database has to parse (at 10,000 practices a common word matches
    thousands). PostgreSQL gets the ids as one comma-separated string (the driver's list adaptation costs
    more per id), SQLite a JSON list read with ``json_each``. A subquery rather than
    ``= ANY(array)``: PostgreSQL estimates its size and can hash it instead of probing an index once per id,
    and it does not estimate the selectivity of every element while planning.
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str, ids: list[int]):
        super().__init__()
        self.column = F(column)
        self.ids = list(ids)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if not self.ids:
            return "1 = 0", params
        placeholders = ", ".join(["%s"] * len(self.ids))
        return f"{column} IN ({placeholders})", (*params, *self.ids)

    def as_postgresql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        ids = ",".join(str(int(pk)) for pk in self.ids)
        return f"{column} IN (SELECT unnest(string_to_array(%s, ',')::bigint[]))", (*params, ids)

    def as_sqlite(self, compiler, connection):
        column, params = compiler.compile(self.column)
        return f"{column} IN (SELECT value FROM json_each(%s))", (*params, json.dumps(self.ids))  # noqa: S608


def union_all_rows(parts: list[tuple[str, QuerySet]], columns: tuple[str, ...], order_by: tuple[str, ...]):
    """Rows of several values() querysets in one query: (name, *columns) each, sorted by ``order_by``.

    Each queryset is compiled by Django (so it works on every database) and read through a derived table,
    which selects the columns by name and allows ORDER BY/LIMIT inside a part even where the database does
    not allow them in a compound statement (SQLite).
    """
    quote = connection.ops.quote_name
    selected = ", ".join(quote(column) for column in columns)
    statements, params = [], []
    for index, (name, queryset) in enumerate(parts):
        sql, part_params = queryset.query.sql_with_params()
        # Only Django-compiled SQL and quoted names are interpolated; every value is a parameter.
        statements.append(f"SELECT %s AS {quote('part')}, {selected} FROM ({sql}) {quote(f'part_{index}')}")  # noqa: S608
        params += [name, *part_params]
    ordering = ", ".join(quote(column) for column in order_by)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements) + f" ORDER BY {ordering}", params)
        return cursor.fetchall()
