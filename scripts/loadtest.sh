#!/usr/bin/env bash
# Bounded load test of `waveopt serve` on 127.0.0.1 with wrk: S-size waves at a fixed concurrency.
# Reports p50/p99 latency, throughput, the error rate (from the server's own /metrics), the 5xx
# count and the server's RSS before and after. Fails on any 5xx or on RSS growth beyond a bound.
#
#   make loadtest                          # defaults below
#   CONCURRENCY=8 DURATION=60s ENGINE=mip TIME_LIMIT_MS=500 make loadtest
set -euo pipefail
cd "$(dirname "$0")/.."

CONCURRENCY=${CONCURRENCY:-4}      # open connections, each sending one wave after another
DURATION=${DURATION:-30s}          # main phase (a 5 s warm-up runs first)
ENGINE=${ENGINE:-greedy}           # greedy | mip
TIME_LIMIT_MS=${TIME_LIMIT_MS:-1000}
WAVES=${WAVES:-8}                  # distinct S waves (seeds 1..WAVES), sent round-robin
PORT=${PORT:-18090}
POOL=${POOL:-$(nproc)}
QUEUE=${QUEUE:-$((CONCURRENCY * 2))}
BIN=target/release/waveopt
WORK=target/loadtest

if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
[ -x "$BIN" ] || cargo build --release
mkdir -p "$WORK"

files=()
for seed in $(seq 1 "$WAVES"); do
  f="$WORK/s-$seed.$ENGINE.json"
  if [ ! -s "$f" ]; then
    "$BIN" generate --preset s --seed "$seed" --out "$WORK/s-$seed.json"
    python3 - "$WORK/s-$seed.json" "$f" "$ENGINE" "$TIME_LIMIT_MS" <<'EOF'
import json, sys
src, dst, engine, limit = sys.argv[1:]
wave = json.load(open(src))
wave.setdefault("options", {}).update({"engine": engine, "time_limit_ms": int(limit)})
json.dump(wave, open(dst, "w"))
EOF
  fi
  files+=("$f")
done

cat > "$WORK/post.lua" <<'EOF'
-- POSTs the given wave files round-robin to /v1/plan.
local bodies, i = {}, 0
function init(args)
  for _, path in ipairs(args) do
    local f = assert(io.open(path, "rb")); bodies[#bodies + 1] = f:read("*a"); f:close()
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  i = i % #bodies + 1
  return wrk.format(nil, "/v1/plan", nil, bodies[i])
end
EOF

"$BIN" serve --port "$PORT" --pool-size "$POOL" --queue-size "$QUEUE" \
  --max-time-limit-ms "$TIME_LIMIT_MS" --log-format json 2> "$WORK/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$SERVER/status"; }
echo "server pid $SERVER: pool $POOL, queue $QUEUE; $WAVES S waves, engine $ENGINE, time limit ${TIME_LIMIT_MS} ms"
wrk -t2 -c"$CONCURRENCY" -d5s -s "$WORK/post.lua" "http://127.0.0.1:$PORT" -- "${files[@]}" >/dev/null
RSS_BEFORE=$(rss_kb)
METRICS_BEFORE=$(curl -s "http://127.0.0.1:$PORT/metrics")
wrk -t2 -c"$CONCURRENCY" -d"$DURATION" --timeout 60s --latency -s "$WORK/post.lua" \
  "http://127.0.0.1:$PORT" -- "${files[@]}" | tee "$WORK/wrk.txt"
RSS_AFTER=$(rss_kb)
METRICS_AFTER=$(curl -s "http://127.0.0.1:$PORT/metrics")

# Requests by status during the main phase, from the server's counters.
count() { # metrics-text status-regex
  echo "$1" | grep '^waveopt_http_requests_total{route="/v1/plan"' \
    | sed -E 's/.*status="([0-9]+)"\} ([0-9]+)$/\1 \2/' \
    | awk -v re="$2" '$1 ~ re { n += $2 } END { print n + 0 }'
}
total=$(( $(count "$METRICS_AFTER" '.') - $(count "$METRICS_BEFORE" '.') ))
ok=$(( $(count "$METRICS_AFTER" '^2') - $(count "$METRICS_BEFORE" '^2') ))
fivexx=$(( $(count "$METRICS_AFTER" '^5') - $(count "$METRICS_BEFORE" '^5') ))
errors=$(( total - ok ))
p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
echo
echo "== loadtest: concurrency $CONCURRENCY for $DURATION, S waves, engine $ENGINE"
echo "requests $total, throughput $rps/s, p50 $p50, p99 $p99"
echo "errors $errors ($(awk -v e="$errors" -v t="$total" 'BEGIN { printf "%.2f%%", t ? 100 * e / t : 0 }')), 5xx $fivexx"
echo "server RSS: ${RSS_BEFORE} kB after warm-up, ${RSS_AFTER} kB after the run"

status=0
if [ "$total" -eq 0 ]; then echo "FAIL: no request completed"; status=1; fi
if [ "$fivexx" -ne 0 ]; then echo "FAIL: $fivexx server errors"; status=1; fi
# Stable RSS: allow allocator slack (25% + 32 MB) but not growth with the request count.
if [ "$RSS_AFTER" -gt $(( RSS_BEFORE * 5 / 4 + 32768 )) ]; then
  echo "FAIL: RSS grew from $RSS_BEFORE kB to $RSS_AFTER kB"; status=1
fi
kill -TERM "$SERVER"; wait "$SERVER" || true
trap - EXIT
[ "$status" -eq 0 ] && echo "PASS"
exit "$status"
