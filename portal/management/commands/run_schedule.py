"""Enqueue the periodic tasks whose period has come (django-tasks has no cron), once or in a loop.

`make run` and deploy/systemd/atlas-scheduler.service run it as a loop beside the worker; `--once` suits
cron or a test. Safe to run twice at once: each (task, period) is claimed by one database row.
"""

import signal
import time

from django.core.management.base import BaseCommand, CommandError

from portal.background import periodic_jobs, run_due


class Command(BaseCommand):
    help = (
        "Enqueue due periodic tasks (reminders, retention, scheduled publishing, ...); loops unless --once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue what is due now, then exit.")
        parser.add_argument(
            "--interval", type=float, default=30.0, help="Seconds between checks in the loop (default 30)."
        )
        parser.add_argument("--list", action="store_true", help="List the periodic tasks and exit.")

    def handle(self, *args, once: bool = False, interval: float = 30.0, list: bool = False, **options):
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds.")
        if list:
            for job in periodic_jobs():
                period = job.period
                self.stdout.write(f"{job.name}: every {period.every}, from {period.at:%H:%M}")
            return
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while True:
            for enqueued in run_due():
                self.stdout.write(f"Enqueued {enqueued.job} for {enqueued.period_start:%Y-%m-%d %H:%M}")
            if once or not self.running:
                return
            slept = 0.0
            while self.running and slept < interval:
                time.sleep(min(1.0, interval - slept))
                slept += 1.0
            if not self.running:
                return

    def _stop(self, signum, frame):
        self.running = False
