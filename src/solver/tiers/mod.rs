//! The tier engine: the strict policy's lexicographic fills from a maximum flow, with the proof.
//!
//! Without the side rules, a tier stage is a maximum flow ([`network`]). Opening one tier's
//! source arcs at a time and augmenting keeps every higher tier's arcs saturated, so the flow
//! after tier k is maximal for tiers `0..=k` together and lexicographically maximal tier by tier.
//! With `M_k` that cumulative maximum, any plan whose higher tiers fill at least `F_j` fills tier
//! k with at most `M_k − Σ_{j<k} F_j` units: the stage's proven bound ([`FlowBounds::bound`]).
//!
//! A plan comes from each round's flow ([`construct`]) and is then augmented where it stands.
//! Where the side rules refuse what the flow asked for, the next round's flow routes around
//! those pairs; the lexicographically best plan of all rounds is kept. Rounds stop when every
//! tier meets its bound, when a round rules out nothing new, or at the deadline. Tiers still
//! short of their bound get an exact stage ([`exact`]); see [`solve`].

pub mod book;
pub mod construct;
pub mod exact;
pub mod maxflow;
pub mod network;
pub mod repair;
pub mod serving;
pub mod top_up;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::model::{Model, NodeIdx, OrderIdx};
use crate::solver::highs::run::Settings;
use crate::solver::ledger::Ledger;
use crate::solver::Allocation;
use repair::{RepairLimits, RepairSizes};
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

/// The relaxation's bounds: `M_k`, the maximum flow over tiers `0..=k`, and each tier's demand.
#[derive(Debug, Clone)]
struct FlowBounds {
    cumulative: Vec<i64>,
    demand: Vec<i64>,
}

impl FlowBounds {
    /// The proven upper bound on tier `k`'s fill over plans whose higher tiers fill at least
    /// `fills[j]` units, capped at the tier's demand.
    fn bound(&self, k: usize, fills: &[i64]) -> i64 {
        let higher: i64 = fills[..k].iter().sum();
        (self.cumulative[k] - higher).min(self.demand[k])
    }

    fn all_met(&self, fills: &[i64]) -> bool {
        (0..fills.len()).all(|k| self.bound(k, fills) == fills[k])
    }
}

/// Runs the engine. `fallback` (the greedy plan) is kept when nothing does better.
///
/// Flow rounds first (within `rounds_share` of the time), then an exact stage for each tier
/// still short of its bound, highest first, then flow rounds again with whatever time is left.
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
    search.run(&stop, &stop_rounds);
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
            let program = exact::TierProgram::build(model, &search.serving, k, &fills);
            columns[k] = program.columns();
            // Higher tiers first: their LP and MIP may take all the time left, their repair an
            // even share with the lower tiers still short of their bound. The lowest tier's
            // stage leaves half of the time to the rounds that follow.
            let short = (k..tiers)
                .filter(|&j| fills[j] < flow.bound(j, &fills))
                .count()
                .max(1);
            let share: f64 = if k + 1 == tiers { 0.5 } else { 1.0 };
            let repair_share = share.min(1.0 / short as f64);
            let mut repair = |bound: i64, deadline: Instant| {
                let repaired = repair::repair(
                    model,
                    &search.serving,
                    &search.best.1,
                    k,
                    bound,
                    RepairLimits {
                        deadline,
                        cancel: limits.cancel,
                        threads: limits.threads,
                        sizes: limits.repair,
                    },
                );
                search.consider(repaired.plan);
                (search.best.0[k], repaired.neighbourhoods)
            };
            let outcome = exact_stage(&program, bound, limits, (share, repair_share), &mut repair);
            if let Some(found) = outcome.plan {
                let plan = construct::replan_lower_tiers(model, found, &search.best.1, k);
                search.consider(plan);
            }
            exact[k] = Some((outcome.bound, outcome.proven_status, outcome.status));
            time_ms[k] = stage_started.elapsed().as_millis() as u64;
        }
        // The time the exact stages leave goes back to the rounds, which start afresh from the
        // plan the exact stages improved.
        search.restrictions = Restrictions::default();
        search.run(&stop, &stop);
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

/// The flow rounds' state: the best plan so far and what the rounds have ruled out.
struct Rounds<'m> {
    model: &'m Model,
    serving: Vec<Vec<NodeIdx>>,
    best: (Vec<i64>, Allocation),
    restrictions: Restrictions,
    /// The first round's flow: the proof.
    flow: Option<FlowBounds>,
    rounds: usize,
    size: (usize, usize),
}

