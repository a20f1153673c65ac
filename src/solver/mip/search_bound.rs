//! The bound reported on the routes where HiGHS proves none for cost (the neighbourhood
//! search): the stronger of two relaxations, each recorded as a stage of its own so that its
//! source is plain.
//!
//! - The flow relaxation ([`bound::flow_bound`]), one LP, solved on a second thread while the
//!   search runs (before it, when one thread is allowed), for the tier fills the search starts
//!   from. A bound for plans filling at least
//!   `F` in every tier also bounds plans filling at least `F' ≥ F`, so it stands for the final
//!   plan whenever no tier's fill went down; otherwise it is dropped.
//! - The per-unit relaxation ([`bound::per_unit_bound`]), at the final plan's fills: weaker, but
//!   cheap at any size.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::{highs_run, lns, solution};
use crate::format::{Allocation as Policy, StageStats};
use crate::model::Model;
use crate::solver::bound::{self, FlowBound};
use crate::solver::Allocation;

/// Runs `search` and solves the flow relaxation for `fills` within the time until `deadline`.
/// With two or more threads allowed (`threads`), the LP runs on one more thread alongside the
/// search (the search's small sub-MIPs barely use a second core) and is interrupted when the
/// search returns. With one, the LP runs first,
/// given at most [`SEQUENTIAL_SHARE`] of the time, so the call never uses more threads than
/// `options.threads` allows; `cancel` interrupts it. The LP is skipped (and `None` returned for it) when it is above
/// [`bound::flow::MAX_FLOW_COLUMNS`] or the deadline is already past.
pub fn alongside_flow_bound<T: Send>(
    model: &Model,
    fills: &[i64],
    deadline: Instant,
    threads: u32,
    cancel: &AtomicBool,
    search: impl FnOnce() -> T + Send,
) -> (T, Option<FlowBound>) {
    let seconds = deadline
        .saturating_duration_since(Instant::now())
        .as_secs_f64();
    if seconds <= 0.05 {
        return (search(), None);
    }
    if threads <= 1 {
        let lp = bound::flow_bound(model, fills, seconds * SEQUENTIAL_SHARE, 1, Some(cancel));
        return (search(), lp);
    }
    // Set when the search returns (early, converged or cancelled), so the LP never holds the
    // call past it.
    let search_done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let lp = scope.spawn(|| bound::flow_bound(model, fills, seconds, 1, Some(&search_done)));
        let found = search();
        search_done.store(true, Ordering::Relaxed);
        // A panic in HiGHS's thread would only lose the bound.
        (found, lp.join().ok().flatten())
    })
}

/// The most of the search's time the flow relaxation may take when it cannot run alongside.
const SEQUENTIAL_SHARE: f64 = 1.0 / 3.0;

/// The bound and gap for `allocation`, from the per-unit relaxation and, when it stands for this
/// plan's fills, the flow relaxation solved for `flow_fills`.
pub fn relaxation_bound(
    model: &Model,
    allocation: &Allocation,
    flow: Option<(FlowBound, &[i64])>,
    stages: &mut Vec<StageStats>,
) -> (f64, f64) {
    let started = Instant::now();
    let (_, cost) = lns::score(model, allocation);
    let fills = solution::tier_fills(model, allocation);
    let per_unit = bound::per_unit_bound(model, &fills).min(cost);
    stages.push(stage(
        "bound:per_unit",
        cost,
        per_unit,
        started.elapsed().as_millis() as u64,
    ));
    let mut best = per_unit;
    if let Some((flow, flow_fills)) = flow {
        let stands = model.policy.allocation == Policy::Weighted
            || fills.iter().zip(flow_fills).all(|(now, then)| now >= then);
        if stands {
            let value = flow.value.min(cost);
            stages.push(stage("bound:flow", cost, value, flow.time_ms));
            if let Some(last) = stages.last_mut() {
                last.variables = flow.columns as u64;
                last.constraints = flow.rows as u64;
            }
            best = best.max(value);
        }
    }
    (best, highs_run::relative_gap(cost, best))
}

fn stage(name: &str, cost: f64, bound: f64, time_ms: u64) -> StageStats {
    StageStats {
        name: name.to_string(),
        status: "relaxation".to_string(),
        objective: Some(cost),
        bound: Some(bound),
        gap: Some(highs_run::relative_gap(cost, bound)),
        time_ms,
        variables: 0,
        constraints: 0,
    }
}
