"""``manage.py backup <dir>``: the database's content, the uploaded files and a manifest, in one directory.

Works on SQLite and PostgreSQL alike (it goes through the ORM). For a large PostgreSQL installation,
pg_dump plus a copy of media/ is faster; see the README's "Backup and restore" section.
"""

import json
import shutil
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

import wagtail

from portal.management.backup_format import (
    DATA_FILE,
    FORMAT_VERSION,
    MANIFEST_FILE,
    MEDIA_DIR,
    exclude_arguments,
    row_counts,
    storage_files,
)


class Command(BaseCommand):
    help = "Write the portal's data (dumpdata), uploaded files and a manifest with counts to a directory."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write the backup; must be empty or not exist yet.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument("--no-media", action="store_true", help="Leave uploaded files out.")

    def handle(self, *args, directory: str, database: str, no_media: bool, **options):
        target = Path(directory)
        if target.exists() and any(target.iterdir()):
            raise CommandError(f"{target} is not empty; choose a new directory so no backup is overwritten.")
        target.mkdir(parents=True, exist_ok=True)

        # One snapshot: counts and data are read inside the same transaction (repeatable on PostgreSQL).
        connection = connections[database]
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=database):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = row_counts()
            call_command(
                "dumpdata",
                exclude=exclude_arguments(),
                natural_foreign=True,
                use_base_manager=True,
                indent=None,
                database=database,
                output=str(target / DATA_FILE),
                verbosity=0,
            )
        self.stdout.write(f"Data: {sum(counts.values())} rows from {len(counts)} models -> {DATA_FILE}")

        media_files, media_bytes = 0, 0
        if not no_media:
            media_files, media_bytes = self.copy_media(target / MEDIA_DIR)
            self.stdout.write(f"Media: {media_files} files, {media_bytes} bytes -> {MEDIA_DIR}/")

        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "portal_version": settings.PORTAL_VERSION,
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database_vendor": connection.vendor,
            "counts": counts,
            "media": {"included": not no_media, "files": media_files, "bytes": media_bytes},
            "excluded": exclude_arguments(),
        }
        (target / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))

    def copy_media(self, destination: Path) -> tuple[int, int]:
        files, size = 0, 0
        for name in storage_files(default_storage):
            path = destination / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, path.open("wb") as copy:
                shutil.copyfileobj(source, copy)
            files += 1
            size += path.stat().st_size
        return files, size