impl Rounds<'_> {
    /// Rounds until every tier meets its flow bound, a round rules out nothing new, or
    /// `stop_rounds`; the first round's flow (the proof) and its first augmentation run until `stop`.
    fn run(&mut self, stop: &dyn Fn() -> bool, stop_rounds: &dyn Fn() -> bool) {
        let model = self.model;
        while !stop_rounds() {
            let clock = Instant::now();
            let mut net = network::build(model, &self.serving, &self.restrictions);
            let built_ms = clock.elapsed().as_millis();
            let first = self.flow.is_none();
            if first {
                self.size = (net.graph.vertices(), net.graph.arcs());
            }
            let round_stop: &dyn Fn() -> bool = if first { stop } else { stop_rounds };
            let mut cumulative = Vec::with_capacity(model.tiers.len());
            let mut total = 0;
            for k in 0..model.tiers.len() {
                total += net.open_tier(model, k, round_stop);
                cumulative.push(total);
            }
            tracing::debug!(
                round = self.rounds,
                vertices = net.graph.vertices(),
                arcs = net.graph.arcs(),
                built_ms,
                flow_ms = clock.elapsed().as_millis(),
                ?cumulative,
                "tier engine: flow"
            );
            // A stopped augmentation may have left the flow short of maximal.
            if round_stop() {
                return;
            }
            if first {
                self.flow = Some(FlowBounds {
                    cumulative,
                    demand: tier_demand(model),
                });
            }
            self.rounds += 1;
            let clock = Instant::now();
            let built = construct::construct(model, &net, &self.serving, &HashSet::new());
            let fills = built.allocation.tier_fills(model);
            self.consider(spliced(
                model,
                (&self.best.0, &self.best.1),
                built.allocation,
            ));
            tracing::debug!(
                ms = clock.elapsed().as_millis(),
                ?fills,
                best = ?self.best.0,
                "tier engine: construction"
            );
            // Then augment the best plan where it stands. The first round's first augmentation
            // (often the largest gain of all) may take all of the engine's time.
            let mut augment_stop = round_stop;
            loop {
                let clock = Instant::now();
                let found = augmented(model, &self.serving, &self.best.1, augment_stop);
                augment_stop = stop_rounds;
                let Some(augmented) = found else {
                    break;
                };
                let better = self.consider(augmented);
                tracing::debug!(
                    ms = clock.elapsed().as_millis(),
                    best = ?self.best.0,
                    "tier engine: augmentation"
                );
                if !better {
                    break;
                }
            }
            if self.flow.as_ref().is_some_and(|b| b.all_met(&self.best.0)) {
                return;
            }
            if !self.restrictions.absorb(built.restrictions) {
                return;
            }
        }
    }

    /// Keeps `plan` if it is lexicographically better; whether it was.
    fn consider(&mut self, plan: Allocation) -> bool {
        let fills = plan.tier_fills(self.model);
        let better = fills > self.best.0;
        if better {
            self.best = (fills, plan);
        }
        better
    }
}

/// What an exact stage found: a plan of tiers `0..=k` when it found one better than HiGHS's
/// start, its proven bound on tier k's fill, and the statuses for a proven and an open stage.
struct ExactOutcome {
    plan: Option<Allocation>,
    bound: i64,
    proven_status: &'static str,
    status: &'static str,
}

/// The exact stage of one tier, within `share` of the engine's time left. The LP relaxation
/// first (its floor is a proven bound, and often the fill meets it), with at most half of that
/// time, and only when that half holds `limits.lp_seconds_per_column` per column; then the
/// neighbourhood repair (`repair(bound, deadline)` raises the engine's plan and returns its fill
/// and the neighbourhoods it solved) until `repair_share` of the engine's time left; then the
/// whole stage's MIP with the stage's time left, if that is at least
/// `limits.exact_seconds_per_column` per column. The MIP gets no start: HiGHS has returned a
/// start's columns with another point's objective when its presolve changed the start (HiGHS
/// issue #3510), and the re-solve then needed cost the stage its proof; the repaired plan stays
/// the fallback.
fn exact_stage(
    program: &exact::TierProgram,
    bound: i64,
    limits: TierLimits,
    (share, repair_share): (f64, f64),
    repair: &mut dyn FnMut(i64, Instant) -> (i64, usize),
) -> ExactOutcome {
    let mut outcome = ExactOutcome {
        plan: None,
        bound,
        proven_status: "lp_bound_met",
        status: SKIPPED,
    };
    let deadline = share_of_time_left(limits.deadline, share);
    let repair_deadline = share_of_time_left(limits.deadline, repair_share).min(deadline);
    let seconds_left = || {
        deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64()
    };
    let settings = |time_limit_s: f64| Settings {
        time_limit_s: time_limit_s.max(0.01),
        mip_gap: 0.0,
        threads: limits.threads,
        cancel: Some(limits.cancel),
        max_nodes: None,
    };
    let columns = program.columns() as f64;
    let lp_time = seconds_left() / 2.0;
    if lp_time >= columns * limits.lp_seconds_per_column {
        if let Some(lp) = program.lp_bound(settings(lp_time)) {
            outcome.bound = outcome.bound.min((lp + 1e-6).floor() as i64);
        }
    }
    let (fill, _) = repair(outcome.bound, repair_deadline);
    if fill >= outcome.bound {
        return outcome;
    }
    if seconds_left() < program.columns() as f64 * limits.exact_seconds_per_column {
        return outcome;
    }
    let (r, found) = program.solve(settings(seconds_left()));
    outcome.proven_status = "optimal";
    outcome.status = r.status.as_str();
    if r.bound.is_finite() {
        outcome.bound = outcome.bound.min((r.bound + 1e-6).floor() as i64);
    }
    if let Some(found) = found {
        let found_fill = found.tier_fills(program.model())[program.tier()];
        if r.proven {
            outcome.bound = outcome.bound.min(found_fill.max(fill));
        }
        outcome.plan = Some(found);
    }
    outcome
}

