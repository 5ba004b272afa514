"""App config: registers the health check, the library's listing provider and (for Elasticsearch) signals."""

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from portal.views import HEALTH_CHECKS
        from practices import listing

        from . import service, signals, synonyms
        from .listing import listing_version, search_listing
        from .models import SynonymGroup

        if service.health_check not in HEALTH_CHECKS:
            HEALTH_CHECKS.append(service.health_check)
        listing.set_listing_provider(search_listing, version=listing_version)
        signals.connect_database_signals()
        for signal in (post_save, post_delete):
            signal.connect(synonyms.forget_synonyms, sender=SynonymGroup, dispatch_uid=f"synonyms_{signal}")
        post_migrate.connect(build_missing_documents, sender=self, dispatch_uid="search_documents_bootstrap")
        if settings.SEARCH_BACKEND == "elasticsearch":
            signals.connect_elasticsearch_signals()


def build_missing_documents(using="default", **kwargs):
    """After migrate: a database with live practices but no search documents yet (the table was just
    created) gets them, so the library is never empty after an upgrade."""
    from django.db import connections

    from practices.models import PracticePage

    from .models import SearchDocument
    from .store import rebuild_documents

    tables = connections[using].introspection.table_names()
    # Migrating backwards (to zero, or before the documents existed) leaves nothing to build.
    if SearchDocument._meta.db_table not in tables or PracticePage._meta.db_table not in tables:
        return
    if not SearchDocument.objects.using(using).exists() and PracticePage.objects.using(using).live().exists():
        rebuild_documents()
