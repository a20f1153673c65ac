//! The rule-based router most OMSs run today, kept as the baseline and as the MIP's fallback
//! incumbent.
//!
//! Orders are taken in priority order (tier, then `placed_at`, then id). Each takes the cheapest
//! eligible node that holds every line in full; failing that it splits, each time taking the
//! node that covers the most remaining units (cheaper first on ties), up to
//! `max_shipments_per_order`. Every hard rule holds: reservations, stock, capacity,
//! ship-complete, fill-or-kill, holds, eligibility and hard SLA.

use std::time::Instant;

use super::allocation::{Allocation, ShipmentDecision, SolveOutcome};
use super::ledger::Ledger;
use crate::format::PlanStatus;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};

/// A node's best way to ship a given order: the cheapest method for the whole order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub node: NodeIdx,
    pub method: MethodIdx,
    pub cost: f64,
}

pub fn solve(model: &Model) -> SolveOutcome {
    let started = Instant::now();
    let allocation = route(model);
    SolveOutcome {
        allocation,
        status: PlanStatus::Feasible,
        bound: 0.0,
        gap: f64::INFINITY,
        engine: "greedy",
        stages: vec![crate::format::StageStats {
            name: "greedy".to_string(),
            status: "heuristic".to_string(),
            objective: None,
            bound: None,
            gap: None,
            time_ms: started.elapsed().as_millis() as u64,
            variables: 0,
            constraints: 0,
        }],
        variables: 0,
        constraints: 0,
        components: 0,
        notes: vec!["greedy baseline: no optimality bound is proven".to_string()],
    }
}

/// Routes every order greedily and returns the shipments.
pub fn route(model: &Model) -> Allocation {
    route_onto(model, Allocation::default(), |_| true)
}

/// `base` plus greedy routes for the orders of tier `tier` that `base` does not serve, on the
/// stock and capacity `base` leaves. A complete start for the MIP's stage of that tier.
pub fn extend(model: &Model, base: &Allocation, tier: usize) -> Allocation {
    let served: std::collections::HashSet<OrderIdx> =
        base.shipments.iter().map(|s| s.order).collect();
    route_onto(model, base.clone(), |order| {
        model.orders[order].tier == tier && !served.contains(&order)
    })
}

/// Routes, in priority order, every order that is not held and that `include` accepts, on the
/// stock and capacity `allocation` leaves, and adds their shipments to it.
fn route_onto(
    model: &Model,
    mut allocation: Allocation,
    include: impl Fn(OrderIdx) -> bool,
) -> Allocation {
    let mut ledger = Ledger::of_allocation(model, &allocation);
    for order in model.priority_order() {
        if model.orders[order].is_held() || !include(order) {
            continue;
        }
        let shipments = route_order(model, &mut ledger, order);
        allocation.shipments.extend(shipments);
    }
    allocation.normalise();
    allocation
}

/// Every node's best way to ship the whole order, cheapest first.
pub(crate) fn candidates(model: &Model, order: OrderIdx) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = (0..model.nodes.len())
        .filter_map(|node| candidate_at(model, order, node))
        .collect();
    out.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(a.node.cmp(&b.node)));
    out
}

/// The cheapest eligible method at `node` for the whole order, if any.
pub(crate) fn candidate_at(model: &Model, order: OrderIdx, node: NodeIdx) -> Option<Candidate> {
    let units = model.orders[order].units();
    let late = model.policy.late_rate();
    let mut best: Option<Candidate> = None;
    for method in 0..model.methods.len() {
        let Some(q) = model.eligible_quote(order, node, method) else {
            continue;
        };
        let cost = q.per_shipment_total(late) + q.per_unit_total() * units as f64;
        if best.is_none_or(|b| cost < b.cost) {
            best = Some(Candidate { node, method, cost });
        }
    }
    best
}

