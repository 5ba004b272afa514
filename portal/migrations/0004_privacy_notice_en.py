"""English as a second language (issue 15): the Locale rows tr and en, and the privacy notice in English."""

import wagtail.fields
from django.db import migrations

from portal.migration_helpers import delete_pages_below


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    for code in ("tr", "en"):
        Locale.objects.get_or_create(language_code=code)


def remove_english_locale(apps, schema_editor):
    """The English pages go with their locale, and whatever points at them (redirects: a dependency below,
    so their model is in this migration's state); the Turkish originals stay."""
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return
    for path in Page.objects.filter(locale=english).order_by("depth").values_list("path", flat=True):
        if Page.objects.filter(path=path).exists():
            delete_pages_below(apps, schema_editor, path)
    english.delete()


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
        migrations.RunPython(create_locales, remove_english_locale),
    ]
