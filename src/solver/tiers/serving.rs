//! Who may draw on whom: the nodes that may serve each order, cheapest first, and the pairs a
//! flow round or an augmentation may use ([`Restrictions`]).

use std::collections::HashSet;

use rayon::prelude::*;

use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::greedy::candidate_at;

/// Pairs and orders a construction round has ruled out (see [`super::construct`]), and for an
/// augmentation, where a plan may grow.
#[derive(Debug, Clone, Default)]
pub struct Restrictions {
    /// (order, node) pairs that may not carry flow.
    pub blocked: HashSet<(OrderIdx, NodeIdx)>,
    /// Orders that may not carry flow at all.
    pub killed: HashSet<OrderIdx>,
    /// Where set, only the pairs it allows may carry flow.
    pub growth: Option<Growth>,
}

/// The pairs a plan can grow on without a new shipment slot anywhere it lacks one: its own
/// pairs, and new pairs of open orders at open nodes.
#[derive(Debug, Clone)]
pub struct Growth {
    /// Per order: the nodes it already ships from.
    pub pairs: Vec<Vec<NodeIdx>>,
    /// Per order: whether it may open a new pair.
    pub open_order: Vec<bool>,
    /// Per node: whether it has a shipment slot to spare.
    pub open_node: Vec<bool>,
}

impl Restrictions {
    /// Whether `order` may draw on `node`.
    pub fn allows(&self, order: OrderIdx, node: NodeIdx) -> bool {
        if self.blocked.contains(&(order, node)) {
            return false;
        }
        self.growth.as_ref().is_none_or(|g| {
            (g.open_order[order] && g.open_node[node]) || g.pairs[order].contains(&node)
        })
    }

    /// Adds `other`'s pairs and orders; whether anything was new.
    pub fn absorb(&mut self, other: Restrictions) -> bool {
        let before = (self.blocked.len(), self.killed.len());
        self.blocked.extend(other.blocked);
        self.killed.extend(other.killed);
        (self.blocked.len(), self.killed.len()) != before
    }
}

/// The nodes that may serve `order` at all (see [`super::network`]'s docs), ignoring restrictions.
pub fn serving_nodes(model: &Model, order: OrderIdx) -> Vec<NodeIdx> {
    let o = &model.orders[order];
    if o.is_held() {
        return Vec::new();
    }
    (0..model.nodes.len())
        .filter(|&n| {
            let node = &model.nodes[n];
            node.capacity_shipments != Some(0)
                && node.capacity_units != Some(0)
                && o.lines.iter().any(|l| model.available(n, l.sku) > 0)
                && (!o.ship_complete || model.node_holds_whole_order(order, n))
                && (0..model.methods.len()).any(|m| model.eligible_quote(order, n, m).is_some())
        })
        .collect()
}

/// The nodes that may serve `order` with the cost of one shipment of the whole order by each
/// node's cheapest method, and that method; cheapest first, ties by node.
pub fn serving_options(model: &Model, order: OrderIdx) -> Vec<(f64, NodeIdx, MethodIdx)> {
    let mut options: Vec<(f64, NodeIdx, MethodIdx)> = serving_nodes(model, order)
        .into_iter()
        .filter_map(|n| candidate_at(model, order, n).map(|c| (c.cost, n, c.method)))
        .collect();
    options.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    options
}

/// Every order's serving nodes, cheapest first ([`serving_options`]), in parallel. The network's
/// arcs are added in this order, and the flow's depth-first search tries them in it, so among
/// equally long augmenting paths the cheaper node is taken first: the fills do not depend on
/// it, the cost search that follows does.
pub fn all_serving_nodes(model: &Model) -> Vec<Vec<NodeIdx>> {
    (0..model.orders.len())
        .into_par_iter()
        .map(|o| {
            serving_options(model, o)
                .into_iter()
                .map(|(_, n, _)| n)
                .collect()
        })
        .collect()
}