/// `plan` improved by augmenting paths: its flow loaded into the network restricted to the
/// (order, node) pairs it can grow without a new shipment slot anywhere it lacks one (its own
/// pairs; nodes without a shipment capacity or with slots to spare; no new pair for an order at
/// its shipment limit or a ship-complete order already placed), then augmented tier by tier.
/// Augmenting never lowers a line's units, so the flow's plan keeps `plan`'s pairs first.
/// `None` when stopped.
fn augmented(
    model: &Model,
    serving: &[Vec<NodeIdx>],
    plan: &Allocation,
    stop: &dyn Fn() -> bool,
) -> Option<Allocation> {
    let ledger = Ledger::of_allocation(model, plan);
    let mut pairs: Vec<Vec<NodeIdx>> = vec![Vec::new(); model.orders.len()];
    for s in &plan.shipments {
        pairs[s.order].push(s.node);
    }
    let max_shipments = model.policy.max_shipments_per_order.unwrap_or(i64::MAX);
    let open_order = model
        .orders
        .iter()
        .zip(&pairs)
        .map(|(order, nodes)| {
            let shipments = nodes.len() as i64;
            shipments < max_shipments && !(order.ship_complete && shipments > 0)
        })
        .collect();
    let open_node = (0..model.nodes.len())
        .map(|n| ledger.shipments_left(n) > 0)
        .collect();
    let incumbent: HashSet<(OrderIdx, NodeIdx)> =
        plan.shipments.iter().map(|s| (s.order, s.node)).collect();
    let restrictions = Restrictions {
        growth: Some(serving::Growth {
            pairs,
            open_order,
            open_node,
        }),
        ..Restrictions::default()
    };
    let mut net = network::build(model, serving, &restrictions);
    net.load(plan);
    for k in 0..model.tiers.len() {
        net.open_tier(model, k, stop);
    }
    if stop() {
        return None;
    }
    let built = construct::construct(model, &net, serving, &incumbent);
    Some(spliced(
        model,
        (&plan.tier_fills(model), plan),
        built.allocation,
    ))
}

/// `plan`, or where it fills a tier less than `best` does, `best`'s plan down to that tier with
/// the lower tiers re-planned after `plan`'s.
fn spliced(
    model: &Model,
    (best_fills, best): (&[i64], &Allocation),
    plan: Allocation,
) -> Allocation {
    let fills = plan.tier_fills(model);
    let Some(worse) = (0..fills.len()).find(|&k| fills[k] != best_fills[k]) else {
        return plan;
    };
    if fills[worse] > best_fills[worse] {
        return plan;
    }
    let kept = Allocation {
        shipments: best
            .shipments
            .iter()
            .filter(|s| model.orders[s.order].tier <= worse)
            .cloned()
            .collect(),
    };
    construct::replan_lower_tiers(model, kept, &plan, worse)
}

/// The instant `share` of the time from now to `deadline` ends.
fn share_of_time_left(deadline: Instant, share: f64) -> Instant {
    let now = Instant::now();
    now + deadline.saturating_duration_since(now).mul_f64(share)
}

/// Units demanded per tier by orders that are not held.
fn tier_demand(model: &Model) -> Vec<i64> {
    let mut demand = vec![0; model.tiers.len()];
    for o in model.orders.iter().filter(|o| !o.is_held()) {
        demand[o.tier] += o.units();
    }
    demand
}
