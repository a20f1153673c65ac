//! Local search on a complete allocation, used to improve the MIP start of the cost stage and
//! the search's first plan. Two moves:
//! - [`reassign`]: each order in turn is re-sourced onto its cheapest set of shipments (any
//!   nodes and methods, one node being the consolidating case), when that lowers the cost
//!   (shipping, handling, late penalty, split penalty and node fixed costs);
//! - [`close_nodes`]: a node in use is emptied onto other nodes when the fixed cost saved
//!   outweighs the dearer shipping.
//!
//! Every order keeps its units per line, so tier fills, fill-or-kill and FIFO levels are
//! untouched; stock, reservations and capacity are respected through the ledger. The result is
//! never costlier than the input.

use std::time::Instant;

mod close_nodes;
mod reassign;
pub use close_nodes::close_nodes;
pub(crate) use reassign::book_cheapest_cover;
pub use reassign::{reassign, reassign_priced, reassign_until};

use super::greedy::coverable;
use super::ledger::Ledger;
use super::{units_per_line, Allocation, ShipmentDecision};
use crate::model::{Model, NodeIdx};

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
    let score = |a: &Allocation| crate::solver::plan_score::score(model, a).1;
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

/// Books `shipments` if the ledger can hold them all (lines of one SKU share the node's stock;
/// units and shipments share its capacity); otherwise leaves the ledger as it was.
pub(crate) fn book_if_room(
    model: &Model,
    ledger: &mut Ledger,
    shipments: &[ShipmentDecision],
) -> bool {
    for (i, s) in shipments.iter().enumerate() {
        let wanted = units_per_line(model, s.order, std::slice::from_ref(s));
        if coverable(model, ledger, s.order, s.node, &wanted) != wanted {
            apply(ledger, &shipments[..i], -1);
            return false;
        }
        ledger.book(s, 1);
    }
    true
}

fn fixed_cost_if_unused(model: &Model, ledger: &Ledger, node: NodeIdx) -> f64 {
    if ledger.node_shipments[node] == 0 {
        model.nodes[node].fixed_cost
    } else {
        0.0
    }
}
