//! The *reassign* move: each order in turn is re-sourced onto the cheapest set of shipments that
//! ships exactly the units per line it gets now, found by the exact cover search
//! ([`crate::solver::cover`]) over what the ledger has left. It generalises consolidation (one
//! node) to any set of nodes and methods, so an order split over three nodes can move to two
//! cheaper ones, or onto a faster method that is no longer late.

use std::collections::BTreeMap;
use std::time::Instant;

use super::{apply, book_if_room, fixed_cost_if_unused, shipment_cost};
use crate::model::{Model, OrderIdx};
use crate::solver::bound::Prices;
use crate::solver::cover::{
    max_shipments, shipment_options, CoverMode, CoverProblem, CoverWorkspace,
};
use crate::solver::ledger::Ledger;
use crate::solver::{units_per_line, Allocation, ShipmentDecision};

/// Branch-and-bound nodes one order's search may use.
const NODE_BUDGET: usize = 2_000;

/// The allocation with each order (in priority order) moved onto its cheapest cover where that
/// is cheaper than what it has. Fills per line are unchanged; never costlier than the input.
pub fn reassign(model: &Model, allocation: &Allocation) -> Allocation {
    reassign_until(model, allocation, None)
}

/// [`reassign`] with costs priced: each unit of a SKU taken at a node also costs that (node,
/// SKU)'s stock price and the node's unit price, each shipment the node's shipment price (the
/// Lagrangian relaxation's prices, [`crate::solver::bound::Prices`]). Contested stock is dear,
/// so orders that have a nearly as good cover elsewhere leave it to orders that have none. Moves
/// are taken when they lower the priced cost, so the real cost may rise; callers compare.
/// Orders not reached by `deadline` are left as they are.
pub fn reassign_priced(
    model: &Model,
    allocation: &Allocation,
    prices: &Prices,
    deadline: Option<Instant>,
) -> Allocation {
    reassign_with(model, allocation, deadline, Some(prices))
}

/// [`reassign`], leaving the orders not yet reached as they are once `deadline` passes.
pub fn reassign_until(
    model: &Model,
    allocation: &Allocation,
    deadline: Option<Instant>,
) -> Allocation {
    reassign_with(model, allocation, deadline, None)
}

fn reassign_with(
    model: &Model,
    allocation: &Allocation,
    deadline: Option<Instant>,
    prices: Option<&Prices>,
) -> Allocation {
    let mut ledger = Ledger::of_allocation(model, allocation);
    let mut by_order: BTreeMap<OrderIdx, Vec<ShipmentDecision>> = BTreeMap::new();
    for s in &allocation.shipments {
        by_order.entry(s.order).or_default().push(s.clone());
    }
    let mut ws = CoverWorkspace::default();
    for (i, order) in model.priority_order().into_iter().enumerate() {
        if i % 64 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        let Some(current) = by_order.get(&order) else {
            continue;
        };
        if let Some(better) = best_cover(model, &mut ledger, order, current, prices, &mut ws) {
            by_order.insert(order, better);
        }
    }
    let mut out = Allocation {
        shipments: by_order.into_values().flatten().collect(),
    };
    out.normalise();
    out
}

/// The order's shipments' cost, split penalty included, plus their prices when given.
fn cost_of(model: &Model, shipments: &[ShipmentDecision], prices: Option<&Prices>) -> Option<f64> {
    let mut cost = model.policy.split_penalty * (shipments.len() as f64 - 1.0).max(0.0);
    for s in shipments {
        cost += shipment_cost(model, s)?;
        if let Some(p) = prices {
            cost += p.shipments[s.node];
            let o = &model.orders[s.order];
            for &(line, qty) in &s.lines {
                let unit = p.stock_price(s.node, o.lines[line].sku) + p.units[s.node];
                cost += unit * qty as f64;
            }
        }
    }
    Some(cost)
}

