"""gunicorn settings for the web process of Practice Atlas, behind nginx on the same machine (deploy/nginx).

Run from the project directory with the production environment loaded (deploy/systemd/atlas-web.service):
    .venv/bin/gunicorn --config deploy/gunicorn.conf.py
The GUNICORN_* variables override the defaults below; deploy/smoke.sh uses them to run on a free port.
"""

import multiprocessing
import os

wsgi_app = (
    "portal.wsgi:application"  # portal.settings.production unless DJANGO_SETTINGS_MODULE says otherwise
)

# Loopback only: nginx is the one client. It sets X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER) and appends the
# client's address to X-Forwarded-For (TRUSTED_PROXY_COUNT=1).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
forwarded_allow_ips = "127.0.0.1"

# Synchronous workers: the views are short database-bound requests; document downloads stream from disk.
# Two per core plus one, at most 8 (each holds a database connection; the page cache is in Redis, shared).
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))  # a replication kit PDF renders within the request
graceful_timeout = 30
keepalive = 5  # nginx keeps upstream connections short; this only covers its retries

# Recycle workers now and then so a slow leak in a library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200

# Request limits a little under nginx's (client_max_body_size covers the 20 MB document upload).
limit_request_line = 8190
limit_request_fields = 100

# Logs to stdout/stderr: systemd's journal keeps them (journalctl -u atlas-web).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client address nginx appended, not its own; no query string (it may carry search terms).
access_log_format = '%({x-forwarded-for}i)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
proc_name = "atlas-web"
# gunicorn's control socket (in the user's home) is not used: systemd sends the signals (reload = HUP).
control_socket_disable = True
