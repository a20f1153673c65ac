//! The tier engine: the strict policy's lexicographic fills from a maximum flow, with the proof.
//!
//! Without the side rules, a tier stage is a maximum flow ([`network`]). Opening one tier's
//! source arcs at a time and augmenting keeps every higher tier's arcs saturated, so the flow
//! after tier k is maximal for tiers `0..=k` together and lexicographically maximal tier by tier.
//! With `M_k` that cumulative maximum, any plan whose higher tiers fill at least `F_j` fills tier
//! k with at most `M_k − Σ_{j<k} F_j` units: the stage's proven bound (`FlowBounds::bound`, in the flow rounds).
//!
//! A plan comes from each round's flow ([`construct`]) and is then augmented where it stands.
//! Where the side rules refuse what the flow asked for, the next round's flow routes around
//! those pairs; the lexicographically best plan of all rounds is kept. Rounds stop when every
//! tier meets its bound, when a round rules out nothing new, when rounds stop improving, or at
//! the deadline. Tiers still short of their bound get an exact stage ([`exact`]): its LP for the
//! bound, the neighbourhood repair ([`repair`]) for the plan, and its whole MIP where that fits;
//! see [`solve`].

pub mod book;
pub mod construct;
pub mod exact;
pub mod maxflow;
pub mod network;
pub mod repair;
mod rounds;
pub mod serving;
pub mod top_up;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::model::Model;
use crate::solver::highs::run::Settings;
use crate::solver::Allocation;
use repair::{RepairLimits, RepairSizes};
use rounds::{Rounds, ROUNDS_PATIENCE};
use serving::Restrictions;

/// An exact stage's status when it was too large for its time.
const SKIPPED: &str = "skipped_exact_outlasts_time";

/// When the engine must stop, and how HiGHS may run for its exact stages.
#[derive(Clone, Copy)]
pub struct TierLimits<'a> {
    pub deadline: Instant,
    pub cancel: &'a AtomicBool,
    pub threads: u32,
    /// Share of the engine's time the flow rounds may take before the exact stages.
    pub rounds_share: f64,
    /// Time per column an exact tier stage's MIP needs at least, below which it is not started.
    pub exact_seconds_per_column: f64,
    /// Time per column a tier stage's LP relaxation needs at least, below which it is not
    /// started.
    pub lp_seconds_per_column: f64,
    /// The neighbourhood repair of a stage too large for its time.
    pub repair: RepairSizes,
}

/// One tier's outcome.
#[derive(Debug, Clone)]
pub struct TierStage {
    pub tier: usize,
    pub fill: i64,
    /// Proven upper bound on the fill, given the higher tiers' fills; `None` when the flow was
    /// stopped before it was maximal.
    pub bound: Option<i64>,
    /// `flow_bound_met`, `lp_bound_met` or `optimal` (the exact stage proved it), or why it
    /// stopped short.
    pub status: &'static str,
    pub time_ms: u64,
    /// Columns of its exact stage (0 when none ran).
    pub columns: usize,
}

impl TierStage {
    pub fn proven(&self) -> bool {
        self.bound == Some(self.fill)
    }
}

/// The engine's plan and what proves it.
#[derive(Debug, Clone)]
pub struct TierPlan {
    pub allocation: Allocation,
    pub stages: Vec<TierStage>,
    /// Flow rounds run.
    pub rounds: usize,
    /// The network of the first round: vertices and arcs.
    pub size: (usize, usize),
    pub time_ms: u64,
}

impl TierPlan {
    pub fn fills(&self) -> Vec<i64> {
        self.stages.iter().map(|s| s.fill).collect()
    }

    /// Whether every tier's fill equals its bound.
    pub fn proven(&self) -> bool {
        self.stages.iter().all(TierStage::proven)
    }
}

