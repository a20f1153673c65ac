#!/usr/bin/env python3
"""Bounded soak of `waveopt serve` on 127.0.0.1 (docs/soak.md). Python 3.11 stdlib only.

Starts the server on a free loopback port with a small pool and queue, a short time-limit cap
and a 1 MB body cap, then runs client threads that cycle through request classes until
SOAK_SECONDS have passed or SOAK_REQUESTS have been sent:

  sample        the sample wave (MIP, instant)
  s_greedy      the S preset, engine greedy
  s_mip         the S preset, MIP with a time limit that fires mid-solve
  invalid       every wave in datasets/invalid/ (400 or 422)
  malformed     truncated / non-JSON bodies (400)
  oversized     a body above --max-body-bytes (413)
  wrong_type    text/plain, application/xml, no Content-Type (415)
  disconnect    a raw socket sends an S MIP wave and hangs up before the answer

The server's RSS is sampled from /proc/<pid>/status every second. At the end it checks: no 5xx
on valid input (503 overloaded with Retry-After is allowed and counted), every response
well-formed (plans are JSON with `status`; 4xx/5xx bodies are SPEC's
{"error":{code,message,details}}), every class answered with its expected status, /healthz
still answers, every pool slot released (in-flight and queued gauges back to 0), no panic in
the server log, and RSS flat (over the samples after the warm-up, the last quarter's median
<= the first quarter's median x 1.5 + 20 MB). Prints request counts by class and status and
p50/p99 latency per class; exits 1 on any failed check. The server is always killed.

Environment: SOAK_SECONDS (120), SOAK_REQUESTS (20000), SOAK_THREADS (6),
SOAK_WARMUP_SECONDS (a quarter of SOAK_SECONDS: RSS samples left out of the baseline), SOAK_BIN
(target/release/waveopt), SOAK_OUT (target/soak).
"""

