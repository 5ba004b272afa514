"""Anonymise every contact whose visit-and-monitoring process ended more than CONTACT_RETENTION_DAYS ago.

The task scheduler runs the same job daily (mentorship.tasks.erase_expired_contacts); this is for doing it
by hand or checking what it would do.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from mentorship.privacy import contacts_erase_expired


class Command(BaseCommand):
    help = (
        "Anonymise contacts whose process ended more than CONTACT_RETENTION_DAYS ago, as the privacy notice "
        "says (safe to run again and again)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        count = contacts_erase_expired(dry_run=dry_run)
        days = settings.CONTACT_RETENTION_DAYS
        if dry_run:
            self.stdout.write(f"Would anonymise {count} contacts (retention {days} days).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Anonymised {count} contacts (retention {days} days)."))
