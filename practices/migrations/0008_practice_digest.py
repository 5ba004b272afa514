import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_readiness"),
    ]

    operations = [
        migrations.CreateModel(
            name="PracticeDigest",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="digest",
                        serialize=False,
                        to="practices.practicepage",
                        verbose_name="practice",
                    ),
                ),
                ("stems", models.TextField(blank=True, verbose_name="stems")),
                ("related", models.JSONField(blank=True, default=list, verbose_name="related practices")),
                ("adopters", models.JSONField(blank=True, null=True, verbose_name="adopters")),
                ("computed_at", models.DateTimeField(auto_now=True, verbose_name="computed at")),
            ],
            options={
                "verbose_name": "practice digest",
                "verbose_name_plural": "practice digests",
            },
        ),
    ]
