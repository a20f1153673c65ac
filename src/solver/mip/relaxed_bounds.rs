//! The relaxations that bound a plan's cost where HiGHS proves none, and the plan's bound from
//! them: the flow relaxation ([`bound::flow_bound`]), one LP, and then the Lagrangian relaxation
//! ([`bound::lagrangian_bound`]) from its duals (or from per-unit prices when the LP is too
//! large), for given tier fills. A bound for plans filling at least `F` in every tier also
//! bounds plans filling at least `F' ≥ F`, so they stand for the final plan whenever no tier's
//! fill went down; otherwise they are dropped. The per-unit relaxation
//! ([`bound::per_unit_bound`]), at the final plan's fills, is weaker but cheap at any size.
//! They run beside the search ([`super::search_bound`]) or beside the one MIP's cost stage
//! ([`beside_cost_stage`]); each is recorded as a stage of its own so that its source is plain.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::formulation::Layout;
use super::solution;
use crate::format::{Allocation as Policy, StageStats};
use crate::model::Model;
use crate::solver::bound::{self, FlowBound, LagrangianBound, PriceBoard};
use crate::solver::highs::run::{self as highs_run, RunResult};
use crate::solver::tuning::Tuning;
use crate::solver::{plan_score, Allocation};

/// The relaxations solved beside the search, for the tier fills it started from.
#[derive(Debug, Default)]
pub struct SearchBounds {
    pub flow: Option<FlowBound>,
    pub lagrangian: Option<LagrangianBound>,
}

/// Where the relaxations that may raise an unproven last stage's bound run (strict: the cost
/// stage; weighted: the only stage, whose objective, cost plus unfilled penalties, they bound
/// as well).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostRelaxations {
    /// Not at all (the neighbourhood search's rounds, the exported model).
    Off,
    /// On one more thread beside HiGHS ([`beside_cost_stage`]): the one MIP
    /// with two threads or more.
    Beside,
    /// Before HiGHS, within the tuning's `relaxations_sequential_share` of the stage's time
    /// (they stop sooner when they converge) and on the same thread
    /// ([`before_cost_stage`]): the one MIP with one thread, as each of a wave's
    /// independent parts gets when they are solved side by side. HiGHS gets the time left.
    Before,
}

impl CostRelaxations {
    /// `Beside` with two threads or more, else `Before`.
    pub fn for_threads(threads: u32) -> Self {
        if threads >= 2 {
            CostRelaxations::Beside
        } else {
            CostRelaxations::Before
        }
    }
}

/// Runs `solve` (one MIP's cost stage, started from the columns `start`) and, beside it on one
/// more thread until it returns or the deadline, the relaxations for the tier fills `start`
/// holds (the fills the cost stage keeps): when HiGHS's own root outlasts the time, as on large
/// waves given a long limit, the plan still gets the bound the search routes would give it.
/// Returns the relaxations with the fills they were solved for.
pub fn beside_cost_stage(
    (model, layout, deadline, tuning): (&Model, &Layout, Instant, &Tuning),
    start: &[f64],
    solve: impl FnOnce() -> RunResult + Send,
) -> (RunResult, Option<(SearchBounds, Vec<i64>)>) {
    let (plan, fills, target) = stage_start(model, layout, start);
    let priced = (
        None,
        tuning.relaxations_flow_share,
        tuning.lagrangian_master,
    );
    let (solved, bounds) =
        relaxations_beside(model, &fills, (target, &plan), priced, deadline, solve);
    (solved, Some((bounds, fills)))
}

/// A last stage's start as the relaxations take it: the plan, its tier fills (those the stage
/// keeps) and its score's cost (the Lagrangian's target).
fn stage_start(model: &Model, layout: &Layout, start: &[f64]) -> (Allocation, Vec<i64>, f64) {
    let plan = solution::allocation_from_values(model, layout, start);
    let fills = solution::tier_fills(model, &plan);
    let (_, target) = plan_score::score(model, &plan);
    (plan, fills, target)
}

/// The relaxations for the tier fills the cost stage's start `plan` holds (the fills the stage
/// keeps), on the calling thread before the stage (with one thread there is none to run them
/// beside HiGHS), within the tuning's `relaxations_sequential_share` of the time to `deadline`,
/// or until `cancel`. Returns them with the fills they were solved for.
pub fn before_cost_stage(
    (model, layout, deadline, tuning): (&Model, &Layout, Instant, &Tuning),
    plan: &[f64],
    cancel: &AtomicBool,
) -> (SearchBounds, Vec<i64>) {
    let (plan, fills, target) = stage_start(model, layout, plan);
    let priced = (
        None,
        tuning.relaxations_flow_share,
        tuning.lagrangian_master,
    );
    let left = deadline.saturating_duration_since(Instant::now());
    let until = Instant::now() + left.mul_f64(tuning.relaxations_sequential_share);
    let bounds = relaxations(model, &fills, (target, &plan), priced, until, cancel);
    (bounds, fills)
}

/// Runs `work` and, on one more thread until it returns or `until`, the relaxations
/// ([`relaxations`]) for `fills`: they never hold the call past `work`, and a panic on their
/// thread only loses the bounds.
pub(super) fn relaxations_beside<T: Send>(
    model: &Model,
    fills: &[i64],
    target: (f64, &Allocation),
    priced: (Option<&PriceBoard>, f64, bound::MasterLimits),
    until: Instant,
    work: impl FnOnce() -> T + Send,
) -> (T, SearchBounds) {
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let bounds = scope.spawn(|| relaxations(model, fills, target, priced, until, &done));
        let result = work();
        done.store(true, Ordering::Relaxed);
        (result, bounds.join().unwrap_or_default())
    })
}

/// Raises an unproven cost stage's bound `r` to the relaxations' (solved beside it, for the
/// fills given) where they stand for the plan kept (HiGHS's columns, else `start`); their
/// stages and note are added.
pub fn raise_to_relaxations(
    (model, layout): (&Model, &Layout),
    r: &mut RunResult,
    start: Option<&[f64]>,
    relaxed: Option<(SearchBounds, Vec<i64>)>,
    (stages, notes): (&mut Vec<StageStats>, &mut Vec<String>),
) {
    let Some((bounds, solved_for)) = relaxed.filter(|_| !r.proven) else {
        return;
    };
    let Some(kept) = r.values.as_deref().or(start) else {
        return;
    };
    let plan = solution::allocation_from_values(model, layout, kept);
    let (bound, _) = relaxation_bound(model, &plan, (&bounds, &solved_for), stages, notes);
    if !r.bound.is_finite() || bound > r.bound {
        r.bound = bound;
        r.gap = highs_run::relative_gap(r.objective, r.bound);
    }
}

/// The flow LP (within `flow_share` of the time), then the Lagrangian relaxation from its prices,
/// until `until` or `stop`.
pub(super) fn relaxations(
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
