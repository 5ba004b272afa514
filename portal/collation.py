"""Turkish alphabetical ORDER BY on every supported database: PostgreSQL's ICU collation "tr-x-icu", and on
SQLite a collation of the same name registered on each new connection (SQLite has no Turkish collation)."""

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.functions import Collate

from .text import turkish_sort_key

SQLITE_COLLATION = "turkish"
POSTGRESQL_COLLATION = "tr-x-icu"


class TurkishOrder(Collate):
    """``order_by(TurkishOrder("title"))`` sorts in Turkish alphabetical order (ç after c, ı before i)."""

    def __init__(self, field: str):
        super().__init__(F(field), POSTGRESQL_COLLATION)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, collation=connection.ops.quote_name(SQLITE_COLLATION))


def compare_turkish(left: str, right: str) -> int:
    left_key, right_key = turkish_sort_key(left), turkish_sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, compare_turkish)


def connect() -> None:
    connection_created.connect(register_sqlite_collation, dispatch_uid="portal.collation.sqlite")