import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("SOAK_SECONDS", "120"))
MAX_REQUESTS = int(os.environ.get("SOAK_REQUESTS", "20000"))
THREADS = int(os.environ.get("SOAK_THREADS", "6"))
WARMUP_S = int(os.environ.get("SOAK_WARMUP_SECONDS", str(int(SECONDS // 4))))
BIN = os.environ.get("SOAK_BIN", str(ROOT / "target/release/waveopt"))
OUT = Path(os.environ.get("SOAK_OUT", str(ROOT / "target/soak")))

POOL, QUEUE = 2, 4
MAX_TIME_LIMIT_MS = 3000
MIP_TIME_LIMIT_MS = 1500
MAX_BODY_BYTES = 1_000_000
CLIENT_TIMEOUT_S = 60
VALID = ("sample", "s_greedy", "s_mip")
EXPECTED = {
    "sample": {200},
    "s_greedy": {200},
    "s_mip": {200},
    "invalid": {400, 422},
    "malformed": {400},
    "oversized": {413},
    "wrong_type": {415},
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_options(wave_text, options):
    wave = json.loads(wave_text)
    wave["options"] = options
    return json.dumps(wave).encode()


def build_bodies():
    sample = (ROOT / "datasets/sample/wave.json").read_text()
    s_preset = (ROOT / "datasets/presets/s.wave.json").read_text()
    invalid = [p.read_bytes() for p in sorted((ROOT / "datasets/invalid").glob("*.json"))]
    s_mip = with_options(s_preset, {"engine": "mip", "time_limit_ms": MIP_TIME_LIMIT_MS})
    pad = b" " * (MAX_BODY_BYTES + 200_000)
    return {
        "sample": [sample.encode()],
        "s_greedy": [with_options(s_preset, {"engine": "greedy"})],
        "s_mip": [s_mip],
        "invalid": invalid,
        "malformed": [b"{", b"not json", sample.encode()[:-40], b'{"wave_id": "x",}', b"\xff\xfe{}"],
        # Valid JSON padded past the cap: only the size is wrong.
        "oversized": [sample.encode() + pad],
        "wrong_type": [sample.encode()],
        "disconnect": [s_mip],
    }


class Server:
    def __init__(self, port):
        OUT.mkdir(parents=True, exist_ok=True)
        self.log_path = OUT / "server.log"
        self.log = open(self.log_path, "wb")
        args = [
            BIN, "serve", "--bind", "127.0.0.1", "--port", str(port),
            "--pool-size", str(POOL), "--queue-size", str(QUEUE),
            "--max-time-limit-ms", str(MAX_TIME_LIMIT_MS),
            "--max-body-bytes", str(MAX_BODY_BYTES), "--body-timeout-ms", "10000",
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith("WAVEOPT_")}
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log, env=env)

    def rss_kb(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def request(port, method, path, body=None, headers=None):
    """Returns (status, headers dict, body bytes, seconds); raises on a connection error."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT_S)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        hdrs = {k.lower(): v for k, v in response.getheaders()}
        return response.status, hdrs, data, time.monotonic() - started
    finally:
        conn.close()


def error_body_problem(data):
    try:
        body = json.loads(data)
    except ValueError:
        return "error body is not JSON"
    err = body.get("error") if isinstance(body, dict) else None
    if not isinstance(err, dict) or set(body) != {"error"}:
        return "error body lacks the top-level 'error' object"
    if not isinstance(err.get("code"), str) or not isinstance(err.get("message"), str):
        return "error.code/error.message missing"
    details = err.get("details")
    if not isinstance(details, list):
        return "error.details is not a list"
    for d in details:
        if not (isinstance(d, dict) and {"path", "code", "message"} <= set(d)):
            return "a detail lacks path/code/message"
    return None


def judge(cls, status, hdrs, data):
    """A list of problems with one response (empty when it is well-formed and expected)."""
    problems = []
    if status == 503:
        if "retry-after" not in hdrs:
            problems.append("503 without Retry-After")
        p = error_body_problem(data)
        if p:
            problems.append(p)
        return problems
    if status not in EXPECTED[cls]:
        problems.append(f"unexpected status {status}")
    if status >= 400:
        p = error_body_problem(data)
        if p:
            problems.append(p)
    elif status == 200:
        try:
            plan = json.loads(data)
            if not isinstance(plan, dict) or not isinstance(plan.get("status"), str):
                problems.append("plan without a string 'status'")
        except ValueError:
            problems.append("plan is not JSON")
    return problems


def disconnect(port, body):
    """Sends a full MIP request on a raw socket and hangs up before the answer arrives."""
    started = time.monotonic()
    head = (
        f"POST /v1/plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head + body)
        time.sleep(random.uniform(0.1, 0.6))
    return time.monotonic() - started


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = defaultdict(Counter)
        self.latency = defaultdict(list)
        self.failures = []
        self.sent = 0

    def take_ticket(self):
        with self.lock:
            if self.sent >= MAX_REQUESTS:
                return False
            self.sent += 1
            return True

    def record(self, cls, status, seconds, problems):
        with self.lock:
            self.counts[cls][status] += 1
            if isinstance(status, int) and status != 503:
                self.latency[cls].append(seconds)
            for p in problems:
                if len(self.failures) < 50:
                    self.failures.append(f"{cls}: {p}")
                else:
                    self.failures.append(None)


CLASSES = ["sample", "s_greedy", "s_mip", "invalid", "malformed", "oversized", "wrong_type",
           "disconnect", "sample", "invalid"]
WRONG_TYPES = ["text/plain", "application/xml", None]


def client(index, port, bodies, results, deadline):
    rng = random.Random(index)
    i = index
    while time.monotonic() < deadline and results.take_ticket():
        cls = CLASSES[i % len(CLASSES)]
        i += 1
        body = rng.choice(bodies[cls])
        try:
            if cls == "disconnect":
                results.record(cls, "closed", disconnect(port, body), [])
                continue
            headers = {"Content-Type": "application/json"}
            if cls == "wrong_type":
                ctype = WRONG_TYPES[i % len(WRONG_TYPES)]
                headers = {"Content-Type": ctype} if ctype else {}
            status, hdrs, data, seconds = request(port, "POST", "/v1/plan", body, headers)
            results.record(cls, status, seconds, judge(cls, status, hdrs, data))
            if status == 503:  # a well-behaved client honours Retry-After (capped at 2 s)
                time.sleep(min(2.0, float(hdrs.get("retry-after", "1") or 1)))
        except (OSError, http.client.HTTPException) as e:
            # The oversized body may be refused before the client has sent all of it.
            if cls == "oversized" and isinstance(e, (BrokenPipeError, ConnectionResetError)):
                results.record(cls, "reset", 0.0, [])
            else:
                results.record(cls, "conn_error", 0.0, [f"{type(e).__name__}: {e}"])


def gauge(metrics, name):
    """The value of an unlabelled series in Prometheus text, or '?'."""
    return next((line.split()[-1] for line in metrics.splitlines()
                 if line.split(" ")[0] == name), "?")


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    if not os.access(BIN, os.X_OK):
        print(f"soak: {BIN} missing; run cargo build --release", file=sys.stderr)
        return 2
    bodies = build_bodies()
    port = free_port()
    server = Server(port)
    rss = []
    stop = threading.Event()
    checks = []
    try:
        for _ in range(100):
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            print("soak: server did not come up", file=sys.stderr)
            return 1

        def sample_rss():
            while not stop.is_set():
                kb = server.rss_kb()
                if kb is not None:
                    rss.append(kb)
                stop.wait(1.0)

        sampler = threading.Thread(target=sample_rss, daemon=True)
        sampler.start()
        results = Results()
        started = time.monotonic()
        deadline = started + SECONDS
        threads = [threading.Thread(target=client, args=(n, port, bodies, results, deadline))
                   for n in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        time.sleep(2)  # one more RSS sample after the last disconnect's solve winds down
        stop.set()
        sampler.join()

        health = request(port, "GET", "/healthz")[0]
        # Every pool slot must come back: hung-up solves stop at their next check (seconds).
        for _ in range(30):
            metrics = request(port, "GET", "/metrics")[2].decode(errors="replace")
            busy = {g: gauge(metrics, g) for g in ("waveopt_waves_in_flight",
                                                   "waveopt_waves_queued")}
            if all(v == "0" for v in busy.values()):
                break
            time.sleep(0.5)
        alive = server.proc.poll() is None
    finally:
        stop.set()
        server.kill()

    log = server.log_path.read_text(errors="replace")
    cancelled = gauge(metrics, "waveopt_solves_cancelled_total")
    overload = gauge(metrics, "waveopt_rejected_overload_total")

    print(f"soak: {results.sent} requests in {elapsed:.0f} s, {THREADS} threads, "
          f"pool {POOL}, queue {QUEUE}, time-limit cap {MAX_TIME_LIMIT_MS} ms, "
          f"body cap {MAX_BODY_BYTES} B")
    print(f"{'class':<11} {'count':>6}  {'p50 ms':>8} {'p99 ms':>8}  statuses")
    for cls in CLASSES[:8]:
        c = results.counts[cls]
        lat = results.latency[cls]
        statuses = ", ".join(f"{k}:{v}" for k, v in sorted(c.items(), key=lambda kv: str(kv[0])))
        print(f"{cls:<11} {sum(c.values()):>6}  {percentile(lat, .5) * 1000:>8.1f} "
              f"{percentile(lat, .99) * 1000:>8.1f}  {statuses}")
    print(f"server: solves cancelled {cancelled}, overload rejections {overload}")

    five_xx_valid = sum(n for cls in VALID for s, n in results.counts[cls].items()
                        if isinstance(s, int) and s >= 500 and s != 503)
    overloaded = sum(c[503] for c in results.counts.values())
    checks.append(("zero 5xx (other than 503) on valid input", five_xx_valid == 0,
                   f"{five_xx_valid} (503 overloaded: {overloaded})"))
    bad = [f for f in results.failures if f]
    checks.append(("every response well-formed and as expected", not results.failures,
                   f"{len(results.failures)} problems" + (f", first: {bad[:5]}" if bad else "")))
    served_valid = sum(results.counts[cls][200] for cls in VALID)
    checks.append(("valid waves were planned", served_valid > 0, f"{served_valid} plans"))
    checks.append(("server alive and /healthz answers", alive and health == 200,
                   f"alive={alive} healthz={health}"))
    checks.append(("every pool slot released (in flight and queued back to 0)",
                   all(v == "0" for v in busy.values()),
                   ", ".join(f"{k} {v}" for k, v in busy.items())))
    panics = log.count("panicked")
    checks.append(("no panic in the server log", panics == 0, f"{panics} panic lines"))
    # Warm-up excluded: the first WARMUP seconds fill the allocator's per-thread arenas and
    # tokio's blocking threads (a one-off step, then flat); a leak keeps climbing afterwards.
    steady = rss[WARMUP_S:]
    if len(steady) >= 8:
        q = len(steady) // 4
        base, last = statistics.median(steady[:q]), statistics.median(steady[-q:])
        first = statistics.median(rss[: max(1, len(rss) // 4)])
        bound = base * 1.5 + 20 * 1024
        checks.append((f"RSS flat after {WARMUP_S} s warm-up (last-quarter median <= "
                       "first-quarter median x 1.5 + 20 MB)", last <= bound,
                       f"first quarter {first / 1024:.1f} MB, after warm-up {base / 1024:.1f} MB, "
                       f"last quarter {last / 1024:.1f} MB, peak {max(rss) / 1024:.1f} MB, "
                       f"bound {bound / 1024:.1f} MB, {len(rss)} samples"))
    else:
        checks.append(("RSS sampled", False, f"only {len(rss)} samples after warm-up"))

    summary = {
        "requests": results.sent, "seconds": round(elapsed, 1), "threads": THREADS,
        "counts": {c: {str(k): v for k, v in results.counts[c].items()} for c in results.counts},
        "latency_ms": {c: {"p50": round(percentile(v, .5) * 1000, 1),
                           "p99": round(percentile(v, .99) * 1000, 1)}
                       for c, v in results.latency.items()},
        "rss_kb": rss, "cancelled": cancelled, "overload_rejections": overload,
        "checks": [{"check": n, "ok": ok, "detail": d} for n, ok, d in checks],
    }
    (OUT / "summary.json").write_text(json.dumps(summary, indent=1))
    failed = 0
    for name, ok, detail in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
        failed += not ok
    print(f"soak: {'FAILED' if failed else 'passed'} (log {server.log_path}, "
          f"summary {OUT / 'summary.json'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