/// Runs the engine. `fallback` (the greedy plan) is kept when nothing does better.
///
/// Flow rounds first (within `rounds_share` of the time), then an exact stage for each tier
/// still short of its bound, highest first, then flow rounds again until they stop improving,
/// then a last repair of the tiers still short with whatever time is left.
/// Every bound found stays valid as the plan improves: raising a higher tier's fill only
/// shrinks the plans a lower tier's bound ranges over.
pub fn solve(model: &Model, fallback: &Allocation, limits: TierLimits) -> TierPlan {
    let started = Instant::now();
    let stop = || limits.cancel.load(Ordering::Relaxed) || Instant::now() >= limits.deadline;
    let rounds_deadline = started
        + limits
            .deadline
            .saturating_duration_since(started)
            .mul_f64(limits.rounds_share);
    let stop_rounds = || stop() || Instant::now() >= rounds_deadline;
    let mut search = Rounds {
        model,
        serving: serving::all_serving_nodes(model),
        best: (fallback.tier_fills(model), fallback.clone()),
        restrictions: Restrictions::default(),
        flow: None,
        rounds: 0,
        size: (0, 0),
    };
    search.run(&stop, &stop_rounds, Some(ROUNDS_PATIENCE));
    let tiers = model.tiers.len();
    let mut exact: Vec<Option<(i64, &'static str, &'static str)>> = vec![None; tiers];
    let mut columns = vec![0; tiers];
    let mut time_ms = vec![0; tiers];
    if let Some(flow) = search.flow.clone() {
        for k in 0..tiers {
            let fills = search.best.0.clone();
            let bound = flow.bound(k, &fills);
            if fills[k] >= bound || stop() {
                continue;
            }
            let stage_started = Instant::now();
            // Higher tiers first: their LP and MIP may take all the time left, their repair an
            // even share with the lower tiers still short of their bound. The lowest tier's
            // stage leaves half of the time to the rounds that follow.
            let short = (k..tiers)
                .filter(|&j| fills[j] < flow.bound(j, &fills))
                .count()
                .max(1);
            let share: f64 = if k + 1 == tiers { 0.5 } else { 1.0 };
            let repair_share = share.min(1.0 / short as f64);
            let outcome = exact_stage(&mut search, k, bound, limits, (share, repair_share));
            columns[k] = outcome.columns;
            exact[k] = Some((outcome.bound, outcome.proven_status, outcome.status));
            time_ms[k] = stage_started.elapsed().as_millis() as u64;
        }
        // The time the exact stages leave goes back to the rounds, which start afresh from the
        // plan the exact stages improved, until they stop improving; then to the
        // repair of the tiers still short, highest first, sharing what is left evenly.
        search.restrictions = Restrictions::default();
        search.run(&stop, &stop, Some(ROUNDS_PATIENCE));
        for (k, stage_ms) in time_ms.iter_mut().enumerate() {
            let fills = &search.best.0;
            let short: Vec<usize> = (k..tiers)
                .filter(|&j| fills[j] < flow.bound(j, fills).min(proven_bound(&exact, j)))
                .collect();
            if short.first() != Some(&k) || stop() {
                continue;
            }
            let stage_started = Instant::now();
            let bound = flow.bound(k, fills).min(proven_bound(&exact, k));
            let deadline = share_of_time_left(limits.deadline, 1.0 / short.len() as f64);
            repair_tier(&mut search, k, bound, deadline, limits);
            *stage_ms += stage_started.elapsed().as_millis() as u64;
        }
    }
    let fills = search.best.0.clone();
    let stages = (0..tiers)
        .map(|k| {
            let Some(flow) = &search.flow else {
                return TierStage {
                    tier: k,
                    fill: fills[k],
                    bound: None,
                    status: "flow_stopped",
                    time_ms: 0,
                    columns: 0,
                };
            };
            let flow_bound = flow.bound(k, &fills);
            let (bound, status) = match exact[k] {
                _ if fills[k] >= flow_bound => (flow_bound, "flow_bound_met"),
                Some((b, proven, _)) if b <= fills[k] => (fills[k], proven),
                Some((b, _, open)) => (b.min(flow_bound), open),
                None if columns[k] == 0 => (flow_bound, "time_limit"),
                None => (flow_bound, SKIPPED),
            };
            TierStage {
                tier: k,
                fill: fills[k],
                bound: Some(bound.max(fills[k])),
                status,
                time_ms: time_ms[k],
                columns: columns[k],
            }
        })
        .collect();
    TierPlan {
        allocation: search.best.1,
        stages,
        rounds: search.rounds,
        size: search.size,
        time_ms: started.elapsed().as_millis() as u64,
    }
}

/// What an exact stage proved: its bound on tier k's fill, the statuses for a proven and an
/// open stage, and its program's columns (estimated when it was not built).
struct ExactOutcome {
    bound: i64,
    proven_status: &'static str,
    status: &'static str,
    columns: usize,
}

