"""Settings shared by every environment; values come from the environment (twelve-factor)."""

import datetime
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    REDIS_URL=(str, ""),
    SEARCH_BACKEND=(str, "database"),
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX=(str, "practice-atlas"),
    ELASTICSEARCH_TIMEOUT=(float, 2.0),
    OFFICE_EMAIL=(str, "sosyalpolitika@example.gov.tr"),
    DEFAULT_FROM_EMAIL=(str, "Practice Atlas <noreply@example.gov.tr>"),
    EMAIL_URL=(str, "consolemail://"),
    SITE_BASE_URL=(str, "http://127.0.0.1:8000"),
    CONTACT_RETENTION_DAYS=(int, 183),
    FOLLOW_UP_REMINDER_DAYS_BEFORE=(int, 3),
    TASK_BACKEND=(str, "database"),
    VISIT_REQUEST_RATE_LIMIT=(str, "5/h"),
)

DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "practices",
    "mentorship",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: Settings -> Locales, with synchronisation
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: its save handler must run first so search.signals can correct the index entry.
    "search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",  # serves the search API docs' Swagger UI from static files, not a CDN
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",  # the task queue's table, results shown in Reports -> Background tasks
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware where the address decides (public pages, /en/), the preference elsewhere.
    "portal.languages.LanguageByAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-csp's CSPMiddleware, relaxed for the admin only.
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    # Inside the header middleware so its 400 carries the same headers; before anything touches the DB.
    "portal.middleware.RejectNullBytesMiddleware",
    # Whole-page cache for anonymous visitors (portal/cache.py): after auth and locale, inside the header
    # middleware so cached responses get the same security headers.
    "portal.cache.PublicPageCacheMiddleware",
    # Axes turns a locked-out login into the lockout page; its docs ask for it to come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other instead of failing with "database is locked": each transaction
    # takes the write lock when it begins (a deferred one deadlocks upgrading its read lock), readers do not
    # block the writer (WAL), and a waiting writer retries for up to SQLITE_BUSY_TIMEOUT_MS.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; "
                f"PRAGMA busy_timeout={env.int('SQLITE_BUSY_TIMEOUT_MS', default=20_000)}; "
                "PRAGMA synchronous=NORMAL"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "atlas",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds an anonymous visitor's public page stays cached (portal/cache.py); 0 turns the page cache off.
# Publishing, unpublishing, moving or deleting a page and editing what pages show invalidate it at once.
PUBLIC_PAGE_CACHE_TIMEOUT = env.int("PUBLIC_PAGE_CACHE_TIMEOUT", default=600)
# Seconds a database search's result (page of ids, total, facet counts) is kept for the same query
# (search/result_cache.py); any write of search documents or synonyms makes kept results obsolete at once.
SEARCH_RESULT_CACHE_TIMEOUT = env.int("SEARCH_RESULT_CACHE_TIMEOUT", default=600)

# Axes first: it refuses locked-out credentials before any backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
# Where collectstatic writes and uploads are kept; nginx serves from both (deploy/nginx/atlas.conf).
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OFFICE_EMAIL = env("OFFICE_EMAIL")

# Wagtail
WAGTAIL_SITE_NAME = "Practice Atlas"
# The one public address (portal/site_address.py): the Wagtail Site, sitemap, API, kits, e-mails and calendar
# UIDs all use it. The admin's address is the same unless WAGTAILADMIN_BASE_URL says otherwise.
SITE_BASE_URL = env("SITE_BASE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=SITE_BASE_URL)
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # PostgreSQL's Turkish text search configuration stems "engellilere" to "engelli".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "turkish"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "xlsx", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry script
# Upload forms check that the file's content matches its extension (portal/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.PortalDocumentForm"
# Documents go through Wagtail's view (collection privacy, attachment headers), never straight from media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Turkish pages at the root, English ones under /en/ (portal/urls.py: i18n_patterns); editors translate a
# page with wagtail-localize ("Translate" in the page's menu), see the README's "English" section.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("tr", "Türkçe"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("tr", "Türkçe"), ("en", "English")]
# "Translate this page" makes a draft, not (as wagtail-localize does by default for a live original) a live
# copy still in Turkish: translations go through the review workflow (practices.translation_review).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = SITE_BASE_URL

# Project
SEARCH_BACKEND = env("SEARCH_BACKEND")
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX")
ELASTICSEARCH_TIMEOUT = env("ELASTICSEARCH_TIMEOUT")
CONTACT_RETENTION_DAYS = env("CONTACT_RETENTION_DAYS")  # also the period the privacy notice states
FOLLOW_UP_REMINDER_DAYS_BEFORE = env("FOLLOW_UP_REMINDER_DAYS_BEFORE")  # 0: no advance reminder


def task_settings(backend: str) -> dict:
    """TASKS for TASK_BACKEND: `database` (django-tasks-db queue, run by `manage.py db_worker`) or `immediate`
    (inline in the request or command that enqueues, no worker: tests, and development without `make run`)."""
    backends = {
        "database": "django_tasks_db.DatabaseBackend",
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    }
    if backend not in backends:
        raise ValueError(f"TASK_BACKEND must be one of {', '.join(backends)}, not {backend!r}")
    return {"default": {"BACKEND": backends[backend]}}


TASK_BACKEND = env("TASK_BACKEND")
TASKS = task_settings(TASK_BACKEND)
VISIT_REQUEST_RATE_LIMIT = env("VISIT_REQUEST_RATE_LIMIT")
PRACTICE_REVIEW_MAX_AGE_DAYS = 365
PORTAL_VERSION = "0.1.0"

# Security headers on every response (production.py adds HSTS and secure cookies).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY everywhere; Wagtail's preview views set SAMEORIGIN themselves (xframe_options_sameorigin_override)
# because the editor shows the preview in a same-origin iframe. CSP frame-ancestors 'self' backs this up.
X_FRAME_OPTIONS = "DENY"
# The public site loads only its own CSS, JS and images: no CDN, no inline script or style.
# portal.middleware relaxes script-src and style-src under /admin/ only (Wagtail's admin needs it).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "frame-src": [SELF],
    }
}

# Admin login brute force: five failures for one username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "errors/lockout.html"
# Renders that template with a Retry-After header (the cool-off time).
AXES_LOCKOUT_CALLABLE = "portal.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)  # reverse proxies in front of the app

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint (replication kit PDFs) logs every layout step at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}
