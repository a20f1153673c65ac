//! Closing nodes: a node's fixed cost is saved only when every shipment leaves it, which no
//! one-order move ([`super::reassign`]) can see. This move empties one node at a time: each
//! of its shipments goes whole to another node (merged into the order's shipment there when the
//! order has one, or as a new shipment), the cheapest that has the stock, reservation headroom
//! and capacity. The move is kept only when the wave's cost falls, fixed costs included. Every
//! order keeps its units per line, so tier fills, fill-or-kill and FIFO levels are untouched.
//!
//! This is the DROP move of the facility-location heuristics (Kuehn and Hamburger 1963). It
//! matters for waves whose node fixed costs dominate shipping, where a nearest-node greedy plan
//! opens far too many nodes (OR-Library capa: greedy pays 10× the optimum).

use std::collections::HashMap;

use super::shipment_cost;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::ledger::Ledger;
use crate::solver::{Allocation, ShipmentDecision};

/// Passes over the nodes; a pass that closes nothing ends the search earlier.
const MAX_PASSES: usize = 4;

/// A move must save at least this much (relative to the wave's cost) to be kept.
const MIN_RELATIVE_SAVING: f64 = 1e-9;

/// The allocation with nodes closed where that lowers the cost.
pub fn close_nodes(model: &Model, allocation: &Allocation) -> Allocation {
    let mut plan = allocation.clone();
    plan.normalise();
    let mut ledger = Ledger::of_allocation(model, &plan);
    let wave_cost: f64 = plan
        .shipments
        .iter()
        .filter_map(|s| shipment_cost(model, s))
        .sum();
    let min_saving = MIN_RELATIVE_SAVING * wave_cost.abs().max(1.0);
    for _ in 0..MAX_PASSES {
        let mut closed_any = false;
        for node in nodes_worth_closing(model, &ledger) {
            if ledger.node_shipments[node] == 0 {
                continue;
            }
            if let Some(better) = try_close(model, &mut ledger, &plan, node, min_saving) {
                // Rebuilt rather than patched: two moved shipments may have merged into one.
                ledger = Ledger::of_allocation(model, &better);
                plan = better;
                closed_any = true;
            }
        }
        if !closed_any {
            break;
        }
    }
    plan
}

/// Nodes in use that have a fixed cost, the costliest first (index breaks ties).
fn nodes_worth_closing(model: &Model, ledger: &Ledger) -> Vec<NodeIdx> {
    let mut nodes: Vec<NodeIdx> = (0..model.nodes.len())
        .filter(|&n| ledger.node_shipments[n] > 0 && model.nodes[n].fixed_cost > 0.0)
        .collect();
    nodes.sort_by(|&a, &b| {
        model.nodes[b]
            .fixed_cost
            .total_cmp(&model.nodes[a].fixed_cost)
            .then(a.cmp(&b))
    });
    nodes
}

/// Where one moved shipment went.
enum Placement {
    /// Into the order's existing shipment with this index in the plan.
    Merged(usize, ShipmentDecision),
    /// As a shipment of its own.
    New(ShipmentDecision),
}

impl Placement {
    fn shipment(&self) -> &ShipmentDecision {
        match self {
            Placement::Merged(_, s) | Placement::New(s) => s,
        }
    }

    /// Books it in the ledger (or with −1 gives it back); a merge takes no new shipment slot.
    fn book(&self, ledger: &mut Ledger, sign: i64) {
        ledger.book(self.shipment(), sign);
        if let Placement::Merged(..) = self {
            ledger.open_shipment(self.shipment().node, -sign);
        }
    }
}