/// Units of each line this node could give the order right now (stock, reservations, capacity).
pub(crate) fn coverable(
    model: &Model,
    ledger: &Ledger,
    order: OrderIdx,
    node: NodeIdx,
    remaining: &[i64],
) -> Vec<i64> {
    let o = &model.orders[order];
    let mut budget = ledger.units_left(node);
    if ledger.shipments_left(node) == 0 {
        budget = 0;
    }
    // Lines of the same SKU share the node's usable stock.
    let mut taken_by_sku: Vec<(usize, i64)> = Vec::new();
    let mut out = vec![0; o.lines.len()];
    for (li, line) in o.lines.iter().enumerate() {
        let already = taken_by_sku
            .iter()
            .find(|(s, _)| *s == line.sku)
            .map_or(0, |&(_, q)| q);
        let usable = (ledger.usable(o.channel, node, line.sku) - already).max(0);
        let q = remaining[li].min(usable).min(budget);
        out[li] = q;
        budget -= q;
        match taken_by_sku.iter_mut().find(|(s, _)| *s == line.sku) {
            Some(entry) => entry.1 += q,
            None => taken_by_sku.push((line.sku, q)),
        }
    }
    out
}

/// Books a shipment of `qty` units per line from candidate `c` and returns it.
pub(crate) fn commit(
    ledger: &mut Ledger,
    order: OrderIdx,
    c: Candidate,
    qty: &[i64],
) -> ShipmentDecision {
    let shipment = ShipmentDecision {
        order,
        node: c.node,
        method: c.method,
        lines: qty
            .iter()
            .enumerate()
            .filter(|&(_, &q)| q > 0)
            .map(|(li, &q)| (li, q))
            .collect(),
    };
    ledger.book(&shipment, 1);
    shipment
}

fn route_order(model: &Model, ledger: &mut Ledger, order: OrderIdx) -> Vec<ShipmentDecision> {
    let mut shipments = Vec::new();
    complete_order(model, ledger, order, &mut shipments);
    shipments
}

/// Adds to `shipments` (the order's so far, maybe none) what the order still lacks, booking it
/// in `ledger`:
/// 1. with no shipment yet, the cheapest node that ships all of it at once (a ship-complete
///    order takes nothing else);
/// 2. otherwise each time the unused node covering the most remaining units (cheaper first on
///    ties), up to `max_shipments_per_order`.
///
/// A fill-or-kill order still short gives everything back; returns whether it did.
pub(crate) fn complete_order(
    model: &Model,
    ledger: &mut Ledger,
    order: OrderIdx,
    shipments: &mut Vec<ShipmentDecision>,
) -> bool {
    let o = &model.orders[order];
    let mut remaining: Vec<i64> = o.lines.iter().map(|l| l.qty).collect();
    for s in shipments.iter() {
        for &(line, q) in &s.lines {
            remaining[line] -= q;
        }
    }
    if remaining.iter().all(|&r| r <= 0) {
        return false;
    }
    let cands = candidates(model, order);

    // 1. The cheapest node that ships the whole order at once.
    if shipments.is_empty() {
        for &c in &cands {
            let cover = coverable(model, ledger, order, c.node, &remaining);
            if cover == remaining {
                shipments.push(commit(ledger, order, c, &cover));
                return false;
            }
        }
    }
    if o.ship_complete {
        return false;
    }

    // 2. Split: each time the node covering the most remaining units.
    let max_shipments = model.policy.max_shipments_per_order.unwrap_or(i64::MAX);
    let mut used: Vec<bool> = cands
        .iter()
        .map(|c| shipments.iter().any(|s| s.node == c.node))
        .collect();
    while remaining.iter().any(|&r| r > 0) && (shipments.len() as i64) < max_shipments {
        let mut best: Option<(usize, Vec<i64>, i64)> = None;
        for (ci, c) in cands.iter().enumerate() {
            if used[ci] {
                continue;
            }
            let cover = coverable(model, ledger, order, c.node, &remaining);
            let units: i64 = cover.iter().sum();
            // Candidates are sorted by cost, so a strict improvement keeps the cheaper on ties.
            if units > 0 && best.as_ref().is_none_or(|b| units > b.2) {
                best = Some((ci, cover, units));
            }
        }
        let Some((ci, cover, _)) = best else { break };
        used[ci] = true;
        for (r, q) in remaining.iter_mut().zip(&cover) {
            *r -= q;
        }
        shipments.push(commit(ledger, order, cands[ci], &cover));
    }

    if o.fill_or_kill && remaining.iter().any(|&r| r > 0) {
        for s in shipments.drain(..) {
            ledger.book(&s, -1);
        }
        return true;
    }
    false
}
