from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import checks, collation, signals  # noqa: F401 - checks registers the deploy checks

        signals.connect()
        collation.connect()
