//! One order's subproblem in the Lagrangian relaxation: with the linking rows priced, choose the
//! order's shipments (whole, with their per-shipment costs) and the units of each line they
//! carry, to minimise priced cost. Solved exactly by [`crate::solver::cover`]; when the search
//! needs more than [`NODE_BUDGET`] nodes, the least lower bound of the subtrees left open stands
//! in, so the value returned is never above the optimum.

use super::Prices;
use crate::model::{Model, NodeIdx, OrderIdx};
use crate::solver::cover::{
    max_shipments, shipment_options, CoverMode, CoverProblem, CoverWorkspace, ShipmentOption,
};

/// Branch-and-bound nodes one order may use per evaluation.
const NODE_BUDGET: usize = 4_000;

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

/// The subproblem's optimum (or a lower bound on it, when the search ran out of nodes) and the
/// best solution found, for the subgradient.
#[derive(Debug, Default)]
pub(super) struct OrderSolution {
    pub value: f64,
    /// Nodes of the chosen shipments (a node twice when two of its methods are chosen).
    pub shipments: Vec<NodeIdx>,
    /// Units per (node, line index).
    pub units: Vec<(NodeIdx, usize, i64)>,
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
        node_budget: NODE_BUDGET,
    };
    let cover = problem.solve(&mut ws.cover);
    let mut solution = OrderSolution {
        value: cover.bound,
        cut_short: cover.cut_short,
        ..OrderSolution::default()
    };
    if let Some((_, set)) = &cover.best {
        for &t in set {
            solution.shipments.push(cands[t].node);
            solution.cost += cands[t].per_shipment;
        }
        solution.cost += problem.split_penalty * set.len().saturating_sub(1) as f64;
        for (t, l, units) in problem.units_of(set) {
            solution.units.push((cands[t].node, l, units));
            solution.cost += cands[t].per_unit * units as f64;
        }
    }
    solution
}
