//! A lower bound on cost that needs no MIP: the *per-unit relaxation*. It is what the optimizer
//! reports on the routes where HiGHS proves no bound for cost (the neighbourhood search on large
//! waves), and it is weak by design: it is cheap at any size.
//!
//! A shipment t of order o from node n carries at most `cap(t)` units: the sum over o's lines of
//! `min(qty, available at n)` (the whole order, or nothing, when o is ship-complete), and no more
//! than n's unit capacity. It costs `per_shipment(t) + per_unit(t)·q` for q units, which is at
//! least `q · rate(t)` with `rate(t) = per_unit(t) + per_shipment(t) / cap(t)`. So any plan that
//! ships `f_o` units of o pays at least `f_o · r_o`, with `r_o` the least rate over o's eligible
//! shipments, and fixed costs and split penalties are ≥ 0. Dropping every constraint that links
//! orders (shared stock, capacities, reservations) leaves, for strict allocation with tier fills
//! at least `F_k` (SPEC.md: the cost stage's bound is given those fills), a fractional knapsack
//! per tier — fill the cheapest rates first — and for weighted allocation a choice per order
//! between its rate and its tier's unfilled penalty. Both are solved exactly by sorting.

use rayon::prelude::*;

use crate::format::Allocation as Policy;
use crate::model::{Model, NodeIdx, OrderIdx};

pub mod flow;
pub mod lagrangian;
pub use flow::{flow_bound, FlowBound, FlowSolution};
pub use lagrangian::{lagrangian_bound, Effort, LagrangianBound, MasterLimits, PriceBoard, Prices};

/// Per order: the least cost per unit over its eligible shipments, and the most units the
/// network could ship it (each line capped by the stock at the nodes that may serve it).
#[derive(Debug, Clone, Copy)]
struct UnitRate {
    rate: f64,
    fillable: i64,
}

/// The most units one shipment of `order` from `node` can carry: the sum over its lines of
/// `min(qty, available at node)` (the whole order, or nothing, when it is ship-complete), and no
/// more than the node's unit capacity. 0 when the node cannot ship the order anything.
fn shipment_cap(model: &Model, order: OrderIdx, node: NodeIdx) -> i64 {
    let o = &model.orders[order];
    let n = &model.nodes[node];
    let mut cap: i64 = if o.ship_complete {
        if model.node_holds_whole_order(order, node) {
            o.units()
        } else {
            0
        }
    } else {
        o.lines
            .iter()
            .map(|l| l.qty.min(model.available(node, l.sku)))
            .sum()
    };
    if let Some(units) = n.capacity_units {
        cap = cap.min(units);
    }
    if n.capacity_shipments == Some(0) {
        cap = 0;
    }
    cap.max(0)
}

/// The least cost per unit of shipping `order` from `node` (over its eligible methods) for
/// shipments of at most `cap` units: `per_unit + per_shipment / cap`. `None` when no method is
/// eligible.
fn rate_at(model: &Model, order: OrderIdx, node: NodeIdx, cap: i64) -> Option<f64> {
    let late = model.policy.late_rate();
    (0..model.methods.len())
        .filter_map(|m| model.eligible_quote(order, node, m))
        .map(|q| q.per_unit_total() + q.per_shipment_total(late) / cap as f64)
        .min_by(f64::total_cmp)
}

/// The nodes that can ship `order` something: each with its [`shipment_cap`] and its least
/// per-unit [`rate_at`] that cap.
fn serving_nodes(model: &Model, order: OrderIdx) -> impl Iterator<Item = (NodeIdx, i64, f64)> + '_ {
    (0..model.nodes.len()).filter_map(move |n| {
        let cap = shipment_cap(model, order, n);
        if cap <= 0 {
            return None;
        }
        Some((n, cap, rate_at(model, order, n, cap)?))
    })
}

fn unit_rate(model: &Model, order: OrderIdx) -> UnitRate {
    let o = &model.orders[order];
    let mut rate = f64::INFINITY;
    let mut reachable = vec![0i64; o.lines.len()];
    for (n, _, r) in serving_nodes(model, order) {
        rate = rate.min(r);
        for (li, l) in o.lines.iter().enumerate() {
            let here = if o.ship_complete {
                l.qty
            } else {
                l.qty.min(model.available(n, l.sku))
            };
            reachable[li] = (reachable[li] + here).min(l.qty);
        }
    }
    UnitRate {
        rate,
        fillable: reachable.iter().sum(),
    }
}

/// The per-unit relaxation's optimum: a proven lower bound on the cost of every plan whose fill
/// in tier k is at least `tier_fills[k]` (strict), or on cost plus unfilled penalties
/// (weighted, where `tier_fills` is not used).
pub fn per_unit_bound(model: &Model, tier_fills: &[i64]) -> f64 {
    let rates = unit_rates(model);
    match model.policy.allocation {
        Policy::Weighted => model
            .orders
            .iter()
            .zip(&rates)
            .enumerate()
            .filter(|(_, (o, _))| !o.is_held())
            .map(|(oi, (o, r))| {
                let penalty = model.unfilled_penalty(oi);
                let saving = (penalty - r.rate).max(0.0);
                penalty * o.units() as f64 - saving * r.fillable as f64
            })
            .sum(),
        Policy::Strict => (0..model.tiers.len())
            .map(|k| tier_knapsack(model, &rates, k, tier_fills).0)
            .sum(),
    }
}

/// Per tier, the rate of the last unit the per-unit relaxation's knapsack takes to reach
/// `tier_fills[k]` (0 when the tier needs none): what one more unit filled is worth at its
/// optimum, and so a starting price for the tier's fill row.
pub(crate) fn marginal_rates(model: &Model, tier_fills: &[i64]) -> Vec<f64> {
    let rates = unit_rates(model);
    (0..model.tiers.len())
        .map(|k| tier_knapsack(model, &rates, k, tier_fills).1)
        .collect()
}

/// Tier k's fractional knapsack: its orders' units, cheapest rate first, until `tier_fills[k]`.
/// Returns the cost and the rate of the last unit taken (0 when none is needed).
fn tier_knapsack(model: &Model, rates: &[UnitRate], tier: usize, tier_fills: &[i64]) -> (f64, f64) {
    let mut items = tier_items(model, rates, tier);
    items.sort_by(|a, b| a.rate.total_cmp(&b.rate));
    let mut need = tier_fills.get(tier).copied().unwrap_or(0);
    let (mut cost, mut last) = (0.0, 0.0);
    for item in items {
        if need <= 0 {
            break;
        }
        let take = need.min(item.fillable);
        cost += take as f64 * item.rate;
        need -= take;
        last = item.rate;
    }
    (cost, last)
}

fn tier_items(model: &Model, rates: &[UnitRate], tier: usize) -> Vec<UnitRate> {
    model
        .orders
        .iter()
        .zip(rates)
        .filter(|(o, r)| o.tier == tier && r.fillable > 0 && r.rate.is_finite())
        .map(|(_, r)| *r)
        .collect()
}

fn unit_rates(model: &Model) -> Vec<UnitRate> {
    (0..model.orders.len())
        .into_par_iter()
        .map(|o| {
            if model.orders[o].is_held() {
                UnitRate {
                    rate: f64::INFINITY,
                    fillable: 0,
                }
            } else {
                unit_rate(model, o)
            }
        })
        .collect()
}
