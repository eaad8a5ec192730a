#!/usr/bin/env bash
# Installs everything Sentri needs on Debian/Ubuntu and builds it:
#   system packages (Chromium; with --test-services also PostgreSQL and Redis) via apt when missing,
#   npm packages from the lock file, then the TypeScript build and the dashboard.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

want=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || want+=(chromium)
if [ "${1:-}" = "--test-services" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || want+=(redis-server)
fi
if [ ${#want[@]} -gt 0 ]; then
  echo "==> apt-get install ${want[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi

# npm ci compiles better-sqlite3 from source (~2 min), so skip it when the lock file has not
# changed since the last install.
stamp=node_modules/.sentri-lock-hash
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_hash" >"$stamp"
fi

echo "==> npm run build"
npm run build