/// The exact stage of tier `k`, within `share` of the engine's time left. The LP relaxation
/// (its floor is a proven bound, and often the fill meets it) and the neighbourhood repair,
/// which raises the engine's plan, until `repair_share` of the engine's time left: with two
/// threads or more side by side, the LP on one thread, when the repair's time holds
/// `limits.lp_seconds_per_column` per column; otherwise the LP first, with at most half of the
/// stage's time and only when that half holds as much. Then the whole stage's MIP with the
/// stage's time left, if that is at least `limits.exact_seconds_per_column` per column. The
/// stage's program is built only when its LP or MIP runs. The MIP gets no start: HiGHS has
/// returned a start's columns with another point's objective when its presolve changed the
/// start (HiGHS issue #3510), and the re-solve then needed cost the stage its proof; the
/// repaired plan stays the fallback. A MIP's plan (of tiers `0..=k`) is kept when better, the
/// lower tiers re-planned after it.
fn exact_stage(
    search: &mut Rounds,
    k: usize,
    bound: i64,
    limits: TierLimits,
    (share, repair_share): (f64, f64),
) -> ExactOutcome {
    let model = search.model;
    let fills = search.best.0.clone();
    let columns = exact::TierProgram::estimate_columns(model, &search.serving, k);
    let mut outcome = ExactOutcome {
        bound,
        proven_status: "lp_bound_met",
        status: SKIPPED,
        columns,
    };
    let deadline = share_of_time_left(limits.deadline, share);
    let repair_deadline = share_of_time_left(limits.deadline, repair_share).min(deadline);
    let seconds_left = || {
        deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64()
    };
    let mut program: Option<exact::TierProgram> = None;
    let settings = |time_limit_s: f64| Settings {
        time_limit_s: time_limit_s.max(0.01),
        mip_gap: 0.0,
        threads: limits.threads,
        cancel: Some(limits.cancel),
        max_nodes: None,
    };
    let side_lp_time = repair_deadline
        .saturating_duration_since(Instant::now())
        .as_secs_f64();
    let fill =
        if limits.threads >= 2 && side_lp_time >= columns as f64 * limits.lp_seconds_per_column {
            // The LP on a thread of its own beside the repair, until the repair's deadline: its
            // time then costs the repair nothing. The gate (an optimistic time per column) keeps
            // waves whose LP cannot finish from building its program at all.
            let serving = search.serving.clone();
            let lp_stop = AtomicBool::new(false);
            let lp_settings = Settings {
                time_limit_s: side_lp_time.max(0.01),
                mip_gap: 0.0,
                threads: 1,
                cancel: Some(&lp_stop),
                max_nodes: None,
            };
            let (fill, (built, lp)) = std::thread::scope(|scope| {
                let lp = scope.spawn(|| {
                    let built = exact::TierProgram::build(model, &serving, k, &fills);
                    let lp = built.lp_bound(lp_settings);
                    (built, lp)
                });
                let fill = repair_tier(search, k, outcome.bound, repair_deadline, limits);
                // The fill met the flow's bound (the LP can prove no more), or the engine stops.
                if fill >= outcome.bound || limits.cancel.load(Ordering::Relaxed) {
                    lp_stop.store(true, Ordering::Relaxed);
                }
                // A panic in HiGHS's thread only loses the LP's bound.
                (
                    fill,
                    lp.join().map_or((None, None), |(b, lp)| (Some(b), lp)),
                )
            });
            if let Some(built) = built {
                outcome.columns = built.columns();
                program = Some(built);
            }
            if let Some(lp) = lp {
                outcome.bound = outcome.bound.min((lp + 1e-6).floor() as i64);
            }
            fill
        } else {
            let lp_time = seconds_left() / 2.0;
            if lp_time >= columns as f64 * limits.lp_seconds_per_column {
                let built =
                    program.insert(exact::TierProgram::build(model, &search.serving, k, &fills));
                outcome.columns = built.columns();
                if let Some(lp) = built.lp_bound(settings(lp_time)) {
                    outcome.bound = outcome.bound.min((lp + 1e-6).floor() as i64);
                }
            }
            repair_tier(search, k, outcome.bound, repair_deadline, limits)
        };
    if fill >= outcome.bound
        || seconds_left() < outcome.columns as f64 * limits.exact_seconds_per_column
    {
        return outcome;
    }
    let program =
        program.get_or_insert_with(|| exact::TierProgram::build(model, &search.serving, k, &fills));
    outcome.columns = program.columns();
    let (r, found) = program.solve(settings(seconds_left()));
    outcome.proven_status = "optimal";
    outcome.status = r.status.as_str();
    if r.bound.is_finite() {
        outcome.bound = outcome.bound.min((r.bound + 1e-6).floor() as i64);
    }
    if let Some(found) = found {
        let found_fill = found.tier_fills(model)[k];
        if r.proven {
            outcome.bound = outcome.bound.min(found_fill.max(fill));
        }
        let plan = construct::replan_lower_tiers(model, found, &search.best.1, k);
        search.consider(plan);
    }
    outcome
}

/// The engine's best plan with tier `k` repaired ([`repair::repair`]) up to `bound` until
/// `deadline`; tier k's fill after it.
fn repair_tier(
    search: &mut Rounds,
    k: usize,
    bound: i64,
    deadline: Instant,
    limits: TierLimits,
) -> i64 {
    let limits = RepairLimits {
        deadline,
        cancel: limits.cancel,
        threads: limits.threads,
        sizes: limits.repair,
    };
    let repaired = repair::repair(
        search.model,
        &search.serving,
        &search.best.1,
        k,
        bound,
        limits,
    );
    search.consider(repaired);
    search.best.0[k]
}

/// The bound tier `k`'s exact stage proved, if it ran.
fn proven_bound(exact: &[Option<(i64, &'static str, &'static str)>], k: usize) -> i64 {
    exact[k].map_or(i64::MAX, |(bound, _, _)| bound)
}

/// The instant `share` of the time from now to `deadline` ends.
fn share_of_time_left(deadline: Instant, share: f64) -> Instant {
    let now = Instant::now();
    now + deadline.saturating_duration_since(now).mul_f64(share)
}
