"""Keep the search documents' heap narrow on PostgreSQL: text and vector go to TOAST (toast_tuple_target).

The facet and browse queries scan the document columns (theme, status, province, ...) of every document
in scope. With the folded text inline, 50,000 documents filled 24,500 heap pages and every scan read them
all (about 2.9 s for browsing with facets on a loaded 2-core machine); with the long columns moved out of
line the heap is 1,400 pages (1.1 s in the same conditions). Existing rows move on their next rewrite:
run `manage.py rebuild_search_documents`.
"""

from django.db import migrations


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument SET (toast_tuple_target = 128)")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_search_documents")]

    operations = [migrations.RunPython(narrow, widen, elidable=False)]