/// Empties `node` if that saves more than `min_saving`. When the move is not kept the ledger is
/// left as it was; when it is, the caller rebuilds it from the plan returned.
fn try_close(
    model: &Model,
    ledger: &mut Ledger,
    plan: &Allocation,
    node: NodeIdx,
    min_saving: f64,
) -> Option<Allocation> {
    let mut moving: Vec<usize> = (0..plan.shipments.len())
        .filter(|&i| plan.shipments[i].node == node)
        .collect();
    moving.sort_by_key(|&i| (std::cmp::Reverse(plan.shipments[i].units()), i));
    let mut others_of_order: HashMap<OrderIdx, Vec<usize>> = HashMap::new();
    for &i in &moving {
        others_of_order.entry(plan.shipments[i].order).or_default();
    }
    for (i, s) in plan.shipments.iter().enumerate() {
        if s.node != node {
            if let Some(list) = others_of_order.get_mut(&s.order) {
                list.push(i);
            }
        }
    }

    let old_costs: Vec<f64> = moving
        .iter()
        .map(|&i| shipment_cost(model, &plan.shipments[i]))
        .collect::<Option<_>>()?;
    // The fixed cost saved, less what each move adds. Once the moves made so far have used up
    // the saving the attempt stops: the remaining moves rarely get cheaper (each order's
    // shipments are already where one-order moves put them), and large nodes would otherwise
    // cost a full pass of placements per attempt.
    let mut delta = -model.nodes[node].fixed_cost;
    for &i in &moving {
        ledger.book(&plan.shipments[i], -1);
    }
    let mut placements: Vec<Placement> = Vec::with_capacity(moving.len());
    for (&i, old_cost) in moving.iter().zip(&old_costs) {
        let s = &plan.shipments[i];
        let others = &others_of_order[&s.order];
        match cheapest_placement(model, ledger, plan, s, node, others) {
            Some((cost, placement)) => {
                placement.book(ledger, 1);
                delta += cost - old_cost;
                placements.push(placement);
            }
            None => {
                undo(ledger, plan, &moving, &placements);
                return None;
            }
        }
        if delta >= -min_saving {
            undo(ledger, plan, &moving, &placements);
            return None;
        }
    }
    if delta >= -min_saving {
        undo(ledger, plan, &moving, &placements);
        return None;
    }
    let mut shipments = plan.shipments.clone();
    for placement in &placements {
        match placement {
            Placement::Merged(target, s) => shipments[*target].lines.extend(s.lines.iter()),
            Placement::New(s) => shipments.push(s.clone()),
        }
    }
    let mut better = Allocation {
        shipments: shipments.into_iter().filter(|s| s.node != node).collect(),
    };
    better.normalise();
    Some(better)
}

fn undo(ledger: &mut Ledger, plan: &Allocation, moving: &[usize], placements: &[Placement]) {
    for placement in placements {
        placement.book(ledger, -1);
    }
    for &i in moving {
        ledger.book(&plan.shipments[i], 1);
    }
}

/// The cheapest other node for a shipment's lines, with the marginal cost of putting them there
/// (the receiving node's fixed cost included when it is not yet in use).
fn cheapest_placement(
    model: &Model,
    ledger: &Ledger,
    plan: &Allocation,
    moved: &ShipmentDecision,
    closing: NodeIdx,
    others: &[usize],
) -> Option<(f64, Placement)> {
    let units = moved.units() as f64;
    let late = model.policy.late_rate();
    let mut best: Option<(f64, NodeIdx, MethodIdx, Option<usize>)> = None;
    let mut consider = |cost: f64, node: NodeIdx, method: MethodIdx, merge: Option<usize>| {
        if best.as_ref().is_none_or(|b| cost < b.0 - 1e-12) {
            best = Some((cost, node, method, merge));
        }
    };
    for &j in others {
        let target = &plan.shipments[j];
        let Some(q) = model.eligible_quote(moved.order, target.node, target.method) else {
            continue;
        };
        if fits(model, ledger, moved, target.node, false) {
            let cost = q.per_unit_total() * units - model.policy.split_penalty;
            consider(cost, target.node, target.method, Some(j));
        }
    }
    for node in (0..model.nodes.len()).filter(|&n| n != closing) {
        if !fits(model, ledger, moved, node, true) {
            continue;
        }
        let fixed = if ledger.node_shipments[node] == 0 {
            model.nodes[node].fixed_cost
        } else {
            0.0
        };
        for method in 0..model.methods.len() {
            if let Some(q) = model.eligible_quote(moved.order, node, method) {
                let cost = q.per_shipment_total(late) + q.per_unit_total() * units + fixed;
                consider(cost, node, method, None);
            }
        }
    }
    let (cost, node, method, merge) = best?;
    let shipment = ShipmentDecision {
        order: moved.order,
        node,
        method,
        lines: moved.lines.clone(),
    };
    let placement = match merge {
        Some(j) => Placement::Merged(j, shipment),
        None => Placement::New(shipment),
    };
    Some((cost, placement))
}

/// Whether `node` can take the shipment's units now: stock under every reservation, units
/// capacity, and a shipment slot unless it merges into a shipment already there.
fn fits(
    model: &Model,
    ledger: &Ledger,
    moved: &ShipmentDecision,
    node: NodeIdx,
    needs_slot: bool,
) -> bool {
    if needs_slot && ledger.shipments_left(node) == 0 {
        return false;
    }
    if ledger.units_left(node) < moved.units() {
        return false;
    }
    let order = &model.orders[moved.order];
    let mut by_sku: Vec<(usize, i64)> = Vec::with_capacity(moved.lines.len());
    for &(line, qty) in &moved.lines {
        let sku = order.lines[line].sku;
        match by_sku.iter_mut().find(|(s, _)| *s == sku) {
            Some(entry) => entry.1 += qty,
            None => by_sku.push((sku, qty)),
        }
    }
    by_sku
        .iter()
        .all(|&(sku, qty)| ledger.usable(order.channel, node, sku) >= qty)
}
