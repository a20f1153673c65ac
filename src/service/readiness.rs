//! `GET /readyz`: solves a tiny built-in wave with the MIP (so HiGHS itself is exercised) and
//! checks the plan. The answer is cached for [`CACHE`], and one check runs at a time, so probes
//! (which need no API key) cost next to nothing. It runs on a blocking thread, outside the
//! solve pool: a busy pool is not a broken one.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use super::state::AppState;
use crate::format::{self, PlanStatus};

pub const CACHE: Duration = Duration::from_secs(5);

const TINY_WAVE: &str = r#"{
  "wave_id": "readyz",
  "as_of": "2026-01-01T00:00:00Z",
  "orders": [{"id": "R-1", "channel": "web", "customer": "probe",
              "ship_to": {"lat": 40.71, "lon": -74.01},
              "lines": [{"id": "1", "sku": "PROBE", "qty": 2}]}],
  "nodes": [{"id": "N-1", "kind": "warehouse", "location": {"lat": 39.95, "lon": -75.17}},
            {"id": "N-2", "kind": "store", "location": {"lat": 42.36, "lon": -71.06}}],
  "inventory": [{"node": "N-1", "sku": "PROBE", "on_hand": 5},
                {"node": "N-2", "sku": "PROBE", "on_hand": 1}],
  "options": {"time_limit_ms": 5000}
}"#;

/// Whether the service can solve, from the cache when fresh.
pub async fn check(state: &AppState) -> bool {
    let mut cached = state.readiness().lock().await;
    if let Some((at, ok)) = *cached {
        if at.elapsed() < CACHE {
            return ok;
        }
    }
    let threads = state.config().solver_threads;
    let ok = tokio::task::spawn_blocking(move || solve_tiny_wave(threads))
        .await
        .unwrap_or(false);
    if !ok {
        tracing::warn!("readiness check failed: the built-in wave did not solve");
    }
    *cached = Some((Instant::now(), ok));
    ok
}

/// Plans the built-in wave: optimal, every unit shipped, and the checker finds nothing.
pub fn solve_tiny_wave(threads: i64) -> bool {
    catch_unwind(AssertUnwindSafe(|| {
        let Ok(wave) = format::parse_wave(TINY_WAVE) else {
            return false;
        };
        let mut options = wave.options.clone();
        options.threads = Some(threads);
        match crate::plan(&wave, &options) {
            Ok(plan) => {
                plan.status == PlanStatus::Optimal
                    && plan.kpis.units_allocated == 2
                    && crate::checker::check(&wave, &plan).is_empty()
            }
            Err(_) => false,
        }
    }))
    .unwrap_or(false)
}
