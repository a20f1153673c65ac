//! The service's Prometheus metrics, kept by the `metrics` crate in a
//! `metrics-exporter-prometheus` recorder and rendered in the text exposition format:
//! request counts and latencies by route and status, solve-time and gap histograms, the pool's
//! gauges and counters, and the process's resident memory, CPU time, threads and file
//! descriptors (`metrics-process`, read from `/proc`).
//!
//! Each [`Metrics`] owns its recorder (not the process-global one), so that several servers in
//! one process, as in the tests, count apart. Labels come from a fixed set of routes, so the
//! number of series stays bounded whatever clients send.

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusRecorder};

use super::pool::PoolStats;

const REQUESTS: &str = "waveopt_http_requests_total";
const REQUEST_SECONDS: &str = "waveopt_http_request_duration_seconds";
const SOLVE_SECONDS: &str = "waveopt_solve_duration_seconds";
const PLAN_GAP: &str = "waveopt_plan_gap";
const IN_FLIGHT: &str = "waveopt_waves_in_flight";
const QUEUED: &str = "waveopt_waves_queued";
const POOL_SIZE: &str = "waveopt_solve_pool_size";
const REJECTED: &str = "waveopt_rejected_overload_total";
const CANCELLED: &str = "waveopt_solves_cancelled_total";
const PANICKED: &str = "waveopt_solves_panicked_total";

const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];
const GAP_BUCKETS: &[f64] = &[0.0, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0];

/// The process's metrics: one recorder and the process collector.
pub struct Metrics {
    recorder: PrometheusRecorder,
    process: metrics_process::Collector,
}

impl Default for Metrics {
    fn default() -> Self {
        let bucketed = [
            (REQUEST_SECONDS, LATENCY_BUCKETS),
            (SOLVE_SECONDS, LATENCY_BUCKETS),
            (PLAN_GAP, GAP_BUCKETS),
        ];
        let mut builder = PrometheusBuilder::new();
        for (name, buckets) in bucketed {
            builder = builder
                .set_buckets_for_metric(Matcher::Full(name.to_string()), buckets)
                .expect("the bucket lists are not empty");
        }
        let metrics = Metrics {
            recorder: builder.build_recorder(),
            process: metrics_process::Collector::default(),
        };
        metrics.record(|| {
            describe_counter!(REQUESTS, "HTTP requests by route and status.");
            describe_histogram!(REQUEST_SECONDS, "Request latency by route and status.");
            describe_histogram!(SOLVE_SECONDS, "Solver time per planned wave.");
            describe_histogram!(PLAN_GAP, "Relative MIP gap of each returned plan.");
            describe_gauge!(IN_FLIGHT, "Waves being solved right now.");
            describe_gauge!(QUEUED, "Waves admitted and waiting for a solver.");
            describe_gauge!(POOL_SIZE, "Solves that may run at once.");
            describe_counter!(
                REJECTED,
                "Requests refused with 503 because the pool and queue were full."
            );
            describe_counter!(
                CANCELLED,
                "Jobs whose client went away before they finished."
            );
            describe_counter!(PANICKED, "Jobs that panicked (answered 500).");
            metrics.process.describe();
        });
        metrics
    }
}

impl Metrics {
    /// Runs `f` with this instance's recorder as the one the `metrics` macros write to.
    fn record<T>(&self, f: impl FnOnce() -> T) -> T {
        metrics::with_local_recorder(&self.recorder, f)
    }

    /// One finished request on a known route (see `middleware::route_label`).
    pub fn observe_request(&self, route: &'static str, status: u16, seconds: f64) {
        self.record(|| {
            let labels = [("route", route.to_string()), ("status", status.to_string())];
            counter!(REQUESTS, &labels).increment(1);
            histogram!(REQUEST_SECONDS, &labels).record(seconds);
        });
    }

    /// One finished solve: its solver time and its relative gap.
    pub fn observe_solve(&self, seconds: f64, gap: f64) {
        let gap = if gap.is_finite() { gap } else { f64::MAX };
        self.record(|| {
            histogram!(SOLVE_SECONDS).record(seconds);
            histogram!(PLAN_GAP).record(gap);
        });
    }

    /// The exposition text, with the pool's figures and the process's taken now.
    pub fn render(&self, pool: PoolStats) -> String {
        self.record(|| {
            gauge!(IN_FLIGHT).set(pool.running as f64);
            gauge!(QUEUED).set(pool.queued as f64);
            gauge!(POOL_SIZE).set(pool.pool_size as f64);
            counter!(REJECTED).absolute(pool.rejected);
            counter!(CANCELLED).absolute(pool.cancelled);
            counter!(PANICKED).absolute(pool.panicked);
            self.process.collect();
        });
        self.recorder.handle().render()
    }
}
