#!/usr/bin/env bash
# Browser test of the planner page (docs/planner.md): installs chromium and playwright-core if
# missing, starts the release binary on 127.0.0.1 with a free port, waits for /healthz, runs
# tests/e2e/planner.spec.mjs, and always stops the server. Screenshots: target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-browser.sh
BIN=target/release/waveopt
[ -x "$BIN" ] || cargo build --release

mkdir -p target/e2e
# The sample's CSV folder as one .zip, as a planner would upload it.
python3 -c 'import sys, zipfile, pathlib
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(pathlib.Path(sys.argv[2]).iterdir()):
        z.write(f, "csv/" + f.name)' target/e2e/sample-csv.zip datasets/sample/csv
SERVERS=()
stop_servers() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT

# start_server NAME [ENV=VALUE...]: starts the binary on a free port, waits for /healthz, and
# sets URL.
start_server() {
  local name=$1; shift
  local port log
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log=target/e2e/server-$name.log
  env "$@" "$BIN" serve --bind 127.0.0.1 --port "$port" --log-format text >"$log" 2>&1 &
  SERVERS+=($!)
  URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "${SERVERS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "e2e: server $name did not answer /healthz at $URL; log:" >&2
  cat "$log" >&2
  exit 1
}

start_server open
OPEN_URL=$URL
start_server keyed WAVEOPT_API_KEYS=e2e-key
KEYED_URL=$URL

WAVEOPT_URL="$OPEN_URL" WAVEOPT_KEYED_URL="$KEYED_URL" WAVEOPT_KEY=e2e-key SHOTS_DIR=target/e2e \
  SAMPLE_ZIP=target/e2e/sample-csv.zip \
  node tests/e2e/planner.spec.mjs
