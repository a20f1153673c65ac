#!/usr/bin/env python3
"""Job overhead: the same wave through POST /v1/plan and through POST /v1/jobs + polling.

    target/release/waveopt serve --port 8080 --pool-size 1 &
    python3 bench/jobs/overhead.py --url http://127.0.0.1:8080 --repeat 5 \
        datasets/sample/wave.json datasets/presets/s.wave.json

For each wave and repeat: the wall time of /v1/plan; the wall time from POST /v1/jobs to the
first poll that sees the job final (polling every --poll seconds); the server's own span
(finished_at - created_at); the plan's solver.time_ms in both; and the answer sizes. Medians
are printed as a Markdown table (bench/README.md, "Plan jobs").
"""

import argparse
import json
import statistics
import time
import urllib.request
from datetime import datetime


def call(url, method, body=None):
    request = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


def stamp(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def one(url, body, poll):
    t = time.perf_counter()
    direct = call(url + "/v1/plan", "POST", body)
    direct_s = time.perf_counter() - t
    direct_plan = json.loads(direct)

    t = time.perf_counter()
    accepted = json.loads(call(url + "/v1/jobs", "POST", body))
    submit_s = time.perf_counter() - t
    while True:
        raw = call(url + "/v1/jobs/" + accepted["id"], "GET")
        job = json.loads(raw)
        if job["status"] in ("done", "failed", "cancelled"):
            break
        time.sleep(poll)
    job_s = time.perf_counter() - t
    assert job["status"] == "done", job
    return {
        "direct_s": direct_s,
        "direct_solve_s": direct_plan["solver"]["time_ms"] / 1000,
        "submit_s": submit_s,
        "job_s": job_s,
        "server_s": stamp(job["finished_at"]) - stamp(job["created_at"]),
        "job_solve_s": job["plan"]["solver"]["time_ms"] / 1000,
        "direct_bytes": len(direct),
        "job_bytes": len(raw),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("waves", nargs="+")
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--poll", type=float, default=0.05)
    args = parser.parse_args()
    print("| wave | /v1/plan wall | its solve | job: POST 202 | job: submit→done seen | "
          "job: server span | its solve | job overhead (span − solve) | plan bytes (pretty / job) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for path in args.waves:
        with open(path, "rb") as f:
            body = f.read()
        runs = [one(args.url, body, args.poll) for _ in range(args.repeat)]
        m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        overhead = statistics.median(r["server_s"] - r["job_solve_s"] for r in runs)
        print(f"| {path} | {m['direct_s']:.3f} s | {m['direct_solve_s']:.3f} s | "
              f"{m['submit_s'] * 1000:.1f} ms | {m['job_s']:.3f} s | {m['server_s']:.3f} s | "
              f"{m['job_solve_s']:.3f} s | {overhead * 1000:.0f} ms | "
              f"{int(m['direct_bytes']):,} / {int(m['job_bytes']):,} |")


if __name__ == "__main__":
    main()
