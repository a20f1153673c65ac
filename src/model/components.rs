//! The wave's independent parts: orders linked through what they could share.
//!
//! Two orders are in one component when they could both draw on the same (node, SKU) stock, on
//! a node with a capacity or a fixed cost (a shipment of one changes what the other pays or may
//! use), or on a SKU with a network-wide reservation. A union-find over orders, places and nodes
//! (`petgraph`'s) finds them. Orders nothing could serve (held, or no eligible node holds any of
//! their SKUs) have nothing to decide and belong to no component.

use std::collections::HashMap;

use petgraph::unionfind::UnionFind;

use super::{Model, OrderIdx};

/// The number of independent parts (`solver.components`).
pub fn count(model: &Model) -> usize {
    parts(model).len()
}

/// The independent parts: each one's orders in index order, the parts ordered by their first
/// order. Orders that belong to no part (see the module docs) are left out.
pub fn parts(model: &Model) -> Vec<Vec<OrderIdx>> {
    let orders = model.orders.len();
    let nodes = model.nodes.len();
    // Vertices: orders, then nodes, then (node, SKU) places, then SKUs, numbered on first use.
    let mut places: HashMap<(usize, usize), usize> = HashMap::new();
    let mut skus: HashMap<usize, usize> = HashMap::new();
    let mut links: Vec<(usize, usize)> = Vec::new();
    let network_reserved: Vec<bool> = {
        let mut reserved = vec![false; model.skus.len()];
        for place in model.reservations.iter().filter(|p| p.node.is_none()) {
            reserved[place.sku] = true;
        }
        reserved
    };
    let mut next = orders + nodes;
    let mut served = vec![false; orders];
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() {
            continue;
        }
        for n in 0..nodes {
            let stocked = order.lines.iter().any(|l| model.available(n, l.sku) > 0);
            if !stocked || !serves(model, o, n) {
                continue;
            }
            let node = &model.nodes[n];
            let coupled = node.capacity_units.is_some()
                || node.capacity_shipments.is_some()
                || node.fixed_cost > 0.0;
            for line in order.lines.iter().filter(|l| model.available(n, l.sku) > 0) {
                served[o] = true;
                let place = *places.entry((n, line.sku)).or_insert_with(|| {
                    next += 1;
                    next - 1
                });
                links.push((o, place));
                if coupled {
                    links.push((o, orders + n));
                }
                if network_reserved[line.sku] {
                    let sku = *skus.entry(line.sku).or_insert_with(|| {
                        next += 1;
                        next - 1
                    });
                    links.push((place, sku));
                }
            }
        }
    }
    let mut sets = UnionFind::<usize>::new(next);
    for (a, b) in links {
        sets.union(a, b);
    }
    let mut part_of_root: HashMap<usize, usize> = HashMap::new();
    let mut parts: Vec<Vec<OrderIdx>> = Vec::new();
    for o in (0..orders).filter(|&o| served[o]) {
        let part = *part_of_root.entry(sets.find(o)).or_insert_with(|| {
            parts.push(Vec::new());
            parts.len() - 1
        });
        parts[part].push(o);
    }
    parts
}

/// Whether `node` may ship `order` anything by some method (the hard rules only).
fn serves(model: &Model, order: OrderIdx, node: usize) -> bool {
    (0..model.methods.len()).any(|m| model.eligible_quote(order, node, m).is_some())
}
