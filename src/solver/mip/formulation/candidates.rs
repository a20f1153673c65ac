//! Which (order, node, method) triples get a shipment variable.
//!
//! A triple must satisfy the hard rules (held orders get none; the node is active, serves the
//! order's channel, has a route, and under hard SLA arrives on time). With pruning, three more
//! exact reductions apply, none of which can remove an optimal plan:
//! - the node holds none of the order's SKUs: the shipment could carry nothing;
//! - ship-complete: the node cannot hold (or handle) the whole order;
//! - method dominance: another method of the same node costs no more per shipment (including
//!   the late penalty) and no more per unit — moving a shipment to it never costs more and uses
//!   the same node capacity. Ties keep the lower method index.

use super::BuildFlags;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx, Quote};

pub struct Candidate {
    pub order: OrderIdx,
    pub node: NodeIdx,
    pub method: MethodIdx,
    pub quote: Quote,
}

pub fn enumerate(model: &Model, flags: BuildFlags) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() {
            continue;
        }
        for n in 0..model.nodes.len() {
            if flags.prune && !useful_node(model, o, n) {
                continue;
            }
            let quotes: Vec<(MethodIdx, Quote)> = (0..model.methods.len())
                .filter_map(|m| model.eligible_quote(o, n, m).map(|q| (m, q)))
                .collect();
            for (i, &(m, q)) in quotes.iter().enumerate() {
                if flags.prune && dominated(model, i, &quotes) {
                    continue;
                }
                out.push(Candidate {
                    order: o,
                    node: n,
                    method: m,
                    quote: q,
                });
            }
        }
    }
    out
}

fn useful_node(model: &Model, order: OrderIdx, node: NodeIdx) -> bool {
    let o = &model.orders[order];
    let n = &model.nodes[node];
    if n.capacity_shipments == Some(0) || n.capacity_units == Some(0) {
        return false;
    }
    if o.ship_complete {
        return model.node_holds_whole_order(order, node);
    }
    o.lines.iter().any(|l| model.available(node, l.sku) > 0)
}

fn dominated(model: &Model, i: usize, quotes: &[(MethodIdx, Quote)]) -> bool {
    let late = model.policy.late_rate();
    let fixed = |q: &Quote| q.per_shipment_total(late);
    let (_, qi) = &quotes[i];
    quotes.iter().enumerate().any(|(j, (_, qj))| {
        if j == i {
            return false;
        }
        let no_worse = fixed(qj) <= fixed(qi) && qj.per_unit_total() <= qi.per_unit_total();
        let strictly = fixed(qj) < fixed(qi) || qj.per_unit_total() < qi.per_unit_total();
        no_worse && (strictly || j < i)
    })
}

/// An upper estimate of the pruned program's columns (every method of every useful node, one
/// shipment column plus one per line), counted only until it passes `limit`: cheap enough to
/// decide, before building anything, whether the wave is one MIP or a neighbourhood search.
pub fn column_estimate(model: &Model, limit: usize) -> usize {
    let flags = BuildFlags {
        prune: true,
        names: false,
    };
    let methods = model.methods.len();
    let mut total = 0usize;
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() {
            continue;
        }
        let per_node = methods * (1 + order.lines.len());
        for n in 0..model.nodes.len() {
            if model.nodes[n].active && (!flags.prune || useful_node(model, o, n)) {
                total += per_node;
            }
        }
        if total > limit {
            return total;
        }
    }
    total
}
