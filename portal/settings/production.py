"""Production: every security value must come from the environment; nothing insecure by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env

SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be a real secret of at least 50 characters.")

DEBUG = False
# An explicit default of None bypasses base.py's development default, so a missing value fails loudly.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=None)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the portal's host names.")
DEMO_LOGINS_ENABLED = False

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
