#!/usr/bin/env bash
# Smoke test of the production stack on this machine, loopback only: nginx with deploy/nginx/atlas.conf (TLS
# on 127.0.0.1:443 with a throwaway certificate), gunicorn with deploy/gunicorn.conf.py and the task worker
# (manage.py db_worker) on portal.settings.production, PostgreSQL and Redis (deploy/local-services.sh), a
# fresh database and a random SECRET_KEY. Checks /healthz/, the security headers, a published practice
# becoming visible, a visit request sending its e-mail through the worker, and /media/: public images served
# by nginx, documents never from disk, public ones through Wagtail's view, private ones refused. Stops
# everything and removes what it made, also on failure. Needs root (or sudo) for port 443 and the services.
#
#   bash deploy/smoke.sh            # CI runs it from .ci/run; about a minute
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON="$ROOT/.venv/bin/python"
started=$(date +%s)

step() { echo "== smoke ($(($(date +%s) - started)) s): $*"; }
fail() {
    echo "SMOKE FAILED: $*" >&2
    exit 1
}

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
if ! command -v nginx >/dev/null 2>&1; then
    "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq nginx >/dev/null
fi
bash deploy/local-services.sh >/dev/null

WORK=$(mktemp -d /tmp/atlas-smoke.XXXXXX)
chmod 755 "$WORK"  # nginx's workers (nobody) read static files and images below it
DB_NAME="atlas_smoke_$$"
REDIS_DB=15
export PGPASSWORD=atlas
pids=()

