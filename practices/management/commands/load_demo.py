"""``manage.py load_demo``: load the demo library idempotently, let other apps add demo data, print logins.

What it loads lives in ``practices.demo.content`` (data) and ``practices.demo.loader`` (rules). Running it
twice changes nothing: every row is found by a natural key (slug, title, username) and only created when
missing.

Demo users with known passwords are created only when ``settings.DEMO_LOGINS_ENABLED`` is True (development
settings); otherwise the command says so and loads the content alone.

Extension point for other apps (practices never imports them): after the library is loaded the command
sends ``practices.demo.signals.demo_data_loaded`` with ``log``, ``users`` and ``practices`` keyword
arguments; an app connects a receiver in its ``AppConfig.ready()`` to add its own idempotent demo steps
(see that module)."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from practices.demo.loader import load_library
from practices.demo.signals import demo_data_loaded


class Command(BaseCommand):
    help = "Load the demo practice library (idempotent) and print the demo logins (development only)."

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Wagtail logs every page creation and publication at INFO; our own lines already say it.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        with_users = bool(getattr(settings, "DEMO_LOGINS_ENABLED", False))
        log = self.stdout.write
        result = load_library(log=log, with_users=with_users)
        responses = demo_data_loaded.send(
            sender=self.__class__, log=log, users=result.users, practices=result.practices
        )
        if responses:
            log(f"Ek demo adımları: {', '.join(self._receiver_name(r) for r, _ in responses)}")

        summary = ", ".join(f"{what}: {count}" for what, count in result.created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo verisi hazır. Yeni oluşturulan kayıtlar — {summary}."))
        if not with_users:
            self.stderr.write(
                self.style.WARNING(
                    "DEMO_LOGINS_ENABLED is False: refusing to create users with known passwords. "
                    "Content was loaded; create accounts with `manage.py createsuperuser`."
                )
            )
            return
        self._print_logins(result.logins)

    @staticmethod
    def _receiver_name(receiver) -> str:
        return getattr(receiver, "__module__", "") + "." + getattr(receiver, "__qualname__", repr(receiver))

    def _print_logins(self, logins: list[tuple[str, str | None, str]]) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo girişleri (yalnızca geliştirme ortamı) — /admin/"))
        self.stdout.write(f"  {'kullanıcı':<12} {'parola':<24} rol")
        for username, password, role in logins:
            shown = password or "(değiştirilmiş)"
            self.stdout.write(f"  {username:<12} {shown:<24} {role}")
