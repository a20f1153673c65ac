//! One order's subproblem in the Lagrangian relaxation: with the linking rows priced, choose the
//! order's shipments (whole, with their per-shipment costs) and the units of each line they
//! carry, to minimise priced cost. Solved exactly by [`crate::solver::cover`]; when the search
//! needs more than [`NODE_BUDGET`] nodes (more for an order already cut short once), the least
//! lower bound of the subtrees left open stands in, so the value returned is never above the
//! optimum.

use std::collections::HashSet;

use super::Prices;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::cover::{
    max_shipments, shipment_options, CoverMode, CoverProblem, CoverWorkspace, ShipmentOption,
};

/// Branch-and-bound nodes one order may use per evaluation.
const NODE_BUDGET: usize = 4_000;

/// Times [`NODE_BUDGET`] an order gets in every evaluation after its search was once cut short.
/// Its part of the bound is otherwise the open subtrees' least bound, evaluation after
/// evaluation, and then Kelley's rounds stall short of the master's value (models/formulation.md).
const CUT_SHORT_BUDGET_FACTOR: usize = 25;

/// The order's shipment options, computed once: they depend on the wave only.
#[derive(Debug, Clone)]
pub(super) struct OrderCandidates {
    pub order: OrderIdx,
    pub candidates: Vec<ShipmentOption>,
}

impl OrderCandidates {
    pub fn new(model: &Model, order: OrderIdx) -> OrderCandidates {
        OrderCandidates {
            order,
            candidates: shipment_options(model, order),
        }
    }
}

/// One cover of an order: per shipment its node, its method and the units of each line it
/// carries ((line index, units)). The master sorts both when it compares covers.
pub(super) type Cover = Vec<(NodeIdx, MethodIdx, Vec<(usize, i64)>)>;

/// The subproblem's optimum (or a lower bound on it, when the search ran out of nodes) and the
/// best solution found, for the subgradient.
#[derive(Debug, Default)]
pub(super) struct OrderSolution {
    pub value: f64,
    /// The chosen shipments (empty when nothing ships).
    pub cover: Cover,
    /// Whether the search was cut short (the value is then a bound below the optimum).
    pub cut_short: bool,
    /// The real cost of the chosen shipments, without prices (0 when nothing ships).
    pub cost: f64,
}

/// Scratch space reused from order to order.
#[derive(Default)]
pub(super) struct Workspace {
    ship_cost: Vec<f64>,
    unit_cost: Vec<f64>,
    upper: Vec<i64>,
    qty: Vec<i64>,
    cover: CoverWorkspace,
    /// Orders whose search was cut short in an earlier evaluation.
    cut_before: HashSet<OrderIdx>,
}

/// Solves `order`'s subproblem at `prices`. `reward` is what one unit filled is worth to it: the
/// tier's price (strict) or the unfilled penalty (weighted).
pub(super) fn solve_order(
    model: &Model,
    prices: &Prices,
    order: &OrderCandidates,
    reward: f64,
    ws: &mut Workspace,
) -> OrderSolution {
    let o = &model.orders[order.order];
    let cands = &order.candidates;
    ws.ship_cost.clear();
    ws.unit_cost.clear();
    ws.upper.clear();
    ws.qty.clear();
    ws.qty.extend(o.lines.iter().map(|l| l.qty));
    for c in cands {
        ws.ship_cost.push(c.per_shipment + prices.shipments[c.node]);
        let units_cap = model.nodes[c.node].capacity_units.unwrap_or(i64::MAX);
        for l in &o.lines {
            let price = prices.stock_price(c.node, l.sku)
                + prices.units[c.node]
                + prices.reservation_price(model, c.node, l.sku, o.channel);
            ws.unit_cost.push(c.per_unit + price - reward);
            // A ship-complete order's candidates all hold the whole order.
            let upper = if o.ship_complete {
                l.qty
            } else {
                l.qty.min(model.available(c.node, l.sku)).min(units_cap)
            };
            ws.upper.push(upper);
        }
    }
    let all_or_nothing = o.ship_complete || o.fill_or_kill;
    let problem = CoverProblem {
        qty: &ws.qty,
        ship_cost: &ws.ship_cost,
        unit_cost: &ws.unit_cost,
        upper: &ws.upper,
        mode: if all_or_nothing {
            CoverMode::Exact
        } else {
            CoverMode::Optional
        },
        split_penalty: model.policy.split_penalty,
        max_shipments: max_shipments(model, order.order),
        incumbent: 0.0,
        node_budget: if ws.cut_before.contains(&order.order) {
            NODE_BUDGET * CUT_SHORT_BUDGET_FACTOR
        } else {
            NODE_BUDGET
        },
    };
    let cover = problem.solve(&mut ws.cover);
    if cover.cut_short {
        ws.cut_before.insert(order.order);
    }
    let mut solution = OrderSolution {
        value: cover.bound,
        cut_short: cover.cut_short,
        ..OrderSolution::default()
    };
    if let Some((_, set)) = &cover.best {
        let mut lines: Vec<Vec<(usize, i64)>> = vec![Vec::new(); set.len()];
        for (t, l, units) in problem.units_of(set) {
            if let Some(i) = set.iter().position(|&s| s == t) {
                lines[i].push((l, units));
            }
            solution.cost += cands[t].per_unit * units as f64;
        }
        for (&t, carried) in set.iter().zip(lines) {
            solution.cost += cands[t].per_shipment;
            solution
                .cover
                .push((cands[t].node, cands[t].method, carried));
        }
        solution.cost += problem.split_penalty * set.len().saturating_sub(1) as f64;
    }
    solution
}
