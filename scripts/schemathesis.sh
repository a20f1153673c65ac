#!/usr/bin/env bash
# Fuzzes `waveopt serve` against its own OpenAPI document with schemathesis (installed from PyPI
# into target/schemathesis-venv on first use). The server runs on 127.0.0.1 with an API key, a
# short solve time limit and small limits, so that every generated request stays cheap.
#
#   make schemathesis            # MAX_EXAMPLES=50 per operation by default
#   MAX_EXAMPLES=200 SEED=7 make schemathesis
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_EXAMPLES=${MAX_EXAMPLES:-50}
SEED=${SEED:-1}
PORT=${PORT:-18091}
KEY=schemathesis-key
VENV=target/schemathesis-venv
BIN=target/release/waveopt
WORK=target/schemathesis

if [ ! -x "$VENV/bin/schemathesis" ]; then
  echo "installing schemathesis into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q schemathesis
fi
[ -x "$BIN" ] || cargo build --release
mkdir -p "$WORK"

WAVEOPT_API_KEYS=$KEY "$BIN" serve --port "$PORT" --max-time-limit-ms 2000 \
  --pool-size 2 --queue-size 16 --max-body-bytes 1048576 --log-format json \
  2> "$WORK/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done

# positive_data_acceptance is left out on purpose: a wave can match the JSON Schema and still
# break the contract (unknown node or tier references, duplicate ids, blank ids, as_of not RFC
# 3339...). Those get 422 with every problem, as SPEC.md §4 requires; JSON Schema cannot say them.
status=0
# Run from target/schemathesis so that its cache (.schemathesis/) stays out of the work tree.
(cd "$WORK" && "../../$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.json" \
  --checks all \
  --exclude-checks positive_data_acceptance \
  --header "Authorization: Bearer $KEY" \
  --max-examples "$MAX_EXAMPLES" \
  --seed "$SEED" \
  --request-timeout 30 \
  --report junit --report-dir .) \
  || status=$?

if grep -q '"level":"ERROR"' "$WORK/server.log"; then
  echo "server logged errors:"; grep '"level":"ERROR"' "$WORK/server.log" | head -20
  status=1
fi
kill -TERM "$SERVER"; wait "$SERVER" || true
trap - EXIT
exit "$status"
