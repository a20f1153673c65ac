//! The bound reported on the routes where HiGHS proves none for cost (the neighbourhood
//! search): the strongest of three relaxations, each recorded as a stage of its own so that its
//! source is plain.
//!
//! - The flow relaxation ([`bound::flow_bound`]), one LP, and then the Lagrangian relaxation
//!   ([`bound::lagrangian_bound`]) from its duals (or from per-unit prices when the LP is too
//!   large), solved on a second thread while the search runs (before it, when one thread is
//!   allowed), for the tier fills the search starts from. A bound for plans filling at least
//!   `F` in every tier also bounds plans filling at least `F' ≥ F`, so they stand for the final
//!   plan whenever no tier's fill went down; otherwise they are dropped.
//! - The per-unit relaxation ([`bound::per_unit_bound`]), at the final plan's fills: weaker, but
//!   cheap at any size.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::{lns, solution};
use crate::format::{Allocation as Policy, StageStats};
use crate::model::Model;
use crate::solver::bound::{self, FlowBound, LagrangianBound, PriceBoard};
use crate::solver::highs::run as highs_run;
use crate::solver::{plan_score, Allocation};

/// The relaxations solved beside the search, for the tier fills it started from.
#[derive(Debug, Default)]
pub struct SearchBounds {
    pub flow: Option<FlowBound>,
    pub lagrangian: Option<LagrangianBound>,
}

/// Runs `search` and, within the time until `deadline`, the relaxations for `fills`: the flow LP
/// (when below [`bound::flow::MAX_FLOW_COLUMNS`]), then the Lagrangian relaxation from its duals
/// (or from per-unit prices without it), with subgradient steps aimed at `target`, the cost the
/// search starts from. With two or more threads allowed (`threads`), they run on one more
/// thread alongside the search (the search's small sub-MIPs barely use a second core) and stop
/// when the search returns. With one, they run first, given at most the tuning's
/// `relaxations_sequential_share` of the time, so the call never uses more threads than
/// `options.threads` allows; `cancel` stops them.
/// The deadline, threads, cancel flag and the board the Lagrangian posts its prices to (for the
/// search to steer by) come from `limits`.
pub fn alongside_bounds<T: Send>(
    model: &Model,
    fills: &[i64],
    target: (f64, &Allocation),
    limits: &lns::Limits,
    search: impl FnOnce() -> T + Send,
) -> (T, SearchBounds) {
    let (deadline, threads, cancel, board) = (
        limits.deadline,
        limits.threads,
        limits.cancel,
        limits.prices,
    );
    let flow_share = limits.tuning.relaxations_flow_share;
    let seconds = deadline
        .saturating_duration_since(Instant::now())
        .as_secs_f64();
    if seconds <= 0.05 {
        return (search(), SearchBounds::default());
    }
    if threads <= 1 {
        let share = limits.tuning.relaxations_sequential_share;
        let until = Instant::now() + std::time::Duration::from_secs_f64(seconds * share);
        let master = limits.tuning.lagrangian_master;
        let bounds = relaxations(
            model,
            fills,
            target,
            (board, flow_share, master),
            until,
            cancel,
        );
        return (search(), bounds);
    }
    // Set when the search returns (early, converged or cancelled), so the relaxations never hold
    // the call past it.
    let search_done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let bounds = scope.spawn(|| {
            relaxations(
                model,
                fills,
                target,
                (board, flow_share, limits.tuning.lagrangian_master),
                deadline,
                &search_done,
            )
        });
        let found = search();
        search_done.store(true, Ordering::Relaxed);
        // A panic in HiGHS's thread would only lose the bounds.
        (found, bounds.join().unwrap_or_default())
    })
}

/// The flow LP (within `flow_share` of the time), then the Lagrangian relaxation from its prices,
/// until `until` or `stop`.
fn relaxations(
    model: &Model,
    fills: &[i64],
    (target, plan): (f64, &Allocation),
    (board, flow_share, master): (Option<&PriceBoard>, f64, bound::MasterLimits),
    until: Instant,
    stop: &AtomicBool,
) -> SearchBounds {
    // The LP gets at most this share of the time, so the Lagrangian steps have some left.
    let seconds = until
        .saturating_duration_since(Instant::now())
        .as_secs_f64()
        * flow_share;
    let flow = bound::flow_bound(model, fills, seconds, 1, Some(stop));
    let prices = flow.as_ref().map(|f| f.prices.clone());
    let effort = bound::Effort {
        deadline: until,
        stop: Some(stop),
        board,
        master,
    };
    let lagrangian = bound::lagrangian_bound(model, fills, prices, (target, Some(plan)), &effort);
    SearchBounds {
        flow: flow.map(|f| f.bound),
        lagrangian,
    }
}

/// The bound and gap for `allocation`, from the per-unit relaxation and, when they stand for
/// this plan's fills, the relaxations solved for `solved_for` beside the search.
pub fn relaxation_bound(
    model: &Model,
    allocation: &Allocation,
    relaxed: (&SearchBounds, &[i64]),
    stages: &mut Vec<StageStats>,
    notes: &mut Vec<String>,
) -> (f64, f64) {
    let started = Instant::now();
    let (_, cost) = plan_score::score(model, allocation);
    let fills = solution::tier_fills(model, allocation);
    let per_unit = bound::per_unit_bound(model, &fills).min(cost);
    stages.push(stage(
        "bound:per_unit",
        cost,
        per_unit,
        started.elapsed().as_millis() as u64,
    ));
    let mut best = per_unit;
    let (bounds, solved_for) = relaxed;
    let stands = model.policy.allocation == Policy::Weighted
        || fills.iter().zip(solved_for).all(|(now, then)| now >= then);
    if !stands {
        return (best, highs_run::relative_gap(cost, best));
    }
    if let Some(flow) = bounds.flow {
        let value = flow.value.min(cost);
        stages.push(stage("bound:flow", cost, value, flow.time_ms));
        if let Some(last) = stages.last_mut() {
            last.variables = flow.columns as u64;
            last.constraints = flow.rows as u64;
        }
        best = best.max(value);
    }
    if let Some(lagrangian) = &bounds.lagrangian {
        let value = lagrangian.value.min(cost);
        stages.push(stage("bound:lagrangian", cost, value, lagrangian.time_ms));
        notes.push(format!(
            "Lagrangian bound: {} evaluations from the {}, {} of them at prices from the \
             master LP over the covers found (Kelley's cutting planes), the rest subgradient \
             steps; {} orders' searches cut short (their part of the bound is then a bound \
             below their optimum)",
            lagrangian.iterations,
            if bounds.flow.is_some() {
                "flow LP's duals"
            } else {
                "per-unit prices"
            },
            lagrangian.master_rounds,
            lagrangian.orders_cut_short
        ));
        best = best.max(value);
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
