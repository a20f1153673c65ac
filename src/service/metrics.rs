//! A small hand-written Prometheus registry: request counts and latencies by route and status,
//! solve-time and gap histograms, and the pool's gauges and counters, rendered in the text
//! exposition format (version 0.0.4). Labels come from a fixed set of routes, so the number of
//! series stays bounded whatever clients send.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

use super::pool::PoolStats;

const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];
const GAP_BUCKETS: &[f64] = &[0.0, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0];

#[derive(Debug, Clone)]
struct Histogram {
    bounds: &'static [f64],
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

impl Histogram {
    fn new(bounds: &'static [f64]) -> Self {
        Histogram {
            bounds,
            counts: vec![0; bounds.len()],
            sum: 0.0,
            count: 0,
        }
    }

    fn observe(&mut self, value: f64) {
        let value = if value.is_finite() { value } else { f64::MAX };
        for (bound, count) in self.bounds.iter().zip(&mut self.counts) {
            if value <= *bound {
                *count += 1;
            }
        }
        self.sum += value;
        self.count += 1;
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (bound, count) in self.bounds.iter().zip(&self.counts) {
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {count}");
        }
        let _ = writeln!(
            out,
            "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {}",
            self.count
        );
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let _ = writeln!(out, "{name}_sum{braces} {}", self.sum);
        let _ = writeln!(out, "{name}_count{braces} {}", self.count);
    }
}

struct Registry {
    requests: BTreeMap<(&'static str, u16), Histogram>,
    solve_seconds: Histogram,
    gap: Histogram,
}

/// The process's metrics.
pub struct Metrics {
    registry: Mutex<Registry>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            registry: Mutex::new(Registry {
                requests: BTreeMap::new(),
                solve_seconds: Histogram::new(LATENCY_BUCKETS),
                gap: Histogram::new(GAP_BUCKETS),
            }),
        }
    }
}

impl Metrics {
    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        // A panic while holding the lock leaves plain counters behind: still usable.
        self.registry.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One finished request on a known route (see `middleware::route_label`).
    pub fn observe_request(&self, route: &'static str, status: u16, seconds: f64) {
        self.registry()
            .requests
            .entry((route, status))
            .or_insert_with(|| Histogram::new(LATENCY_BUCKETS))
            .observe(seconds);
    }

    /// One finished solve: its solver time and its relative gap.
    pub fn observe_solve(&self, seconds: f64, gap: f64) {
        let mut r = self.registry();
        r.solve_seconds.observe(seconds);
        r.gap.observe(gap);
    }

    /// The exposition text.
    pub fn render(&self, pool: PoolStats) -> String {
        let r = self.registry();
        let mut out = String::new();
        out.push_str("# HELP waveopt_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE waveopt_http_requests_total counter\n");
        for ((route, status), h) in &r.requests {
            let _ = writeln!(
                out,
                "waveopt_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {}",
                h.count
            );
        }
        out.push_str(
            "# HELP waveopt_http_request_duration_seconds Request latency by route and status.\n",
        );
        out.push_str("# TYPE waveopt_http_request_duration_seconds histogram\n");
        for ((route, status), h) in &r.requests {
            h.render(
                &mut out,
                "waveopt_http_request_duration_seconds",
                &format!("route=\"{route}\",status=\"{status}\""),
            );
        }
        out.push_str("# HELP waveopt_solve_duration_seconds Solver time per planned wave.\n");
        out.push_str("# TYPE waveopt_solve_duration_seconds histogram\n");
        r.solve_seconds
            .render(&mut out, "waveopt_solve_duration_seconds", "");
        out.push_str("# HELP waveopt_plan_gap Relative MIP gap of each returned plan.\n");
        out.push_str("# TYPE waveopt_plan_gap histogram\n");
        r.gap.render(&mut out, "waveopt_plan_gap", "");
        let gauges = [
            (
                "waveopt_waves_in_flight",
                "Waves being solved right now.",
                pool.running as u64,
            ),
            (
                "waveopt_waves_queued",
                "Waves admitted and waiting for a solver.",
                pool.queued as u64,
            ),
            (
                "waveopt_solve_pool_size",
                "Solves that may run at once.",
                pool.pool_size as u64,
            ),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        let counters = [
            (
                "waveopt_rejected_overload_total",
                "Requests refused with 503 because the pool and queue were full.",
                pool.rejected,
            ),
            (
                "waveopt_solves_cancelled_total",
                "Jobs whose client went away before they finished.",
                pool.cancelled,
            ),
            (
                "waveopt_solves_panicked_total",
                "Jobs that panicked (answered 500).",
                pool.panicked,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        }
        out
    }
}
