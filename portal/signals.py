"""Invalidate the public page cache whenever something a public page shows changes (and, after `migrate`,
put the Wagtail Site on the public address: portal.site_address).

Connected from ``PortalConfig.ready()``. Models are named by label and looked up only if their app is
installed, so portal imports no app above it; apps whose changes are not row saves (a bulk update of
``adoption_count``, an aggregate) call ``portal.cache.bump_public_cache_version()`` from their services.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import site_address
from .cache import bump_public_cache_version

# Rows shown on public pages outside the page's own revision: taxonomies, tags, images and their alt text,
# documents, site settings, sites, and the mentorship figures (adoption counts, the impact page).
# Renditions and sessions are deliberately absent: they are written while pages render.
INVALIDATING_MODELS = (
    "practices.Theme",
    "practices.TargetGroup",
    "practices.SDG",
    "taggit.Tag",
    "portal.PortalImage",
    "wagtaildocs.Document",
    "wagtailcore.Site",
    "mentorship.Municipality",
    "mentorship.Visit",
    "mentorship.Adoption",
    "mentorship.AdoptionEvent",
)

SETTINGS_MODELS = ("portal.PortalSettings",)


def invalidate_public_cache(sender, **kwargs) -> None:
    bump_public_cache_version()


def invalidate_on_settings_change(sender, created=False, **kwargs) -> None:
    # Site settings are created with their defaults on first read, while a page renders: nothing changed.
    if not created:
        bump_public_cache_version()


def invalidate_on_page_delete(sender, instance, **kwargs) -> None:
    # post_delete has no Page-wide sender (each specific model sends its own), so filter here.
    if isinstance(instance, Page):
        bump_public_cache_version()


def installed_models(labels):
    for label in labels:
        try:
            yield apps.get_model(label)
        except LookupError:  # the app is not installed (or has not built that model yet)
            continue


def connect() -> None:
    # Deploying (`migrate`) keeps the Wagtail Site on SITE_BASE_URL; importing the module registers its check.
    portal_app = apps.get_app_config("portal")
    post_migrate.connect(site_address.sync_after_migrate, sender=portal_app, dispatch_uid="portal-site")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate_public_cache, dispatch_uid=f"public-cache-{id(signal)}")
    post_delete.connect(invalidate_on_page_delete, dispatch_uid="public-cache-page-delete")
    for model in installed_models(SETTINGS_MODELS):
        post_save.connect(
            invalidate_on_settings_change, sender=model, dispatch_uid=f"public-cache-save-{model._meta.label}"
        )
    for model in installed_models(INVALIDATING_MODELS):
        label = model._meta.label
        post_save.connect(invalidate_public_cache, sender=model, dispatch_uid=f"public-cache-save-{label}")
        post_delete.connect(invalidate_public_cache, sender=model, dispatch_uid=f"public-cache-del-{label}")
