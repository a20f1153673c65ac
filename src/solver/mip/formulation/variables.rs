//! Shipment and unit variables, line fill rows and the big-M links between them.
//!
//! `x[t,l] ≤ M[t,l]·y[t]` with the smallest valid M: `min(qty, available at the node, what the
//! order's channel may use there under a node-level reservation, node unit capacity)`.
//! `Σ_t x[t,l] ≤ qty[l]` for every line. Ship-complete orders have no `x`: a shipment carries the
//! whole order, and `Σ_t y[t] ≤ 1` (in order_rules).

use super::candidates::Candidate;
use super::{BuildFlags, Layout, Triple};
use crate::model::{Model, NodeIdx, SkuIdx};
use crate::solver::highs::program::Program;

/// Most units of `sku` an order of `channel` could take at `node` on its own.
fn unit_cap(model: &Model, node: NodeIdx, sku: SkuIdx, channel: usize) -> i64 {
    let mut cap = model.available(node, sku);
    for place in &model.reservations {
        if place.sku == sku && place.node == Some(node) {
            cap = cap.min(place.reserved_for(channel) + place.unreserved().max(0));
        }
    }
    if let Some(units) = model.nodes[node].capacity_units {
        cap = cap.min(units);
    }
    cap
}

pub fn add(
    model: &Model,
    flags: BuildFlags,
    candidates: &[Candidate],
    program: &mut Program,
    layout: &mut Layout,
) {
    layout.triples_of_order = vec![Vec::new(); model.orders.len()];
    layout.order_fill = vec![Vec::new(); model.orders.len()];
    let mut line_terms: Vec<Vec<Vec<(usize, f64)>>> = model
        .orders
        .iter()
        .map(|o| vec![Vec::new(); o.lines.len()])
        .collect();
    for c in candidates {
        let o = &model.orders[c.order];
        let (oid, nid, mid) = (&o.id, &model.nodes[c.node].id, &model.methods[c.method].id);
        let y = program.add_col(|| format!("y[{oid},{nid},{mid}]"), 0.0, 1.0, true);
        let mut x = Vec::new();
        if o.ship_complete {
            for (li, l) in o.lines.iter().enumerate() {
                layout.order_fill[c.order].push((y, l.qty as f64));
                line_terms[c.order][li].push((y, l.qty as f64));
            }
        } else {
            let mut link_terms = Vec::new();
            for (li, l) in o.lines.iter().enumerate() {
                let big_m = if flags.prune {
                    l.qty.min(unit_cap(model, c.node, l.sku, o.channel))
                } else {
                    l.qty
                };
                if big_m <= 0 {
                    continue;
                }
                let lid = &l.id;
                let col = program.add_col(
                    || format!("x[{oid},{lid},{nid},{mid}]"),
                    0.0,
                    big_m as f64,
                    true,
                );
                program.add_row(
                    || format!("link[{oid},{lid},{nid},{mid}]"),
                    f64::NEG_INFINITY,
                    0.0,
                    vec![(col, 1.0), (y, -(big_m as f64))],
                );
                link_terms.push((col, -1.0));
                x.push((li, col));
                layout.order_fill[c.order].push((col, 1.0));
                line_terms[c.order][li].push((col, 1.0));
            }
            // A shipment carries at least one unit.
            link_terms.push((y, 1.0));
            program.add_row(
                || format!("nonempty[{oid},{nid},{mid}]"),
                f64::NEG_INFINITY,
                0.0,
                link_terms,
            );
        }
        layout.triples_of_order[c.order].push(layout.triples.len());
        layout.triples.push(Triple {
            order: c.order,
            node: c.node,
            method: c.method,
            quote: c.quote,
            y,
            x,
        });
    }
    for (oi, o) in model.orders.iter().enumerate() {
        for (li, l) in o.lines.iter().enumerate() {
            let terms = std::mem::take(&mut line_terms[oi][li]);
            if terms.len() > 1 || !flags.prune {
                let (oid, lid) = (&o.id, &l.id);
                program.add_row(
                    || format!("fill[{oid},{lid}]"),
                    f64::NEG_INFINITY,
                    l.qty as f64,
                    terms,
                );
            }
        }
    }
}
