//! Objective terms. Cost = Σ y·(shipping per shipment + handling per shipment + late penalty ×
//! days late) + Σ x·(shipping + handling per unit) + Σ w·fixed cost + Σ s·split penalty.
//! Weighted mode adds `unfilled_penalty × (qty − fill)` over non-held orders, whose constant
//! part rides on the offset column so that HiGHS's objective, bound and gap are the plan's.

use super::Layout;
use crate::model::Model;
use crate::solver::highs::program::{ColId, Program};

pub fn cost(model: &Model, program: &Program, layout: &mut Layout) {
    let late = model.policy.late_rate();
    let mut c = vec![0.0; program.num_cols()];
    for t in &layout.triples {
        let o = &model.orders[t.order];
        c[t.y] += t.quote.per_shipment_total(late);
        if o.ship_complete {
            c[t.y] += t.quote.per_unit_total() * o.units() as f64;
        }
        for &(_, col) in &t.x {
            c[col] += t.quote.per_unit_total();
        }
    }
    for (n, w) in layout.node_open.iter().enumerate() {
        if let Some(w) = *w {
            c[w] += model.nodes[n].fixed_cost;
        }
    }
    for s in layout.split.iter().flatten() {
        c[*s] += model.policy.split_penalty;
    }
    layout.cost = c;
}

/// Cost plus unfilled penalties (weighted allocation), as one vector with its constant on the
/// offset column.
pub fn weighted_objective(model: &Model, layout: &Layout) -> Vec<f64> {
    let mut c = layout.cost.clone();
    let mut constant = 0.0;
    for (oi, o) in model.orders.iter().enumerate() {
        if o.is_held() {
            continue;
        }
        let penalty = model.unfilled_penalty(oi);
        constant += penalty * o.units() as f64;
        for &(col, a) in &layout.order_fill[oi] {
            c[col] -= penalty * a;
        }
    }
    c[layout.offset] += constant;
    c
}

/// FIFO within a tier: each order's fill weighted by its age rank (the oldest weighs most).
pub fn fifo_weights(model: &Model, layout: &Layout, tier: usize) -> Vec<(ColId, f64)> {
    let mut orders: Vec<usize> = (0..model.orders.len())
        .filter(|&o| model.orders[o].tier == tier && !layout.order_fill[o].is_empty())
        .collect();
    orders.sort_by_key(|&o| {
        (
            model.orders[o].placed_at.unwrap_or(i64::MAX),
            model.orders[o].id.clone(),
        )
    });
    let n = orders.len() as f64;
    orders
        .iter()
        .enumerate()
        .flat_map(|(rank, &o)| {
            let weight = n - rank as f64;
            layout.order_fill[o]
                .iter()
                .map(move |&(col, a)| (col, a * weight))
        })
        .collect()
}
