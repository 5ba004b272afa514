"""``manage.py generate_practices --count N``: bulk-create N varied live practices for scale tests.

Safe to repeat: every run gets a fresh run id in its slugs. ``--seed`` makes the content reproducible,
``--dry-run`` shows what would be created without writing. See ``practices.demo.generator`` for how pages are
inserted in batches without treebeard's per-page queries.
"""

from django.core.management.base import BaseCommand, CommandError

from practices.demo.generator import generate_practices
from practices.models import PracticeIndexPage


class Command(BaseCommand):
    help = "Create N varied, published practices quickly (for scale and performance tests)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many practices to create.")
        parser.add_argument("--seed", type=int, default=None, help="Random seed for reproducible content.")
        parser.add_argument(
            "--batch-size", type=int, default=1000, help="Practices per transaction (default 1000)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be created; write nothing."
        )
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not update the Wagtail search index (run `manage.py update_index` afterwards).",
        )

    def handle(self, *args, count, seed, batch_size, dry_run, skip_index, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")

        def progress(done: int, total: int, seconds: float) -> None:
            self.stdout.write(f"{done}/{total} ({done * 100 // total}%) {seconds:.1f} s")

        if not dry_run and not PracticeIndexPage.objects.exists():
            raise CommandError("There is no practice library page yet: run `manage.py migrate` first.")
        result = generate_practices(
            count=count,
            seed=seed,
            batch_size=batch_size,
            dry_run=dry_run,
            update_index=not skip_index,
            progress=progress,
        )
        if dry_run:
            self.stdout.write(
                f"Dry run: would create {count} practices with run id {result.run_id}, for example:"
            )
            for title in result.sample_titles:
                self.stdout.write(f"  - {title}")
            self.stdout.write("Nothing was written.")
            return
        rate = result.created / result.seconds if result.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.created} practices (run id {result.run_id}) in {result.seconds:.1f} s "
                f"({rate:.0f}/s)."
            )
        )
        if result.indexed:
            self.stdout.write(
                "The Wagtail search index was updated. If the Elasticsearch backend is enabled, reindex it "
                "with "
                "`manage.py search_index --rebuild`."
            )
        else:
            self.stdout.write(self.style.WARNING("Search index not updated: run `manage.py update_index`."))
