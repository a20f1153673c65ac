//! The flow rounds: each round's flow made into a plan ([`construct`]), the best plan augmented
//! where it stands, and the next round's flow routed around the pairs the side rules refused.
//! The first round's flow is the engine's proof ([`FlowBounds`]).

use std::collections::HashSet;
use std::time::Instant;

use super::serving::{self, Restrictions};
use super::{construct, network};
use crate::model::{Model, NodeIdx, OrderIdx};
use crate::solver::ledger::Ledger;
use crate::solver::Allocation;

/// Flow rounds in a row that improve nothing, after which the rounds give their time to the
/// exact stages (each round rules out more pairs, but on a wave where the first round's plan is
/// already good, later rounds rebuild worse ones).
pub(super) const ROUNDS_PATIENCE: usize = 2;

/// The relaxation's bounds: `M_k`, the maximum flow over tiers `0..=k`, and each tier's demand.
#[derive(Debug, Clone)]
pub(super) struct FlowBounds {
    pub(super) cumulative: Vec<i64>,
    pub(super) demand: Vec<i64>,
}

impl FlowBounds {
    /// The proven upper bound on tier `k`'s fill over plans whose higher tiers fill at least
    /// `fills[j]` units, capped at the tier's demand.
    pub(super) fn bound(&self, k: usize, fills: &[i64]) -> i64 {
        let higher: i64 = fills[..k].iter().sum();
        (self.cumulative[k] - higher).min(self.demand[k])
    }

    pub(super) fn all_met(&self, fills: &[i64]) -> bool {
        (0..fills.len()).all(|k| self.bound(k, fills) == fills[k])
    }
}

/// The flow rounds' state: the best plan so far and what the rounds have ruled out.
pub(super) struct Rounds<'m> {
    pub(super) model: &'m Model,
    pub(super) serving: Vec<Vec<NodeIdx>>,
    pub(super) best: (Vec<i64>, Allocation),
    pub(super) restrictions: Restrictions,
    /// The first round's flow: the proof.
    pub(super) flow: Option<FlowBounds>,
    pub(super) rounds: usize,
    pub(super) size: (usize, usize),
}

impl Rounds<'_> {
    /// Rounds until every tier meets its flow bound, a round rules out nothing new, `patience`
    /// rounds in a row improve nothing (when given), or `stop_rounds`; the first round's flow
    /// (the proof) and its first augmentation run until `stop`.
    pub(super) fn run(
        &mut self,
        stop: &dyn Fn() -> bool,
        stop_rounds: &dyn Fn() -> bool,
        patience: Option<usize>,
    ) {
        let model = self.model;
        let mut idle = 0;
        while !stop_rounds() && patience.is_none_or(|p| idle < p) {
            let before = self.best.0.clone();
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
            idle = if self.best.0 > before { 0 } else { idle + 1 };
            if !self.restrictions.absorb(built.restrictions) {
                return;
            }
        }
    }

    /// Keeps `plan` if it is lexicographically better; whether it was.
    pub(super) fn consider(&mut self, plan: Allocation) -> bool {
        let fills = plan.tier_fills(self.model);
        let better = fills > self.best.0;
        if better {
            self.best = (fills, plan);
        }
        better
    }
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

/// Units demanded per tier by orders that are not held.
fn tier_demand(model: &Model) -> Vec<i64> {
    let mut demand = vec![0; model.tiers.len()];
    for o in model.orders.iter().filter(|o| !o.is_held()) {
        demand[o.tier] += o.units();
    }
    demand
}
