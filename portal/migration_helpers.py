"""Helpers for data migrations that must also run backwards (migrating to zero and forward again).

Historical models cannot delete pages through the ORM's collector when unapplying: it follows every
relation in the migration state, including tables an earlier step of the same unapply already dropped. This
walks the relations itself, skips tables that no longer exist, and deletes bottom-up with plain SQL.
"""

from django.db import models


def delete_rows(schema_editor, model, pks, *, _seen=None) -> None:
    """Delete rows of `model` with these primary keys and every row that points at them (existing tables)."""
    pks = list(pks)
    if not pks:
        return
    seen = _seen if _seen is not None else set()
    key = (model._meta.db_table, frozenset(pks))
    if key in seen:
        return
    seen.add(key)
    connection = schema_editor.connection
    tables = set(connection.introspection.table_names())
    for relation in model._meta.related_objects:
        related = relation.related_model
        if relation.many_to_many:
            through = relation.through
            if through._meta.db_table in tables:
                field = next(f for f in through._meta.fields if f.related_model is model)
                through._base_manager.filter(**{f"{field.name}__in": pks}).delete()
            continue
        if related._meta.db_table not in tables:
            continue
        rows = related._base_manager.filter(**{f"{relation.field.name}__in": pks})
        if relation.on_delete is models.SET_NULL:
            rows.update(**{relation.field.name: None})
            continue
        delete_rows(schema_editor, related, rows.values_list("pk", flat=True), _seen=seen)
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if through._meta.db_table in tables:
            own = next(f for f in through._meta.fields if f.related_model is model)
            through._base_manager.filter(**{f"{own.name}__in": pks}).delete()
    quote = schema_editor.quote_name
    placeholders = ", ".join(["%s"] * len(pks))
    schema_editor.execute(
        f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN ({placeholders})",  # noqa: S608
        pks,
    )


def delete_pages_below(apps, schema_editor, path: str) -> None:
    """Delete the page at `path`, every page below it and everything that refers to them."""
    Page = apps.get_model("wagtailcore.Page")
    for depth in (
        Page.objects.filter(path__startswith=path)
        .order_by("-depth")
        .values_list("depth", flat=True)
        .distinct()
    ):
        pks = Page.objects.filter(path__startswith=path, depth=depth).values_list("pk", flat=True)
        delete_rows(schema_editor, Page, list(pks))
