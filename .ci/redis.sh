#!/usr/bin/env bash
# .ci/redis.sh start|stop — a throwaway Redis on 127.0.0.1 without persistence.
# `start` prints REDIS_URL=...; `stop` stops it by its PID file and removes its folder.
set -euo pipefail
REDIS_PORT="${REDIS_PORT:-56379}"
RDIR="${RDIR:-/tmp/sentri-redisci-$REDIS_PORT}"
command -v redis-server >/dev/null || { echo "redis-server is not installed (run scripts/install.sh --test-services)" >&2; exit 1; }

case "${1:-start}" in
start)
  mkdir -p "$RDIR"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$RDIR" --pidfile "$RDIR/redis.pid" --logfile "$RDIR/redis.log"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
  ;;
stop)
  if [ -f "$RDIR/redis.pid" ]; then
    pid="$(cat "$RDIR/redis.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$RDIR"
  ;;
esac
