#!/usr/bin/env bash
# Browser test of the planner page (docs/planner.md): installs chromium and playwright-core if
# missing, starts the release binary on 127.0.0.1 with a free port, waits for /healthz, runs
# tests/e2e/planner.spec.mjs, and always stops the server. Screenshots: target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-browser.sh
BIN=target/release/waveopt
[ -x "$BIN" ] || cargo build --release

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p target/e2e
LOG=target/e2e/server.log
"$BIN" serve --bind 127.0.0.1 --port "$PORT" --log-format text >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
  curl -fsS "$URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "e2e: the server exited; log:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$URL/healthz" >/dev/null || { echo "e2e: no /healthz at $URL" >&2; cat "$LOG" >&2; exit 1; }

WAVEOPT_URL="$URL" SHOTS_DIR=target/e2e \
  node tests/e2e/planner.spec.mjs
