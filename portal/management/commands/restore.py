"""``manage.py restore <dir>``: load a backup made by ``manage.py backup`` into a migrated database.

The database must hold nothing but what migrations create (``--force`` replaces whatever is there).
Everything happens in one transaction: if loading fails or the row counts differ from the manifest,
the database is left as it was.
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from portal.management.backup_format import (
    DATA_FILE,
    FORMAT_VERSION,
    MANIFEST_FILE,
    MEDIA_DIR,
    flush_database,
    row_counts,
)

# Pages a freshly migrated database already has: the tree root, the home page and the library.
MIGRATION_PAGE_DEPTH = 3


def content_found() -> list[str]:
    """What makes this database more than freshly migrated (empty list: safe to restore into)."""
    checks = {
        "users": get_user_model().objects.exists(),
        "pages below the library": Page.objects.filter(depth__gt=MIGRATION_PAGE_DEPTH).exists(),
        "page revisions": Revision.objects.exists(),
        "images": get_image_model().objects.exists(),
        "documents": get_document_model().objects.exists(),
    }
    return [name for name, found in checks.items() if found]


class Command(BaseCommand):
    help = "Restore a backup directory (data, media, manifest) into a migrated, empty database."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A directory written by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true", help="Replace a database that already has content."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--no-reindex", action="store_true", help="Skip rebuilding the search and reference indexes."
        )

    def handle(self, *args, directory: str, force: bool, database: str, no_reindex: bool, **options):
        source = Path(directory)
        manifest = self.read_manifest(source)
        found = content_found()
        if found and not force:
            raise CommandError(
                "The database already has content (" + ", ".join(found) + "). "
                "Restore into a freshly migrated database, or pass --force to replace everything in it."
            )

        with transaction.atomic(using=database):
            # Clear the rows migrations created too, so ids and the page tree come only from the backup.
            # flush re-creates content types and permissions; the backup refers to them by natural key.
            flush_database(database)
            try:
                call_command("loaddata", str(source / DATA_FILE), database=database, verbosity=0)
            except (DeserializationError, DatabaseError, LookupError, ValueError) as error:
                # A truncated or edited data file: say which file and why, not a traceback.
                reason = (
                    str(error).strip().splitlines()[0][:300] if str(error).strip() else type(error).__name__
                )
                raise CommandError(
                    f"{source / DATA_FILE} could not be loaded; it is damaged or incomplete ({reason}). "
                    "Nothing was changed. Restore from another copy of the backup."
                ) from error
            counts = row_counts()
            expected = manifest["counts"]
            differences = {
                label: (expected[label], counts.get(label))
                for label in expected
                if counts.get(label) != expected[label]
            }
            if differences:
                raise CommandError(
                    f"Restored row counts differ from the manifest (expected, found): {differences}"
                )
        self.stdout.write(f"Data: {sum(counts.values())} rows restored, counts match the manifest")

        if manifest["media"]["included"]:
            copied = self.restore_media(source / MEDIA_DIR)
            if copied != manifest["media"]["files"]:
                raise CommandError(
                    f"Copied {copied} media files; the manifest lists {manifest['media']['files']}."
                )
            self.stdout.write(f"Media: {copied} files restored")

        if not no_reindex:
            call_command("rebuild_references_index", verbosity=0)
            call_command("update_index", verbosity=0)
            self.stdout.write("Search and reference indexes rebuilt")
        self.stdout.write(self.style.SUCCESS(f"Restored {source}"))

    def read_manifest(self, source: Path) -> dict:
        try:
            manifest = json.loads((source / MANIFEST_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{source} has no {MANIFEST_FILE}; is it a backup directory?") from None
        except (ValueError, OSError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise CommandError(f"{source / MANIFEST_FILE} is damaged and cannot be read ({error}).") from None
        if not isinstance(manifest, dict) or not isinstance(manifest.get("counts"), dict):
            raise CommandError(f"{source / MANIFEST_FILE} is damaged: it lists no row counts.")
        if not isinstance(manifest.get("media"), dict):
            raise CommandError(f"{source / MANIFEST_FILE} is damaged: it says nothing about media files.")
        if manifest.get("format") != FORMAT_VERSION:
            raise CommandError(
                f"Unknown backup format {manifest.get('format')!r}; expected {FORMAT_VERSION}."
            )
        if not (source / DATA_FILE).is_file():
            raise CommandError(f"{source / DATA_FILE} is missing.")
        return manifest

    def restore_media(self, media: Path) -> int:
        copied = 0
        for path in sorted(p for p in media.rglob("*") if p.is_file()):
            name = path.relative_to(media).as_posix()
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as handle:
                saved = default_storage.save(name, File(handle))
            if saved != name:
                raise CommandError(f"Media file {name} was stored as {saved}.")
            copied += 1
        return copied
