//! The optimizer: the wave as a mixed-integer program in HiGHS, solved in lexicographic stages.
//!
//! The formulation is in [`formulation`] (math in `models/formulation.md`); the stage logic in
//! [`stages`]. The greedy plan is computed first: it is the MIP start, and the fallback when a
//! stage finds no solution in time, so a checked plan always comes back.

pub mod formulation;
pub mod lns;
pub mod parts;
pub mod pool;
pub mod relaxation;
mod relaxed_bounds;
mod search_bound;
pub mod solution;
pub mod stages;
pub mod tier_engine;

use crate::solver::bound::PriceBoard;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::error::Error;
use crate::format::{Options, PlanStatus, Wave, WithinTier};
use crate::model::Model;
use crate::solver::highs::export;
use crate::solver::highs::threads::threads_for;
use crate::solver::tuning::Tuning;
use crate::solver::{greedy, plan_score, polish, SolveOutcome};
use formulation::BuildFlags;

/// Above this many columns the formulation's LP relaxation ([`relaxation`]) is not built.
pub const MAX_COLUMNS_FOR_TIER_STAGES: usize = 2_000_000;

/// How a wave is solved, by its size and policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Every stage on the whole wave: the tier engine's fills, then one cost MIP.
    OneMip,
    /// Strict, above one MIP's size: the tier engine, then the search with fills held.
    TiersThenSearch,
    /// Weighted, above one MIP's size: the search from the greedy plan, re-deciding fills and
    /// cost round by round.
    Search,
}

/// The route for this wave. `within_tier: fifo` (whose age weighting spans the whole tier, which
/// a neighbourhood cannot hold) always takes one MIP.
/// Also returns the column estimate it went by (counted only up to one MIP's limit).
pub fn route_for(model: &Model, options: &Options, tuning: &Tuning) -> (Route, usize) {
    if model.policy.within_tier == WithinTier::Fifo {
        return (Route::OneMip, 0);
    }
    let tens_of_seconds = (options.time_limit_ms as f64 / 10_000.0).max(1.0);
    let one_mip_limit = (tuning.max_columns_for_one_mip as f64 * tens_of_seconds) as usize;
    let columns = formulation::column_estimate(model, one_mip_limit);
    let route = if columns <= one_mip_limit {
        Route::OneMip
    } else if model.policy.allocation == crate::format::Allocation::Strict {
        Route::TiersThenSearch
    } else {
        Route::Search
    };
    (route, columns)
}

/// Solves the wave. (The naive reference the optimizer is measured against is a model of its
/// own: [`crate::solver::naive`].)
pub fn solve(
    model: &Model,
    options: &Options,
    tuning: &Tuning,
    deadline: Instant,
    cancel: &AtomicBool,
) -> SolveOutcome {
    if let Some(o) = model
        .orders
        .iter()
        .find(|o| o.lines.len() > tuning.max_lines_per_order_for_mip)
    {
        // HiGHS's MIP presolve (probing and clique extraction) slows down sharply with one
        // very long order and does not check the time limit meanwhile: 20,000 lines took 78 s
        // against a 5 s limit. The greedy plan is checked and complete; say why it is returned.
        let mut outcome = greedy::solve(model);
        outcome.engine = "mip";
        outcome.notes.push(format!(
            "order {} has {} lines, above the {} the MIP handles within its time limit: planned \
             greedily, no bound proven",
            o.id,
            o.lines.len(),
            tuning.max_lines_per_order_for_mip
        ));
        return outcome;
    }
    if model.policy.within_tier != WithinTier::Fifo {
        // Under fifo the age ranks span a whole tier, so its parts are not independent.
        let components = crate::model::components::parts(model);
        let count = components.len();
        let parts = parts::grouped(model, components, tuning);
        if parts.len() > 1 {
            return parts::solve_parts(model, options, tuning, deadline, cancel, (parts, count));
        }
    }
    let greedy_plan = greedy::route(model);
    let (route, columns) = route_for(model, options, tuning);
    if route == Route::TiersThenSearch {
        return solve_tiers_then_search(
            model,
            options,
            tuning,
            deadline,
            cancel,
            greedy_plan,
            columns,
        );
    }
    if route == Route::Search {
        let why = format!("over {columns} columns: too large for one MIP within the time limit");
        return solve_by_search(model, options, tuning, deadline, cancel, greedy_plan, why);
    }
    let flags = BuildFlags {
        prune: true,
        names: false,
    };
    let (program, layout) = formulation::build(model, flags);
    let runner = stages::Runner {
        model,
        program: &program,
        layout: &layout,
        deadline,
        mip_gap: options.mip_gap,
        threads: threads_for(options),
        greedy: &greedy_plan,
        use_greedy: true,
        cancel,
        max_nodes: None,
        cover_pool: true,
        open_by_lp: true,
        cost_relaxations: stages::CostRelaxations::for_threads(threads_for(options)),
        tuning,
    };
    let outcome = runner.run();
    let engine = "mip";
    let mut notes = outcome.notes;
    if cancel.load(Ordering::Relaxed) {
        notes.push("solve cancelled: returning the best plan found so far".to_string());
    }
    let allocation = match &outcome.values {
        Some(values) => solution::allocation_from_values(model, &layout, values),
        None => {
            notes.push("no MIP solution in time: returning the greedy plan".to_string());
            greedy_plan
        }
    };
    let status = if outcome.proven && outcome.values.is_some() {
        PlanStatus::Optimal
    } else {
        PlanStatus::Feasible
    };
    SolveOutcome {
        allocation,
        status,
        bound: if outcome.values.is_some() {
            outcome.bound
        } else {
            0.0
        },
        gap: if outcome.values.is_some() {
            outcome.gap
        } else {
            f64::INFINITY
        },
        engine,
        stages: outcome.stages,
        variables: program.num_cols() as u64,
        constraints: program.rows.len() as u64,
        components: crate::model::components::count(model) as u64,
        notes,
    }
}

