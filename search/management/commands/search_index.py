"""`manage.py search_index --rebuild | --check`: rebuild the index behind its alias, or compare counts.

Mind BaseCommand's own method names: `check()` is Django's system-check hook, which manage.py runs before
`handle()`; a `check()` here once counted documents before the rebuild and failed on an empty cluster.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends.elasticsearch import transport_errors
from search.indexing import check_counts, rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the Elasticsearch practice index behind its alias (--rebuild) or compare counts (--check)."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--rebuild", action="store_true", help="Index into a new index, then swap the alias."
        )
        group.add_argument("--check", action="store_true", help="Exit 1 if index and database counts differ.")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, rebuild=False, check=False, batch_size=500, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set; the database backend needs no index.")
        try:
            if rebuild:
                self.rebuild(batch_size)
            else:
                self.check_index()
        except transport_errors() as error:
            raise CommandError(
                f"Elasticsearch at {settings.ELASTICSEARCH_URL} could not be reached "
                f"or refused the request: {error}"
            ) from error

    def rebuild(self, batch_size: int) -> None:
        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  indexed {done}/{total}")

        report = rebuild_index(batch_size=batch_size, progress=progress)
        removed = ", ".join(report.removed_indices) or "none"
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.indexed} practices into {report.index}; "
                f"alias {settings.ELASTICSEARCH_INDEX} now points to it (old indices removed: {removed})."
            )
        )

    def check_index(self) -> None:
        from elasticsearch import NotFoundError

        try:
            indexed, published = check_counts()
        except NotFoundError as error:
            alias = settings.ELASTICSEARCH_INDEX
            raise CommandError(
                f"There is no index {alias} yet; run `manage.py search_index --rebuild`."
            ) from error
        if indexed != published:
            raise CommandError(
                f"Index has {indexed} documents, the database {published} published practices; "
                "run `manage.py search_index --rebuild`."
            )
        self.stdout.write(self.style.SUCCESS(f"Index and database agree: {indexed} practices."))
