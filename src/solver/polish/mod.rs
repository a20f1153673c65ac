//! Local search on a complete allocation, used to improve the MIP start of the cost stage and
//! the search's first plan. Three moves:
//! - [`consolidate`]: each order in turn is re-sourced onto the single cheapest node that can
//!   ship everything the order currently gets, when that lowers the cost (shipping, handling,
//!   late penalty, split penalty and node fixed costs);
//! - [`reassign`]: each order in turn is re-sourced onto its cheapest set of shipments (any
//!   nodes and methods), which includes every move consolidation makes;
//! - [`close_nodes`]: a node in use is emptied onto other nodes when the fixed cost saved
//!   outweighs the dearer shipping.
//!
//! Every order keeps its units per line, so tier fills, fill-or-kill and FIFO levels are
//! untouched; stock, reservations and capacity are respected through the ledger. The result is
//! never costlier than the input.

use std::collections::BTreeMap;
use std::time::Instant;

mod close_nodes;
mod reassign;
pub use close_nodes::close_nodes;
pub use reassign::{reassign, reassign_priced, reassign_until};

use super::greedy::{candidates, coverable};
use super::ledger::Ledger;
use super::{Allocation, ShipmentDecision};
use crate::model::{Model, NodeIdx, OrderIdx};

/// The moves together: orders reassigned pass after pass while a pass saves at least
/// [`MIN_PASS_GAIN`] of the cost (at most [`MAX_REASSIGN_PASSES`]), nodes closed, and, when a
/// node closed, orders reassigned again onto the nodes left open.
pub fn improve(model: &Model, allocation: &Allocation) -> Allocation {
    improve_until(model, allocation, None)
}

/// [`improve`], with no move started after `deadline` (a reassignment pass under way leaves the
/// orders it has not reached as they are).
pub fn improve_until(
    model: &Model,
    allocation: &Allocation,
    deadline: Option<Instant>,
) -> Allocation {
    // Reassignment considers every single-node cover consolidation would, and more.
    let reassigned = reassign_passes(model, allocation.clone(), deadline);
    if deadline.is_some_and(|d| Instant::now() >= d) {
        return reassigned;
    }
    let closed = close_nodes(model, &reassigned);
    if closed.shipments == reassigned.shipments {
        // Nothing closed: another pass rarely finds more, and costs seconds on XL.
        return closed;
    }
    reassign_until(model, &closed, deadline)
}

/// Reassignment passes stop when one saves less than this share of the cost.
const MIN_PASS_GAIN: f64 = 0.002;
const MAX_REASSIGN_PASSES: usize = 4;

fn reassign_passes(
    model: &Model,
    mut allocation: Allocation,
    deadline: Option<Instant>,
) -> Allocation {
    // Fills are unchanged by reassignment, so the search's score compares costs.
    let score = |a: &Allocation| crate::solver::mip::lns::score(model, a).1;
    let mut cost = score(&allocation);
    for _ in 0..MAX_REASSIGN_PASSES {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let next = reassign_until(model, &allocation, deadline);
        let next_cost = score(&next);
        let gain = cost - next_cost;
        allocation = next;
        cost = next_cost;
        if gain < MIN_PASS_GAIN * cost.abs().max(1.0) {
            break;
        }
    }
    allocation
}

/// The allocation with orders consolidated where that is cheaper.
pub fn consolidate(model: &Model, allocation: &Allocation) -> Allocation {
    let mut ledger = Ledger::of_allocation(model, allocation);
    let mut by_order: BTreeMap<OrderIdx, Vec<ShipmentDecision>> = BTreeMap::new();
    for s in &allocation.shipments {
        by_order.entry(s.order).or_default().push(s.clone());
    }
    for order in model.priority_order() {
        let Some(current) = by_order.get(&order) else {
            continue;
        };
        if let Some(better) = resource(model, &mut ledger, order, current) {
            by_order.insert(order, vec![better]);
        }
    }
    let mut out = Allocation {
        shipments: by_order.into_values().flatten().collect(),
    };
    out.normalise();
    out
}

pub(super) fn shipment_cost(model: &Model, s: &ShipmentDecision) -> Option<f64> {
    let q = model.eligible_quote(s.order, s.node, s.method)?;
    let late = model.policy.late_rate();
    Some(q.per_shipment_total(late) + q.per_unit_total() * s.units() as f64)
}

fn apply(ledger: &mut Ledger, shipments: &[ShipmentDecision], sign: i64) {
    for s in shipments {
        ledger.book(s, sign);
    }
}

fn fixed_cost_if_unused(model: &Model, ledger: &Ledger, node: NodeIdx) -> f64 {
    if ledger.node_shipments[node] == 0 {
        model.nodes[node].fixed_cost
    } else {
        0.0
    }
}

/// One order moved onto one node, if cheaper. The ledger ends up holding the order's shipments
/// (the new one or the old ones).
fn resource(
    model: &Model,
    ledger: &mut Ledger,
    order: OrderIdx,
    current: &[ShipmentDecision],
) -> Option<ShipmentDecision> {
    let o = &model.orders[order];
    let mut filled = vec![0i64; o.lines.len()];
    let mut current_cost = model.policy.split_penalty * (current.len() as f64 - 1.0).max(0.0);
    for s in current {
        current_cost += shipment_cost(model, s)?;
        for &(line, qty) in &s.lines {
            filled[line] += qty;
        }
    }
    apply(ledger, current, -1);
    let mut nodes: Vec<NodeIdx> = current.iter().map(|s| s.node).collect();
    nodes.dedup();
    // Fixed costs that leaving these nodes would save.
    current_cost += nodes
        .iter()
        .map(|&n| fixed_cost_if_unused(model, ledger, n))
        .sum::<f64>();

    let units: i64 = filled.iter().sum();
    let late = model.policy.late_rate();
    let mut best: Option<(f64, ShipmentDecision)> = None;
    for c in candidates(model, order) {
        if coverable(model, ledger, order, c.node, &filled) != filled {
            continue;
        }
        let Some(q) = model.eligible_quote(order, c.node, c.method) else {
            continue;
        };
        let cost = q.per_shipment_total(late)
            + q.per_unit_total() * units as f64
            + fixed_cost_if_unused(model, ledger, c.node);
        if cost < current_cost - 1e-9 && best.as_ref().is_none_or(|b| cost < b.0) {
            let lines = filled
                .iter()
                .enumerate()
                .filter(|&(_, &q)| q > 0)
                .map(|(l, &q)| (l, q))
                .collect();
            let shipment = ShipmentDecision {
                order,
                node: c.node,
                method: c.method,
                lines,
            };
            best = Some((cost, shipment));
        }
    }
    match best {
        Some((_, shipment)) => {
            apply(ledger, std::slice::from_ref(&shipment), 1);
            Some(shipment)
        }
        None => {
            apply(ledger, current, 1);
            None
        }
    }
}