cleanup() {
    local status=$?
    set +e
    if [ -f "$WORK/nginx.pid" ]; then "${SUDO[@]}" nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null; fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    if [ "$status" -ne 0 ]; then
        for log in gunicorn worker nginx-error; do
            [ -s "$WORK/$log.log" ] && { echo "--- last lines of $log.log"; tail -n 25 "$WORK/$log.log"; } >&2
        done
    fi
    psql -h 127.0.0.1 -U atlas -d postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1
    redis-cli -h 127.0.0.1 -n "$REDIS_DB" flushdb >/dev/null 2>&1
    "${SUDO[@]}" rm -rf "$WORK"
    echo "== smoke: stopped and cleaned up ($(($(date +%s) - started)) s)"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ss -ltn 2>/dev/null | grep -qE '127\.0\.0\.1:443 |0\.0\.0\.0:443 |\*:443 '; then
    fail "port 443 is taken on this machine; the smoke test needs it (Wagtail's Site says https only on 443)"
fi
free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
GUNICORN_PORT=$(free_port)
HTTP_PORT=$(free_port)
BASE="https://127.0.0.1"

# --- The production environment (what /etc/atlas/atlas.env holds on a server) ----------------------------
export DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')
export SECRET_KEY
export DATABASE_URL="postgres://atlas:atlas@127.0.0.1:5432/$DB_NAME"
export REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
export ALLOWED_HOSTS=127.0.0.1 SITE_BASE_URL="$BASE"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
# django-environ drops the first slash of a filemail:// path: four slashes make it absolute.
export EMAIL_URL="filemail:///$WORK/mail" OFFICE_EMAIL=office@example.test
export TASK_BACKEND=database SEARCH_BACKEND=database ELASTICSEARCH_URL=""
export LOG_LEVEL=WARNING

step "fresh database $DB_NAME, migrate, collectstatic, check --deploy"
psql -h 127.0.0.1 -U atlas -d postgres -qc "CREATE DATABASE $DB_NAME TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
redis-cli -h 127.0.0.1 -n "$REDIS_DB" flushdb >/dev/null
mkdir -p "$WORK/mail" "$MEDIA_ROOT"
# collectstatic (compressing every file for WhiteNoise's manifest storage) needs no database: beside migrate.
"$PYTHON" manage.py collectstatic --noinput >"$WORK/collectstatic.log" 2>&1 &
collectstatic_pid=$!
pids+=("$collectstatic_pid")
"$PYTHON" manage.py migrate --noinput >"$WORK/migrate.log" 2>&1 || { tail -n 30 "$WORK/migrate.log"; fail "migrate"; }
wait "$collectstatic_pid" || { tail -n 30 "$WORK/collectstatic.log"; fail "collectstatic"; }
"$PYTHON" manage.py check --deploy --fail-level WARNING >/dev/null

# --- Start the stack ------------------------------------------------------------------------------------
step "starting gunicorn (127.0.0.1:$GUNICORN_PORT), the task worker and nginx (443, $HTTP_PORT)"
GUNICORN_BIND="127.0.0.1:$GUNICORN_PORT" GUNICORN_WORKERS=2 \
    .venv/bin/gunicorn --config deploy/gunicorn.conf.py >"$WORK/gunicorn.log" 2>&1 &
pids+=($!)
# The command line of deploy/systemd/atlas-worker.service.
worker_command=$(sed -n 's|^ExecStart=/srv/atlas/.venv/bin/python ||p' deploy/systemd/atlas-worker.service)
[ -n "$worker_command" ] || fail "no ExecStart in deploy/systemd/atlas-worker.service"
eval "set -- $worker_command"
"$PYTHON" "$@" >"$WORK/worker.log" 2>&1 &
pids+=($!)

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -keyout "$WORK/tls.key" -out "$WORK/tls.crt" >/dev/null 2>&1
# deploy/nginx/atlas.conf with this machine's paths, ports and certificate: nothing else changes.
sed -e "s|/srv/atlas/staticfiles/|$STATIC_ROOT/|; s|/srv/atlas/media/|$MEDIA_ROOT/|" \
    -e "s|server 127.0.0.1:8000|server 127.0.0.1:$GUNICORN_PORT|" \
    -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|; s|listen 443 ssl|listen 127.0.0.1:443 ssl|; /listen \[::\]/d" \
    -e "s|server_name atlas.example.gov.tr;|server_name 127.0.0.1;|" \
    -e "s|/etc/letsencrypt/live/atlas.example.gov.tr/fullchain.pem|$WORK/tls.crt|" \
    -e "s|/etc/letsencrypt/live/atlas.example.gov.tr/privkey.pem|$WORK/tls.key|" \
    deploy/nginx/atlas.conf >"$WORK/atlas.conf"
grep -v "^ *#" "$WORK/atlas.conf" | grep -q "/srv/atlas\|example.gov.tr" && fail "deploy/nginx/atlas.conf changed: the smoke test's substitutions no longer apply"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $WORK/nginx-access.log;
    client_body_temp_path $WORK/nginx-body;
    proxy_temp_path $WORK/nginx-proxy;
    fastcgi_temp_path $WORK/nginx-fastcgi;
    uwsgi_temp_path $WORK/nginx-uwsgi;
    scgi_temp_path $WORK/nginx-scgi;
    include $WORK/atlas.conf;
}
NGINX
"${SUDO[@]}" nginx -t -q -p "$WORK" -c "$WORK/nginx.conf" 2>"$WORK/nginx-error.log" || fail "nginx -t"
"${SUDO[@]}" nginx -p "$WORK" -c "$WORK/nginx.conf"

CURL=(curl -sS -k --max-time 20 -b "$WORK/cookies" -c "$WORK/cookies")
for _ in $(seq 60); do
    if [ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/healthz/" 2>/dev/null)" = 200 ]; then break; fi
    sleep 0.5
done

