//! Between allocations and column values: a complete MIP start from a plan (auxiliary columns
//! included, as HiGHS needs), and a plan from HiGHS's column values.

use std::collections::HashMap;

use super::formulation::Layout;
use crate::model::Model;
use crate::solver::highs::program::Program;
use crate::solver::{Allocation, ShipmentDecision};

/// Column values for an allocation, or `None` when it uses a shipment the model does not have.
pub fn start_from_allocation(
    model: &Model,
    program: &Program,
    layout: &Layout,
    allocation: &Allocation,
) -> Option<Vec<f64>> {
    let mut v = vec![0.0; program.num_cols()];
    v[layout.offset] = 1.0;
    let index: HashMap<(usize, usize, usize), usize> = layout
        .triples
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.order, t.node, t.method), i))
        .collect();
    for s in &allocation.shipments {
        let t = &layout.triples[*index.get(&(s.order, s.node, s.method))?];
        v[t.y] = 1.0;
        for &(line, qty) in &s.lines {
            if model.orders[s.order].ship_complete {
                continue;
            }
            let &(_, col) = t.x.iter().find(|&&(l, _)| l == line)?;
            if qty as f64 > program.upper[col] {
                return None;
            }
            v[col] = qty as f64;
        }
    }
    complete_auxiliaries(model, layout, &mut v);
    Some(v)
}

/// Closes shipments that carry no units, then sets w, a, s and e to the values implied by the
/// shipment and unit columns. The result is the cheapest point with these units: an empty open
/// shipment only costs (a stage that does not price shipments may leave one open).
pub fn complete_auxiliaries(model: &Model, layout: &Layout, v: &mut [f64]) {
    for t in &layout.triples {
        if !t.x.is_empty() && t.x.iter().all(|&(_, col)| v[col] < 0.5) {
            v[t.y] = 0.0;
        }
    }
    for w in layout.node_open.iter().flatten() {
        v[*w] = 0.0;
    }
    for t in &layout.triples {
        if let Some(w) = layout.node_open[t.node] {
            if v[t.y] > 0.5 {
                v[w] = 1.0;
            }
        }
    }
    for (oi, o) in model.orders.iter().enumerate() {
        let shipments = layout.triples_of_order[oi]
            .iter()
            .filter(|&&t| v[layout.triples[t].y] > 0.5)
            .count() as f64;
        if let Some(s) = layout.split[oi] {
            v[s] = (shipments - 1.0).max(0.0);
        }
        if let Some(a) = layout.fill_or_kill[oi] {
            let filled = Program::evaluate(&layout.order_fill[oi], v);
            v[a] = if (filled - o.units() as f64).abs() < 0.5 {
                1.0
            } else {
                0.0
            };
        }
    }
    for e in &layout.excess {
        v[e.col] = (Program::evaluate(&e.consumption, v) - e.reserved as f64).max(0.0);
    }
}

/// The allocation behind HiGHS's column values (integers rounded).
pub fn allocation_from_values(model: &Model, layout: &Layout, v: &[f64]) -> Allocation {
    let mut allocation = Allocation::default();
    for t in &layout.triples {
        if v[t.y] < 0.5 {
            continue;
        }
        let o = &model.orders[t.order];
        let lines: Vec<(usize, i64)> = if o.ship_complete {
            o.lines
                .iter()
                .enumerate()
                .map(|(li, l)| (li, l.qty))
                .collect()
        } else {
            t.x.iter()
                .map(|&(li, col)| (li, v[col].round() as i64))
                .filter(|&(_, q)| q > 0)
                .collect()
        };
        if !lines.is_empty() {
            allocation.shipments.push(ShipmentDecision {
                order: t.order,
                node: t.node,
                method: t.method,
                lines,
            });
        }
    }
    allocation.normalise();
    allocation
}

/// Units filled per tier by an allocation.
pub fn tier_fills(model: &Model, allocation: &Allocation) -> Vec<i64> {
    allocation.tier_fills(model)
}
