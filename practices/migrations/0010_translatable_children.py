"""Issue 15, after 0009 filled them: a practice's inline rows require ``translation_key`` (a new uuid by
default) and ``locale``, unique together (TranslatableMixin's constraint)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("practicemetric", "replicationstep", "practicepartner", "practicedocument", "practicegalleryimage")


def fields(name: str) -> list:
    return [
        migrations.AlterField(
            model_name=name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name=name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0009_translatable_children_fill"),
    ]

    operations = [operation for name in MODELS for operation in fields(name)]
