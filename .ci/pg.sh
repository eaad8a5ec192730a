#!/usr/bin/env bash
# .ci/pg.sh start|stop — a throwaway PostgreSQL cluster under /tmp on 127.0.0.1 with trust auth.
# `start` prints DATABASE_URL=...; `stop` stops it by its postmaster PID and removes it.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGROOT="${PGROOT:-/tmp/sentri-pgci-$PGPORT}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$PGBIN" ] || { echo "PostgreSQL is not installed (run scripts/install.sh --test-services)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
start)
  [ -d "$PGROOT/data" ] && as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
  mkdir -p "$PGROOT"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PGROOT"
  as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --no-sync >"$PGROOT/initdb.log"
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
  ;;
stop)
  if [ -d "$PGROOT/data" ]; then as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null || true; fi
  rm -rf "$PGROOT"
  ;;
esac