/// The search's limits for this call: every round until [`search_deadline`].
fn search_limits<'a>(
    options: &Options,
    tuning: &Tuning,
    deadline: Instant,
    cancel: &'a AtomicBool,
    staged_rounds: bool,
) -> lns::Limits<'a> {
    lns::Limits {
        deadline: search_deadline(options, tuning, deadline),
        max_rounds: usize::MAX,
        mip_gap: options.mip_gap,
        threads: threads_for(options),
        cancel,
        staged_rounds,
        prices: None,
        tuning: *tuning,
    }
}

/// When the search must stop so that what follows it (the bound, the report) still fits in
/// `time_limit_ms`: [`Tuning::search_reserve_share`] of the limit before the deadline.
fn search_deadline(options: &Options, tuning: &Tuning, deadline: Instant) -> Instant {
    let limit = std::time::Duration::from_millis(options.time_limit_ms.max(0) as u64);
    let reserve = limit.mul_f64(tuning.search_reserve_share);
    deadline.checked_sub(reserve).unwrap_or(deadline)
}

/// The search on both search routes: `start` polished ([`polish::improve_until`]), improved
/// round by round within `limits` (steered by the Lagrangian's prices) while the relaxations are
/// solved for its fills, then reported (the search's note and stage, the bounds' stages).
/// Returns the plan, its bound and gap.
fn search_with_bound(
    model: &Model,
    start: &crate::solver::Allocation,
    limits: &lns::Limits,
    notes: &mut Vec<String>,
    stages: &mut Vec<crate::format::StageStats>,
) -> (crate::solver::Allocation, f64, f64) {
    let fills = solution::tier_fills(model, start);
    let mut polished = polish::improve_until(model, start, Some(limits.deadline));
    let left = limits.deadline.saturating_duration_since(Instant::now());
    let tuning = &limits.tuning;
    let run_pool = model.orders.len() <= tuning.max_orders_for_pool
        && left >= tuning.min_search_time_for_pool(model);
    let target = plan_score::score(model, &polished).1;
    // The Lagrangian's master starts from this plan's covers.
    let start_plan = polished.clone();
    // The Lagrangian posts its prices here; the search steers by them between rounds.
    let board = PriceBoard::default();
    let steered = lns::Limits {
        prices: Some(&board),
        ..*limits
    };
    let (((allocation, report), pooled), bounds) =
        search_bound::alongside_bounds(model, &fills, (target, &start_plan), &steered, || {
            let mut pooled = None;
            if run_pool {
                let pool_limits = pool::PoolLimits {
                    tuning: *tuning,
                    // With tier fills held instead, M's master MIPs found nothing past the LP's
                    // rounding within the time (30 s: 179,303 at the end against 176,135 with
                    // lines held).
                    hold_lines: true,
                    deadline: Instant::now() + left.mul_f64(tuning.search_pool_share),
                    // The relaxations run beside it on one of the threads.
                    threads: limits.threads.saturating_sub(1).max(1),
                    cancel: limits.cancel,
                };
                let (plan, report) = pool::improve(model, &polished, &pool_limits);
                pooled = Some(report);
                polished = plan;
            }
            (lns::improve(model, polished, &steered), pooled)
        });
    if let Some(pool) = pooled {
        notes.push(pool.note());
        stages.push(pool.stage());
    }
    notes.push(report.note());
    stages.push(report.stage());
    let (bound, gap) =
        search_bound::relaxation_bound(model, &allocation, (&bounds, &fills), stages, notes);
    (allocation, bound, gap)
}

