from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import checks, collation, signals  # noqa: F401 - checks registers the deploy checks

        signals.connect()
        collation.connect()
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Locale

        from .languages import forget_locales

        for signal in (post_save, post_delete):
            signal.connect(forget_locales, sender=Locale, dispatch_uid=f"forget_locales_{signal}")
