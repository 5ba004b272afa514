"""Issue 15: a practice's inline rows (metrics, replication steps, partners, documents, gallery) become
TranslatableMixin, so wagtail-localize translates their text instead of copying the original's rows.

This migration adds ``translation_key`` and ``locale`` as nullable columns and fills them on existing rows:
the locale of the row's page and a uuid (shared by the rows at the same position of a practice's
translations, see ``fill``). 0010 then makes them required and unique together.
(Two migrations, so PostgreSQL checks the deferred foreign keys of the filled rows at this one's commit,
before 0010 alters the columns: one transaction would fail with 'pending trigger events'.)
Backwards, 0010 relaxes the columns again and this one drops them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("practicemetric", "replicationstep", "practicepartner", "practicedocument", "practicegalleryimage")


def fill(apps, schema_editor):
    """Each row gets its page's locale and a translation key. Rows of translations of one practice (pages
    sharing a translation key) at the same position share a key: a translation made before this migration
    copied the original's rows in order, so wagtail-localize pairs them as the original's row and its
    translation (and syncs onto them instead of replacing them)."""
    for name in MODELS:
        model = apps.get_model("practices", name)
        keys: dict[tuple, uuid.UUID] = {}
        rows = []
        found = model.objects.filter(translation_key__isnull=True).values_list(
            "pk", "page__locale_id", "page__translation_key", "sort_order"
        )
        for pk, locale_id, page_key, position in found.order_by("pk").iterator():
            key = uuid.uuid4() if position is None else keys.setdefault((page_key, position), uuid.uuid4())
            rows.append(model(pk=pk, translation_key=key, locale_id=locale_id))
        model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)


def fields(name: str) -> list:
    return [
        migrations.AddField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0008_practice_digest"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[operation for name in MODELS for operation in fields(name)],
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
