"""``manage.py sync_site_address [--dry-run]``: the default Wagtail Site takes the host and port of
SITE_BASE_URL.

``migrate`` does the same after every run (portal.site_address.sync_after_migrate) and so does
``load_demo``; this command is for changing the address without a migration, e.g. after ``restore``.
"""

from django.core.management.base import BaseCommand, CommandError

from portal.site_address import site_base_url, site_sync_address


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from SITE_BASE_URL (safe to repeat)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would change; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = site_sync_address(dry_run=dry_run)
        if result is None:
            raise CommandError("There is no default Wagtail Site yet: run `manage.py migrate` first.")
        if not result.changed:
            self.stdout.write(f"The site already answers at {site_base_url()} ({result.after}).")
        elif dry_run:
            self.stdout.write(f"Would change the site from {result.before} to {result.after} (dry run).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Site changed from {result.before} to {result.after}."))
