"""Fast, isolated settings for the test suite."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105 - test settings only
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off: local memory outlives each test's database rollback. tests/portal/test_cache*.py turn it on.
PUBLIC_PAGE_CACHE_TIMEOUT = 0
SESSION_ENGINE = "django.contrib.sessions.backends.db"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SITE_BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
DEMO_LOGINS_ENABLED = False
# Client.login() authenticates without a request, which the stock Axes backend refuses; this subclass
# lets it through and still locks out logins made through views (tests/security/test_login_lockout.py).
AUTHENTICATION_BACKENDS = [
    "portal.security.RequestOptionalAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_VERBOSE = False  # no log line per login attempt in test output
# Tasks run inline; tests of the worker switch to the database backend themselves.
TASK_BACKEND = "immediate"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
