#!/usr/bin/env bash
# Makes PostgreSQL and Redis available on 127.0.0.1 for development, tests and benchmarks: installs them
# from Debian's packages when absent, starts them when not running, and creates the `atlas` database role
# (password `atlas`, may create databases). Safe to repeat; changes nothing where both already run.
#
#   sudo bash deploy/local-services.sh      # or as root, as CI does
#   DATABASE_URL=postgres://atlas:atlas@127.0.0.1:5432/atlas ...
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
PG_PORT=5432
REDIS_PORT=6379
ROLE=atlas

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
apt_updated=""
apt_install() {
    if [ -z "$apt_updated" ]; then
        "${SUDO[@]}" apt-get update -qq
        apt_updated=1
    fi
    echo "installing $* from Debian's packages"
    "${SUDO[@]}" apt-get install -y -qq "$@" >/dev/null
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

wait_for() {  # wait_for <what> <command...>: up to 30 s
    local what=$1
    shift
    for _ in $(seq 60); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.5
    done
    echo "$what did not start" >&2
    return 1
}

# --- PostgreSQL -------------------------------------------------------------------------------------
if ! pg_isready -h 127.0.0.1 -p "$PG_PORT" -q 2>/dev/null; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        apt_install postgresql
    fi
    # The cluster that listens on our port, or a new one of the newest installed version.
    cluster=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}')
    if [ -z "$cluster" ]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        "${SUDO[@]}" pg_createcluster --port "$PG_PORT" "$version" main >/dev/null
        cluster="$version main"
    fi
    echo "starting PostgreSQL $cluster"
    # shellcheck disable=SC2086 # "$cluster" is "<version> <name>", two arguments
    "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect $cluster start || true
    wait_for PostgreSQL pg_isready -h 127.0.0.1 -p "$PG_PORT" -q
fi

# The role the project connects as. Where the server trusts local TCP connections as postgres (older CI
# machines) use that; otherwise the postgres system user over the Unix socket (Debian's default).
create_role_sql="DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE';
  END IF;
END \$\$;"
if psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -w -d postgres -qAtc "SELECT 1" >/dev/null 2>&1; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -w -d postgres -qc "$create_role_sql"
else
    as_postgres psql -p "$PG_PORT" -d postgres -qc "$create_role_sql"
fi
PGPASSWORD=$ROLE psql -h 127.0.0.1 -p "$PG_PORT" -U "$ROLE" -d postgres -qAtc "SELECT 1" >/dev/null
echo "PostgreSQL ready: postgres://$ROLE:$ROLE@127.0.0.1:$PG_PORT/"

# --- Redis ------------------------------------------------------------------------------------------
if ! { command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }; then
    if ! command -v redis-server >/dev/null 2>&1; then
        apt_install redis-server
    fi
    echo "starting Redis"
    # A cache only: nothing persisted, so it needs no data folder of its own.
    "${SUDO[@]}" redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
        --save "" --appendonly no --dir /tmp --logfile /tmp/atlas-redis.log
    wait_for Redis sh -c "redis-cli -h 127.0.0.1 -p $REDIS_PORT ping | grep -q PONG"
fi
echo "Redis ready: redis://127.0.0.1:$REDIS_PORT/0"
