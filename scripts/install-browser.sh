#!/usr/bin/env bash
# Installs what the planner page's browser test needs, and only what is missing:
#   - Debian's chromium (apt), driven headless through /usr/bin/chromium;
#   - playwright-core (npm, the version pinned in tests/e2e/package-lock.json) into
#     tests/e2e/node_modules. playwright-core downloads no browser of its own.
# Idempotent; `make e2e` runs it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "install-browser: installing chromium" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && SUDO="sudo" || { echo "need root or sudo to install chromium" >&2; exit 1; }
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

command -v node >/dev/null 2>&1 || { echo "node not found: install Node.js 18+ (apt-get install nodejs npm)" >&2; exit 1; }
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "install-browser: installing playwright-core" >&2
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
