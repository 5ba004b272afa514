"""Anonymise contacts of visit requests that never became a visit, after CONTACT_RETENTION_DAYS; run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand

from mentorship.services import contacts_anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise contacts of never-held visit requests older than the retention period (safe to run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        count = contacts_anonymise_expired(dry_run=dry_run)
        days = settings.CONTACT_RETENTION_DAYS
        if dry_run:
            self.stdout.write(f"Would anonymise {count} contacts (retention {days} days).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Anonymised {count} contacts (retention {days} days)."))
