"""Visit.practices gets an explicit through model (VisitPractice) on the existing table, so the admin can edit
the practices discussed with Wagtail's chooser (MultipleChooserPanel) instead of a list of every practice.

The table, its rows and its unique (visit, practice) index stay; only a sort_order column is added.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mentorship", "0002_mentor_permissions"),
        ("practices", "0002_initial_data"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="VisitPractice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "visit",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="practice_links",
                                to="mentorship.visit",
                                verbose_name="visit",
                            ),
                        ),
                        (
                            "practice",
                            models.ForeignKey(
                                db_column="practicepage_id",
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="practices.practicepage",
                                verbose_name="practice",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "mentorship_visit_practices",
                        "unique_together": {("visit", "practice")},
                    },
                ),
                migrations.AlterField(
                    model_name="visit",
                    name="practices",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="visits",
                        through="mentorship.VisitPractice",
                        to="practices.practicepage",
                        verbose_name="practices discussed",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="visitpractice",
            name="sort_order",
            field=models.IntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AlterModelOptions(
            name="visitpractice",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "practice discussed",
                "verbose_name_plural": "practices discussed",
            },
        ),
    ]
