"""``manage.py rebuild_practice_digests``: recompute every practice's digest (related practices, adopters).

Run after bulk imports (``generate_practices`` inserts rows without publish signals), after restoring a
backup, or nightly to re-rank related practices against the whole library. ``--check`` compares the stored
rows with a fresh computation and changes nothing (exit status 1 when they differ).
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from practices.digest import digest_differences, digest_rebuild


class Command(BaseCommand):
    help = "Recompute the stored digest of every published practice (related practices and adopters)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Compare with a fresh computation; write nothing."
        )

    def handle(self, *args, check, **options):
        if check:
            problems = digest_differences()
            for problem in problems[:50]:
                self.stdout.write(problem)
            if problems:
                raise CommandError(f"{len(problems)} difference(s) between stored and fresh digests.")
            self.stdout.write(self.style.SUCCESS("The stored digests match a fresh computation."))
            return
        started = time.monotonic()
        interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total if total else width
            line = (
                f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {time.monotonic() - started:.1f} s"
            )
            if interactive:
                self.stdout.write("\r" + line, ending="")
            elif done == total or done % max(1, total // 10) < 50:
                self.stdout.write(line)

        count = digest_rebuild(progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt {count} digests in {time.monotonic() - started:.1f} s.")
        )
