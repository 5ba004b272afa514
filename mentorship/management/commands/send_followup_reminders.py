"""E-mail each assignee their due/overdue follow-ups and stalled adoptions; safe to run again and again."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from mentorship.reminders import followup_reminders_send, stalled_digest_send


class Command(BaseCommand):
    help = "Send follow-up reminders (each item at most once a day, however often this runs)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; send and record nothing."
        )
        parser.add_argument("--date", help="Treat this day (YYYY-MM-DD) as today.")
        parser.add_argument(
            "--stalled-digest",
            action="store_true",
            help="Send this week's digest of stalled adoptions instead (each adoption once a week).",
        )

    def handle(
        self, *args, dry_run: bool = False, date: str | None = None, stalled_digest: bool = False, **options
    ):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date must look like 2026-03-31: {error}") from error
        send = stalled_digest_send if stalled_digest else followup_reminders_send
        digests = send(today=today, dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        for digest in digests:
            self.stdout.write(
                f"{verb} to {digest.user.get_username()} <{digest.user.email or 'no e-mail'}>: "
                f"{len(digest.follow_ups)} follow-ups, {len(digest.stalled_adoptions)} stalled adoptions"
            )
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(digests)} reminder e-mails."))