/// The order's cheapest cover, if cheaper than `current` (fixed costs of nodes it would open or
/// leave counted). The ledger ends up holding the order's shipments (the new or the old ones).
fn best_cover(
    model: &Model,
    ledger: &mut Ledger,
    order: OrderIdx,
    current: &[ShipmentDecision],
    prices: Option<&Prices>,
    ws: &mut CoverWorkspace,
) -> Option<Vec<ShipmentDecision>> {
    let filled = units_per_line(model, order, current);
    let mut current_cost = cost_of(model, current, prices)?;
    apply(ledger, current, -1);
    // Fixed costs that leaving these nodes would save.
    current_cost += unused_nodes_fixed_cost(model, ledger, current);
    let moved = book_cheapest_cover(model, ledger, order, &filled, prices, current_cost, ws);
    if moved.is_none() {
        apply(ledger, current, 1);
    }
    moved
}

/// The order's cheapest set of shipments of exactly `filled` units per line within what the
/// ledger has left (with the fixed costs of the nodes it would open, and `prices` when given),
/// booked on the ledger, when one costs less than `to_beat`; otherwise the ledger is unchanged.
pub(crate) fn book_cheapest_cover(
    model: &Model,
    ledger: &mut Ledger,
    order: OrderIdx,
    filled: &[i64],
    prices: Option<&Prices>,
    to_beat: f64,
    ws: &mut CoverWorkspace,
) -> Option<Vec<ShipmentDecision>> {
    let o = &model.orders[order];
    let options: Vec<_> = shipment_options(model, order)
        .into_iter()
        .filter(|c| ledger.shipments_left(c.node) > 0)
        .collect();
    let mut ship_cost = Vec::with_capacity(options.len());
    let mut unit_cost = Vec::with_capacity(options.len() * filled.len());
    let mut upper = Vec::with_capacity(options.len() * filled.len());
    for c in &options {
        let (ship_price, unit_price) =
            prices.map_or((0.0, 0.0), |p| (p.shipments[c.node], p.units[c.node]));
        ship_cost.push(c.per_shipment + ship_price + fixed_cost_if_unused(model, ledger, c.node));
        let units_left = ledger.units_left(c.node);
        for (l, line) in o.lines.iter().enumerate() {
            let stock_price = prices.map_or(0.0, |p| p.stock_price(c.node, line.sku));
            unit_cost.push(c.per_unit + unit_price + stock_price);
            let usable = ledger.usable(o.channel, c.node, line.sku).min(units_left);
            upper.push(if o.ship_complete && usable < filled[l] {
                0
            } else {
                usable.min(filled[l])
            });
        }
    }
    let problem = CoverProblem {
        qty: filled,
        ship_cost: &ship_cost,
        unit_cost: &unit_cost,
        upper: &upper,
        mode: CoverMode::Exact,
        split_penalty: model.policy.split_penalty,
        max_shipments: max_shipments(model, order),
        incumbent: to_beat - 1e-9,
        node_budget: NODE_BUDGET,
    };
    problem.solve(ws).best.and_then(|(_, set)| {
        let shipments = problem.shipments_of(order, &options, &set);
        book_if_fits(model, ledger, &shipments, to_beat, prices).then_some(shipments)
    })
}

/// The fixed costs of the nodes `shipments` use that the ledger has no shipment at, each once.
fn unused_nodes_fixed_cost(model: &Model, ledger: &Ledger, shipments: &[ShipmentDecision]) -> f64 {
    let mut nodes: Vec<usize> = shipments.iter().map(|s| s.node).collect();
    nodes.sort_unstable();
    nodes.dedup();
    nodes
        .iter()
        .map(|&n| fixed_cost_if_unused(model, ledger, n))
        .sum()
}

/// Books `shipments` if the ledger can hold them all ([`book_if_room`]) and, with the fixed
/// costs of the nodes they open, they cost less than `to_beat`. Otherwise the ledger is left as
/// it was.
fn book_if_fits(
    model: &Model,
    ledger: &mut Ledger,
    shipments: &[ShipmentDecision],
    to_beat: f64,
    prices: Option<&Prices>,
) -> bool {
    if shipments.is_empty() {
        return false;
    }
    let Some(mut cost) = cost_of(model, shipments, prices) else {
        return false;
    };
    // Fixed costs of the nodes these shipments would open.
    cost += unused_nodes_fixed_cost(model, ledger, shipments);
    cost < to_beat - 1e-9 && book_if_room(model, ledger, shipments)
}
