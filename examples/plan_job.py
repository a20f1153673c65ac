#!/usr/bin/env python3
"""Plan a wave as a waveopt plan job and write its assignments as CSV (Python stdlib only).

    python3 examples/plan_job.py datasets/sample/wave.json --out assignments.csv
    python3 examples/plan_job.py wave.json --url https://waveopt.internal --api-key "$KEY"

Submits the wave to POST /v1/jobs, polls GET /v1/jobs/{id} until the job is final (printing the
progress to stderr), and writes one CSV row per shipped line and one per unfilled line: the
same table as POST /v1/plan?format=csv. Ctrl-C cancels the job (DELETE) and still writes the
best plan found so far.

The Idempotency-Key defaults to a hash of the wave file, so running the script again for the
same wave (after a time-out, a crash, a retry by a scheduler) returns the same job instead of
solving it twice. See docs/http.md.
"""

import argparse
import csv
import hashlib
import json
import sys
import time
import urllib.error
import urllib.request

COLUMNS = ["order", "order_status", "node", "method", "line", "sku", "qty",
           "ship_date", "eta", "on_time", "days_late", "unfilled_reason"]


class Client:
    def __init__(self, url, api_key=None, timeout=30):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def call(self, method, path, body=None, headers=None):
        """One request; (status, headers, parsed JSON). HTTP errors are answers too."""
        request = urllib.request.Request(self.url + path, data=body, method=method)
        request.add_header("Accept", "application/json")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if self.api_key:
            request.add_header("Authorization", "Bearer " + self.api_key)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.headers, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, json.load(error)

    def submit(self, wave_bytes, idempotency_key):
        """POST /v1/jobs, waiting out 503s as Retry-After says. The job id."""
        while True:
            status, headers, body = self.call(
                "POST", "/v1/jobs", wave_bytes, {"Idempotency-Key": idempotency_key})
            if status == 202:
                return body["id"]
            if status == 503:
                wait = float(headers.get("Retry-After", "2"))
                print(f"server busy; retrying in {wait:g} s", file=sys.stderr)
                time.sleep(wait)
                continue
            raise SystemExit(f"job refused ({status}): {json.dumps(body['error'], indent=2)}")

    def wait(self, job_id, poll_s):
        """Polls until the job is final; Ctrl-C cancels it and keeps polling for its plan."""
        cancelled = False
        while True:
            try:
                status, _, job = self.call("GET", f"/v1/jobs/{job_id}")
                if status != 200:
                    raise SystemExit(f"poll failed ({status}): {job['error']['message']}")
                if job["status"] in ("done", "failed", "cancelled"):
                    return job
                report(job)
                time.sleep(poll_s)
            except KeyboardInterrupt:
                if cancelled:
                    raise
                cancelled = True
                print("\ncancelling: the best plan found so far follows", file=sys.stderr)
                self.call("DELETE", f"/v1/jobs/{job_id}")


def report(job):
    p = job.get("progress") or {}
    figures = " ".join(f"{k} {p[k]:.6g}" for k in ("objective", "bound", "gap") if k in p)
    print(f"{job['status']:<9} {p.get('stage', ''):<8} {p.get('elapsed_ms', 0) / 1000:6.1f} s "
          f"of {p.get('time_limit_ms', 0) / 1000:g} s  {figures}", file=sys.stderr)


def assignment_rows(plan):
    """The plan's lines: shipped ones with node, method and dates, then unfilled ones."""
    for order in plan["orders"]:
        for shipment in order["shipments"]:
            for line in shipment["lines"]:
                yield [order["id"], order["status"], shipment["node"], shipment["method"],
                       line["line"], line["sku"], line["qty"], shipment["ship_date"],
                       shipment["eta"], "true" if shipment["on_time"] else "false",
                       shipment["days_late"], ""]
        for line in order["unfilled"]:
            yield [order["id"], order["status"], "", "", line["line"], line["sku"],
                   line["qty"], "", "", "", "", line["reason"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wave", help="the wave as JSON (SPEC.md §2)")
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--out", default="assignments.csv", help="CSV to write ('-': stdout)")
    parser.add_argument("--api-key", help="bearer token, when the server has keys")
    parser.add_argument("--idempotency-key", help="default: a hash of the wave file")
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between polls")
    args = parser.parse_args()

    with open(args.wave, "rb") as f:
        wave_bytes = f.read()
    key = args.idempotency_key or "wave-" + hashlib.sha256(wave_bytes).hexdigest()[:32]
    client = Client(args.url, args.api_key)
    job_id = client.submit(wave_bytes, key)
    print(f"job {job_id}", file=sys.stderr)
    job = client.wait(job_id, args.poll)
    if job["status"] == "failed":
        raise SystemExit(f"job failed: {job['error']['error']['message']}")
    plan = job.get("plan")
    if plan is None:
        raise SystemExit("job cancelled before it started: no plan")
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    with out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(assignment_rows(plan))
    kpis = plan["kpis"]
    print(f"{job['status']}: plan {plan['status']}, cost {plan['objective']['total']:.2f}, "
          f"fill rate {kpis['fill_rate']:.1%}, {kpis['shipments']} shipments -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