/// [`Route::Search`]: the greedy plan, polished ([`polish::improve`]), then improved
/// by the neighbourhood search until the deadline. HiGHS proves no bound on this route; the
/// bound is the largest of the per-unit, flow and Lagrangian relaxations ([`search_bound`]).
pub fn solve_by_search(
    model: &Model,
    options: &Options,
    tuning: &Tuning,
    deadline: Instant,
    cancel: &AtomicBool,
    greedy_plan: crate::solver::Allocation,
    why: String,
) -> SolveOutcome {
    let notes = vec![format!(
        "{why}: planned by large-neighbourhood search from the greedy plan; HiGHS proves no \
         bound, the bound is the largest of the per-unit, flow and Lagrangian relaxations"
    )];
    let limits = search_limits(options, tuning, deadline, cancel, true);
    searched(model, &greedy_plan, &limits, (notes, Vec::new()), (0, 0))
}

/// The search from `start` within `limits`, reported: its plan, the relaxations' bound, the
/// stages and notes so far with the search's added, and the model size to report.
fn searched(
    model: &Model,
    start: &crate::solver::Allocation,
    limits: &lns::Limits,
    (mut notes, mut stages): (Vec<String>, Vec<crate::format::StageStats>),
    (variables, constraints): (u64, u64),
) -> SolveOutcome {
    let (allocation, bound, gap) = search_with_bound(model, start, limits, &mut notes, &mut stages);
    if limits.cancel.load(Ordering::Relaxed) {
        notes.push("solve cancelled: returning the best plan found so far".to_string());
    }
    SolveOutcome {
        allocation,
        status: PlanStatus::Feasible,
        bound,
        gap,
        engine: "mip",
        stages,
        variables,
        constraints,
        components: crate::model::components::count(model) as u64,
        notes,
    }
}

/// The strict policy above one MIP's size: the tier engine proves the fills within
/// [`Tuning::search_tier_engine_share`] of the time, then the search lowers the cost with every line's fill
/// held. HiGHS proves no cost bound here; it is the largest of the relaxations'.
fn solve_tiers_then_search(
    model: &Model,
    options: &Options,
    tuning: &Tuning,
    deadline: Instant,
    cancel: &AtomicBool,
    greedy_plan: crate::solver::Allocation,
    columns: usize,
) -> SolveOutcome {
    let left = deadline.saturating_duration_since(Instant::now());
    let engine_deadline = Instant::now() + left.mul_f64(tuning.search_tier_engine_share);
    let plan = tier_engine::run(
        model,
        &greedy_plan,
        engine_deadline,
        cancel,
        threads_for(options),
        tuning,
    );
    let stages = tier_engine::stages(model, &plan);
    let notes = vec![
        tier_engine::note(&plan),
        format!(
            "over {columns} columns, above the {} per 10 s of time limit for one cost MIP: cost \
             by large-neighbourhood search with every line's fill held; HiGHS proves no cost \
             bound, the bound is the largest of the per-unit, flow and Lagrangian relaxations",
            tuning.max_columns_for_one_mip
        ),
    ];
    // The search ends early by the top-up's share; the top-up then also gets half of the
    // search's reserve for the report.
    let limit = std::time::Duration::from_millis(options.time_limit_ms.max(0) as u64);
    let search_until = deadline
        .checked_sub(limit.mul_f64(tuning.top_up_share))
        .unwrap_or(deadline);
    let limits = search_limits(options, tuning, search_until, cancel, false);
    let size = (plan.size.1 as u64, plan.size.0 as u64);
    let mut outcome = searched(model, &plan.allocation, &limits, (notes, stages), size);
    let reserve_start = search_deadline(options, tuning, deadline);
    let top_up_end = reserve_start + deadline.saturating_duration_since(reserve_start) / 2;
    tier_engine::top_up(model, &mut outcome, top_up_end, tuning.top_up_movers);
    outcome
}

/// Writes the wave's final-stage model (LP or MPS by `ext`): for strict allocation the cost
/// stage, with every tier's fill held at the value the earlier stages proved; for weighted the
/// single stage. Column and row names follow `models/formulation.md`.
pub fn export_model(wave: &Wave, out: &Path, ext: &str) -> Result<(), Error> {
    let model = Model::from_wave(wave)?;
    let greedy_plan = greedy::route(&model);
    let flags = BuildFlags {
        prune: true,
        names: true,
    };
    let (program, layout) = formulation::build(&model, flags);
    let deadline =
        Instant::now() + std::time::Duration::from_millis(wave.options.time_limit_ms.max(1) as u64);
    let runner = stages::Runner {
        model: &model,
        program: &program,
        layout: &layout,
        deadline,
        mip_gap: wave.options.mip_gap,
        threads: threads_for(&wave.options),
        greedy: &greedy_plan,
        use_greedy: true,
        cancel: &AtomicBool::new(false),
        max_nodes: None,
        cover_pool: false,
        open_by_lp: false,
        cost_relaxations: stages::CostRelaxations::Off,
        tuning: &Tuning::default(),
    };
    let outcome = runner.run();
    let path = out.with_extension(ext);
    export::write(&program, &outcome.final_stage, &path).map_err(Error::Solver)
}
