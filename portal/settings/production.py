"""Production: every security value must come from the environment; nothing insecure by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, env

SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be a real secret of at least 50 characters.")

DEBUG = False
# An explicit default of None bypasses base.py's development default, so a missing value fails loudly.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=None)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the portal's host names.")
DEMO_LOGINS_ENABLED = False

# The public address (sitemap, API, kits, e-mails): SITE_BASE_URL, else https:// and the first named host.
_named_hosts = [host for host in ALLOWED_HOSTS if host != "*" and not host.startswith(".")]
_default_base_url = f"https://{_named_hosts[0]}" if _named_hosts else ""
SITE_BASE_URL = env.str("SITE_BASE_URL", default=_default_base_url).rstrip("/")
if not SITE_BASE_URL:
    raise ImproperlyConfigured("Set SITE_BASE_URL to the public address, e.g. https://atlas.example.gov.tr.")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=SITE_BASE_URL)
WAGTAILAPI_BASE_URL = SITE_BASE_URL

# Persistent database connections (checked before reuse): opening one on every request costs each page a
# connection set-up (and, on SQLite, its PRAGMAs).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Production runs behind one reverse proxy (see SECURE_PROXY_SSL_HEADER); the login lockout keys on the
# address that proxy appends to X-Forwarded-For, not on the proxy's own address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# Local memory is per process: one gunicorn worker's invalidation on publish would not reach the others,
# so without a shared cache (REDIS_URL) public pages are not cached at all rather than served stale.
PUBLIC_PAGE_CACHE_TIMEOUT = env.int("PUBLIC_PAGE_CACHE_TIMEOUT", default=600 if env("REDIS_URL") else 0)
