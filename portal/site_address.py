"""The portal's one public address (``settings.SITE_BASE_URL``): absolute links for the sitemap, the API,
replication kits, e-mails and calendar UIDs, and the Wagtail Site kept in step with it so that Wagtail's own
absolute links (``page.full_url``) never say ``http://localhost/``."""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from django.apps import apps as global_apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class SiteAddress:
    """Scheme, host and port of the public site, as Wagtail's Site stores them."""

    scheme: str
    hostname: str
    port: int

    @property
    def netloc(self) -> str:
        if self.port == DEFAULT_PORTS[self.scheme]:
            return self.hostname
        return f"{self.hostname}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.netloc}"


@lru_cache(maxsize=8)
def parse_base_url(value: str) -> SiteAddress:
    """Validate a base address such as ``https://atlas.example.gov.tr``; raise ImproperlyConfigured otherwise.

    Wagtail's Site can only say "https" for port 443 (``Site.root_url``), and serves sites at the root of
    their host, so a path or https on another port cannot be represented and is refused.
    """
    parts = urlsplit(value.strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_BASE_URL must be an http(s) address such as https://atlas.example.gov.tr, not {value!r}."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(
            f"SITE_BASE_URL must be a scheme and host only (the portal is served at the root), not {value!r}."
        )
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise ImproperlyConfigured(f"SITE_BASE_URL has an invalid port: {value!r}.") from error
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured("SITE_BASE_URL: Wagtail's Site can only express https on port 443.")
    if parts.scheme == "http" and port == 443:
        raise ImproperlyConfigured("SITE_BASE_URL: port 443 is https; write https://… instead.")
    return SiteAddress(scheme=parts.scheme, hostname=parts.hostname, port=port)


def site_address() -> SiteAddress:
    return parse_base_url(settings.SITE_BASE_URL)


def site_base_url() -> str:
    """The public base address without a trailing slash, e.g. ``https://atlas.example.gov.tr``."""
    return site_address().base_url


def absolute_url(path: str) -> str:
    """``path`` (``/uygulamalar/x/``) on the public address; an address that is already absolute is kept."""
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        path = "/" + path
    return site_base_url() + path


@dataclass(frozen=True)
class SiteSync:
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def site_sync_address(
    *, dry_run: bool = False, using: str = DEFAULT_DB_ALIAS, apps=global_apps
) -> SiteSync | None:
    """Give the default Wagtail Site the hostname and port of SITE_BASE_URL; None when there is no Site yet.

    Run by ``migrate`` (post_migrate), ``load_demo`` and ``manage.py sync_site_address``; safe to repeat.
    """
    site_model = apps.get_model("wagtailcore", "Site")
    site = site_model.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None
    address = site_address()
    before = f"{site.hostname}:{site.port}"
    after = f"{address.hostname}:{address.port}"
    if before != after and not dry_run:
        site.hostname, site.port = address.hostname, address.port
        site.save(update_fields=["hostname", "port"])
        # Wagtail caches the site root paths; the real model's post_save clears them, a historical one not.
        from wagtail.models import Site

        from .cache import bump_public_cache_version

        Site.clear_site_root_paths_cache()
        bump_public_cache_version()
    return SiteSync(before=before, after=after)


def sync_after_migrate(sender, app_config=None, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    """post_migrate receiver: deploying (``migrate``) keeps the Wagtail Site on the configured address."""
    try:
        apps.get_model("wagtailcore", "Site")
    except LookupError:  # migrated to a state before Wagtail's tables
        return
    site_sync_address(using=using, apps=apps)


@checks.register()
def check_site_base_url(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """``manage.py check`` (and so every deployment) refuses an address Wagtail's Site cannot hold."""
    try:
        site_address()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="portal.E001")]
    return []


def page_public_url(page) -> str:
    """A Wagtail page's address on SITE_BASE_URL (its path under the site it belongs to)."""
    parts = page.get_url_parts()
    if parts is None:  # not under any site's root
        return ""
    return absolute_url(parts[2])
