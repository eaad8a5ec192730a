#!/usr/bin/env bash
# Runs a command with throwaway PostgreSQL and Redis servers on 127.0.0.1, stopped afterwards:
#   scripts/with-services.sh npm run check
# Exports TEST_DATABASE_URL and TEST_REDIS_URL, and SENTRI_REQUIRE_POSTGRES=1 and
# SENTRI_REQUIRE_REDIS=1 (and SENTRI_REQUIRE_CHROMIUM=1, and SENTRI_REQUIRE_TMPFS=1 as root) so
# that those parts of the suite can never be skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_out=$(bash .ci/pg.sh start)
redis_out=$(bash .ci/redis.sh start)
trap 'bash .ci/redis.sh stop >/dev/null 2>&1 || true; bash .ci/pg.sh stop >/dev/null 2>&1 || true' EXIT

export TEST_DATABASE_URL="${pg_out#DATABASE_URL=}"
export TEST_REDIS_URL="${redis_out#REDIS_URL=}"
export SENTRI_REQUIRE_POSTGRES=1
export SENTRI_REQUIRE_REDIS=1
export SENTRI_REQUIRE_CHROMIUM=1
# The full-disk test mounts a tiny tmpfs; as root that must work, so it may not be skipped.
if [ "$(id -u)" -eq 0 ]; then export SENTRI_REQUIRE_TMPFS=1; fi
echo "==> PostgreSQL at $TEST_DATABASE_URL, Redis at $TEST_REDIS_URL"
"$@"
