//! Columns for the cover pool: one order's cheapest cover of exactly its current units per line,
//! at real cost or with the master LP's row prices added, found by the exact cover search
//! ([`crate::solver::cover`]). Stock is limited only by what each node holds: the master's rows
//! decide what the orders share.

use std::collections::HashMap;

use crate::model::{Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::cover::{
    max_shipments, CoverMode, CoverProblem, CoverWorkspace, ShipmentOption,
};
use crate::solver::polish::shipment_cost;
use crate::solver::ShipmentDecision;

/// Branch-and-bound nodes one order's cover search may use.
const NODE_BUDGET: usize = 2_000;

/// What the master LP's duals charge: per unit of a SKU at a node, per unit and per shipment
/// at a node (all ≥ 0), what a unit filled in a tier is worth (≥ 0, tier rows), and each order's
/// convexity dual (what its cheapest column may cost).
#[derive(Debug, Default, Clone)]
pub(super) struct RowPrices {
    pub stock: HashMap<(NodeIdx, SkuIdx), f64>,
    pub units: Vec<f64>,
    pub shipments: Vec<f64>,
    pub tiers: Vec<f64>,
    pub orders: HashMap<OrderIdx, f64>,
}

impl RowPrices {
    pub fn new(model: &Model) -> Self {
        RowPrices {
            units: vec![0.0; model.nodes.len()],
            shipments: vec![0.0; model.nodes.len()],
            tiers: vec![0.0; model.tiers.len()],
            ..Default::default()
        }
    }
}

/// One order's fixed data for pricing: its undominated shipment options, the units per line its
/// covers ship (exactly, or at most with `optional`), and what a unit filled is worth to the
/// master's objective (the unfilled penalty under `weighted`, else 0).
pub(super) struct OrderToPrice {
    pub order: OrderIdx,
    pub qty: Vec<i64>,
    pub optional: bool,
    pub reward: f64,
    pub options: Vec<ShipmentOption>,
}

/// The order's cheapest cover at real cost plus `prices` (none: real cost alone), as shipments,
/// with its priced value; `None` when no cover exists within the node budget.
pub(super) fn cheapest_cover(
    model: &Model,
    order: &OrderToPrice,
    prices: Option<&RowPrices>,
    ws: &mut CoverWorkspace,
) -> Option<(f64, Vec<ShipmentDecision>)> {
    let o = &model.orders[order.order];
    let lines = o.lines.len();
    let mut ship_cost = Vec::with_capacity(order.options.len());
    let mut unit_cost = Vec::with_capacity(order.options.len() * lines);
    let mut upper = Vec::with_capacity(order.options.len() * lines);
    for c in &order.options {
        let node = &model.nodes[c.node];
        let (ship_price, unit_price) =
            prices.map_or((0.0, 0.0), |p| (p.shipments[c.node], p.units[c.node]));
        ship_cost.push(c.per_shipment + ship_price);
        for (l, line) in o.lines.iter().enumerate() {
            let stock_price = prices
                .and_then(|p| p.stock.get(&(c.node, line.sku)).copied())
                .unwrap_or(0.0);
            unit_cost.push(c.per_unit + unit_price + stock_price);
            let held = model
                .available(c.node, line.sku)
                .min(node.capacity_units.unwrap_or(i64::MAX));
            let want = order.qty[l];
            upper.push(if o.ship_complete && held < want {
                0
            } else {
                held.min(want)
            });
        }
    }
    // Units are worth the order's reward plus, at prices, its tier's price.
    let reward = order.reward + prices.map_or(0.0, |p| p.tiers[o.tier]);
    if reward != 0.0 {
        unit_cost.iter_mut().for_each(|c| *c -= reward);
    }
    let (mode, incumbent) = if order.optional {
        // Nothing (value 0) is the alternative; with prices, a column must beat the order's dual.
        let dual = prices.map_or(0.0, |p| p.orders.get(&order.order).copied().unwrap_or(0.0));
        let mode = if o.ship_complete || o.fill_or_kill {
            CoverMode::Exact
        } else {
            CoverMode::Optional
        };
        (mode, dual.min(0.0))
    } else {
        (CoverMode::Exact, f64::INFINITY)
    };
    let problem = CoverProblem {
        qty: &order.qty,
        ship_cost: &ship_cost,
        unit_cost: &unit_cost,
        upper: &upper,
        mode,
        split_penalty: model.policy.split_penalty,
        max_shipments: max_shipments(model, order.order),
        incumbent,
        node_budget: NODE_BUDGET,
    };
    let (value, set) = problem.solve(ws).best?;
    let mut shipments = problem.shipments_of(order.order, &order.options, &set);
    shipments.sort_by_key(|s| (s.node, s.method));
    Some((value, shipments))
}

/// A cover's real cost: its shipments (shipping, handling, late penalty) and the split penalty.
/// Node fixed costs are the master's, not the column's.
pub(super) fn real_cost(model: &Model, shipments: &[ShipmentDecision]) -> Option<f64> {
    let mut cost = model.policy.split_penalty * (shipments.len() as f64 - 1.0).max(0.0);
    for s in shipments {
        cost += shipment_cost(model, s)?;
    }
    Some(cost)
}
