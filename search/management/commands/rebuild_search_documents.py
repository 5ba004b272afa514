"""`manage.py rebuild_search_documents`: recompute every practice's search document (database backend).

Needed after bulk changes that send no signals (`generate_practices`, raw SQL); publish, unpublish,
deletion, moves, privacy, adoption counts and taxonomy renames keep the documents current on their own.
"""

import sys
import time

from django.core.management.base import BaseCommand

from search.store import rebuild_documents


class Command(BaseCommand):
    help = "Recompute the search document of every live, public practice."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size=500, **options):
        started = time.perf_counter()
        interactive = sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total if total else width
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
            elif done == total or done % (batch_size * 20) == 0:
                self.stdout.write(line)

        count = rebuild_documents(batch_size=batch_size, progress=progress)
        if interactive:
            self.stdout.write("")
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Rebuilt {count} search documents in {seconds:.1f} s."))
