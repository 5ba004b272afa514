"""English as a second language (issue 15): the Locale rows tr and en, and the privacy notice in English."""

import wagtail.fields
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    for code in ("tr", "en"):
        Locale.objects.get_or_create(language_code=code)


def keep_locales(apps, schema_editor):
    """Unapplying keeps the Locale rows and any English pages: they live in wagtailcore's tables (dropped
    when wagtailcore itself is unapplied); deleting pages here would have to know every app's rows that
    point at them."""


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0003_scheduled_run_privacy_notice_help'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailredirects', '0008_add_verbose_name_plural'),
    ]

    operations = [
        migrations.AddField(
            model_name='portalsettings',
            name='privacy_notice_en',
            field=wagtail.fields.RichTextField(blank=True, help_text='Shown on English pages; empty: the Turkish notice is shown, marked as Turkish.', verbose_name='privacy notice in English'),
        ),
        migrations.RunPython(create_locales, keep_locales),
    ]
