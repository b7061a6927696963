#!/usr/bin/env bash
# Starts (or reuses) a throw-away PostgreSQL server on 127.0.0.1 for tests and benchmarks, and prints the
# connection string for it. Usage: scripts/postgres.sh start|stop [port]
set -euo pipefail
action=${1:-start}
port=${2:-${LOOPWISE_PG_PORT:-55432}}
dir=${LOOPWISE_PG_DIR:-/tmp/loopwise-pg-$port}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found (install the postgresql package)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$action" in
  start)
    if ! as_owner "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
      if [ ! -f "$dir/PG_VERSION" ]; then
        mkdir -p "$dir"
        [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
        as_owner "$bin/initdb -D $dir -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
      fi
      # Test server: durability off (fsync) makes test databases fast; benchmarks pass LOOPWISE_PG_FSYNC=on.
      as_owner "$bin/pg_ctl -D $dir -l $dir/server.log -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=${LOOPWISE_PG_FSYNC:-off} -c synchronous_commit=${LOOPWISE_PG_FSYNC:-off} -c full_page_writes=${LOOPWISE_PG_FSYNC:-off} -c max_connections=300 -c shared_buffers=512MB\" start" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl -D $dir -m fast stop" >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop [port]" >&2
    exit 2
    ;;
esac
