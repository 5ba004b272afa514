"""What a backup holds and how it is laid out; shared by the backup and restore commands.

A backup is a directory: ``data.json`` (dumpdata with natural foreign keys, so content types and
permissions are looked up by name rather than by id), ``media/`` (a copy of every file in the default
storage) and ``manifest.json`` (versions, row counts per model, media file count and size).
"""

from collections.abc import Iterator
from pathlib import PurePosixPath

from django.apps import apps
from django.core.files.storage import Storage
from django.db import models

FORMAT_VERSION = 1
DATA_FILE = "data.json"
MANIFEST_FILE = "manifest.json"
MEDIA_DIR = "media"

# Left out: rows Django or Wagtail rebuild (content types, permissions, search and reference indexes,
# renditions), short-lived state (sessions, editing sessions, half-finished multiple uploads) and the
# login-attempt log, which holds IP addresses and has no value on another server.
EXCLUDED_APPS = ("contenttypes", "sessions", "axes", "wagtailsearch")
EXCLUDED_MODELS = (
    "auth.permission",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailadmin.editingsession",
    "wagtailimages.rendition",
    "portal.portalrendition",
)


def _is_excluded(model: type[models.Model]) -> bool:
    return model._meta.app_label in EXCLUDED_APPS or model._meta.label_lower in EXCLUDED_MODELS


def backed_up_models() -> list[type[models.Model]]:
    """Concrete models whose rows go into data.json (what dumpdata writes for the same exclusions)."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed and not _is_excluded(model)
    ]


def exclude_arguments() -> list[str]:
    return [*EXCLUDED_APPS, *EXCLUDED_MODELS]


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def storage_files(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file name in ``storage`` below ``directory``, depth first, in a stable order."""
    try:
        subdirectories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield str(PurePosixPath(directory) / name) if directory else name
    for subdirectory in sorted(subdirectories):
        yield from storage_files(
            storage, str(PurePosixPath(directory) / subdirectory) if directory else subdirectory
        )


def flush_database(database: str) -> None:
    """Empty every table (``flush``), also inside a transaction that has already written rows.

    PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks still pending, so they are
    run first; the checks go back to deferred so loaddata can insert rows that refer forward.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections

    connection = connections[database]
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, database=database, verbosity=0)
    # flush re-created the content types under new ids; the per-process cache still has the old ones.
    ContentType.objects.clear_cache()
    recreate_migration_permissions(database)
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


# Permissions an app creates in a data migration rather than in a model's Meta: flush's post_migrate does not
# bring them back, and a backup's groups refer to them by natural key. (app label, model, codename, name)
MIGRATION_PERMISSIONS = [("wagtail_localize", "translation", "submit_translation", "Can submit translations")]


def recreate_migration_permissions(database: str) -> None:
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    for app_label, model, codename, name in MIGRATION_PERMISSIONS:
        content_types = ContentType.objects.db_manager(database)
        content_type, _ = content_types.get_or_create(app_label=app_label, model=model)
        Permission.objects.db_manager(database).get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
