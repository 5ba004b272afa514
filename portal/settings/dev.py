"""Local development: debug on, a fixed throwaway key, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import env, task_settings

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
DEMO_LOGINS_ENABLED = True
# Off by default while developing, so template and code changes show on reload.
PUBLIC_PAGE_CACHE_TIMEOUT = env.int("PUBLIC_PAGE_CACHE_TIMEOUT", default=0)
# Tasks run inline unless asked otherwise; `make run` sets TASK_BACKEND=database and starts the worker.
TASK_BACKEND = env.str("TASK_BACKEND", default="immediate")
TASKS = task_settings(TASK_BACKEND)
