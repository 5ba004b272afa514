"""`manage.py search_index --rebuild | --check`: rebuild the index behind its alias, or compare counts."""

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
                self.check()
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

    def check(self) -> None:
        indexed, published = check_counts()
        if indexed != published:
            raise CommandError(
                f"Index has {indexed} documents, the database {published} published practices; "
                "run `manage.py search_index --rebuild`."
            )
        self.stdout.write(self.style.SUCCESS(f"Index and database agree: {indexed} practices."))
