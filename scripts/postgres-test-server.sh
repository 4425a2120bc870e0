#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store contract tests and prints the URL to use.
#
#   eval "$(scripts/postgres-test-server.sh)"    # exports ADEM_TEST_POSTGRES_URL
#   scripts/postgres-test-server.sh stop         # stops it
#
# Installs Debian's postgresql when missing, initialises a cluster in $ADEM_PG_DIR (default
# /tmp/adem-pg) owned by the `postgres` user, listens on 127.0.0.1:$ADEM_PG_PORT (default 54329)
# and creates the database adem_test. Idempotent: when the server already runs, it only prints.
set -euo pipefail

dir="${ADEM_PG_DIR:-/tmp/adem-pg}"
port="${ADEM_PG_PORT:-54329}"
url="postgres://adem:adem@127.0.0.1:${port}/adem_test"
log() { echo "postgres-test-server: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing postgresql (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# The server refuses to run as root: run it as `postgres` (created by the Debian package).
as_postgres() {
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    exit 0
fi

if ! as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        log "initialising a cluster in $dir/data"
        as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    log "starting on 127.0.0.1:$port"
    # Durability is irrelevant for a throwaway test cluster; fsync off keeps the suite fast. No
    # autovacuum: its worker on a test database makes that database's `DROP ... WITH (FORCE)` fail
    # for a role that may not end another role's process (the databases live for seconds anyway).
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200 -c autovacuum=off" start >&2
fi

psql_admin() { as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'adem'")" != "1" ]; then
    psql_admin -c "CREATE ROLE adem LOGIN PASSWORD 'adem' CREATEDB" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'adem_test'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE adem_test OWNER adem" >&2
fi
echo "export ADEM_TEST_POSTGRES_URL=$url"