# --- Checks ---------------------------------------------------------------------------------------------
expect_status() {  # expect_status <code> <url> [curl options...]
    local code=$1 url=$2
    shift 2
    local got
    got=$("${CURL[@]}" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$url")
    if [ "$got" != "$code" ]; then
        grep -o '<[^>]*error[^>]*>[^<]*' "$WORK/body" | head -n 5 >&2 || true
        fail "$url answered $got, expected $code"
    fi
}
expect_header() {  # expect_header <name> <value substring> (in the last response)
    grep -i "^$1: " "$WORK/headers" | grep -qF -- "$2" || fail "header $1 does not contain '$2': $(grep -i "^$1:" "$WORK/headers" || echo missing)"
}

step "health"
expect_status 200 "$BASE/healthz/"
grep -q '"status": *"ok"' "$WORK/body" || fail "/healthz/ says $(cat "$WORK/body")"

step "security headers (portal.settings.production)"
expect_status 200 "$BASE/"
expect_header Strict-Transport-Security "max-age=31536000; includeSubDomains; preload"
expect_header Content-Security-Policy "default-src 'self'"
expect_header Content-Security-Policy "script-src 'self'"
expect_header X-Content-Type-Options nosniff
expect_header Referrer-Policy strict-origin-when-cross-origin
expect_header X-Frame-Options DENY
expect_status 301 "http://127.0.0.1:$HTTP_PORT/"
expect_header Location "https://127.0.0.1/"

step "a practice published becomes visible"
eval "$("$PYTHON" deploy/smoke_data.py draft)"
expect_status 200 "$BASE$LIBRARY_PATH"  # the library, now in the page cache
grep -qF "$TITLE" "$WORK/body" && fail "the draft is listed in the library"
expect_status 404 "$BASE$LIBRARY_PATH$SLUG/"
eval "$("$PYTHON" deploy/smoke_data.py publish "$SLUG")"
expect_status 200 "$BASE$PRACTICE_PATH"
grep -qF "$TITLE" "$WORK/body" || fail "$PRACTICE_PATH does not show the title"
expect_status 200 "$BASE$LIBRARY_PATH"
grep -qF "$TITLE" "$WORK/body" || fail "the library does not list the published practice (stale page cache?)"

step "a visit request sends its e-mail (through the task worker)"
expect_status 200 "$BASE$VISIT_PATH"
token=$(grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' "$WORK/body" | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || fail "no CSRF token in the visit request form"
visit_day=$(date -d "+14 days" +%F)
expect_status 302 "$BASE$VISIT_PATH" -e "$BASE$VISIT_PATH" \
    --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "contact_name=Smoke Test Kişi" \
    --data-urlencode "email=smoke.visitor@example.test" --data-urlencode "preferred_date_1=$visit_day" \
    --data-urlencode "delegation_size=4" --data-urlencode "preferred_format=hosted" \
    --data-urlencode "purpose=learn" --data-urlencode "new_municipality_name=Smoke Belediyesi" \
    --data-urlencode "new_municipality_kind=district" --data-urlencode "new_municipality_province=33" \
    --data-urlencode "consent=on" --data-urlencode "website="
expect_header Location "/ziyaret-talebi/alindi/"
mail_to() { grep -rqs "^To: $1" "$WORK/mail"; }
for _ in $(seq 180); do  # the worker may first be rendering the new practice's replication kit
    if mail_to office@example.test && mail_to smoke.visitor@example.test; then break; fi
    sleep 0.5
done
mail_to office@example.test || fail "the worker sent the office no e-mail about the request"
mail_to smoke.visitor@example.test || fail "the worker sent the visitor no confirmation"

step "/media/: images from disk, documents only through Wagtail's view"
eval "$("$PYTHON" deploy/smoke_data.py media)"
expect_status 200 "$BASE$RENDITION_URL"
expect_header Content-Type image/jpeg
expect_header X-Content-Type-Options nosniff
expect_status 200 "$BASE$ORIGINAL_URL"
expect_status 404 "$BASE$PUBLIC_DOC_FILE_URL"
expect_status 404 "$BASE$PRIVATE_DOC_FILE_URL"
expect_status 200 "$BASE$PUBLIC_DOC_URL"
grep -q "a public document" "$WORK/body" || fail "the public document's content did not come through /documents/"
expect_status 302 "$BASE$PRIVATE_DOC_URL"  # to the login page
grep -q "private document" "$WORK/body" && fail "the private document's content was served"
expect_header Location "login"

step "passed in $(($(date +%s) - started)) s"
