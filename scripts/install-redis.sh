#!/usr/bin/env bash
# Installs redis-server (Debian package) for `make test-redis`, and only when it is missing.
# Same pattern as scripts/install-deps.sh; idempotent, safe to run on every `make test-redis`.
set -euo pipefail

command -v redis-server >/dev/null 2>&1 && exit 0

echo "install-redis: installing redis-server" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo" || { echo "need root or sudo to install redis-server" >&2; exit 1; }
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package starts a system service on port 6379; the tests start their own server on a free
# port and do not use it.
echo "install-redis: done" >&2
