"""Issue 15, after 0009/0010: the saved revisions of practices name their inline rows' ``translation_key``
and ``locale`` too. A revision saved before 0009 has neither; restored (a draft published, wagtail-localize
reading the latest revision to translate or sync) its rows would get a new random key each time, so the
English rows would no longer pair with the original's. Each such row gets its row's key and locale where the
row still exists (the row's key is the truth, also after migrating back and forth; a row since deleted gets
a new key when restored, as any new row). Backwards: nothing to undo (the extra keys are ignored without
the columns)."""

from django.db import migrations

RELATIONS = {
    "practicemetric": "metrics",
    "replicationstep": "replication_steps",
    "practicepartner": "partners",
    "practicedocument": "documents",
    "practicegalleryimage": "gallery_images",
}


def name_rows_in_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="practices", model="practicepage").first()
    if content_type is None:
        return
    rows = {
        name: {
            pk: (str(key), locale)
            for pk, key, locale in apps.get_model("practices", name).objects.values_list(
                "pk", "translation_key", "locale_id"
            )
        }
        for name in RELATIONS
    }
    changed = []
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        named = False
        for name, relation in RELATIONS.items():
            for child in content.get(relation) or []:
                found = rows[name].get(child.get("pk"))
                if found is None or (child.get("translation_key"), child.get("locale")) == found:
                    continue
                child["translation_key"], child["locale"] = found
                named = True
        if named:
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=200)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0010_translatable_children"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(name_rows_in_revisions, migrations.RunPython.noop, elidable=True)]
