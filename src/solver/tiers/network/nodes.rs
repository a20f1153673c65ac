//! A node's side of the network: its stock entries, with the reservation gadget, and the most
//! units its shipment slots can carry.

use crate::model::{ChannelIdx, Model, NodeIdx, SkuIdx};
use crate::solver::tiers::maxflow::{FlowGraph, Vertex, UNBOUNDED};
use crate::solver::tiers::serving::Restrictions;

/// The entry vertices of one (node, SKU): one per reserved channel, and the shared one.
pub(super) struct StockEntry {
    shared: Vertex,
    reserved: Vec<(ChannelIdx, Vertex)>,
}

impl StockEntry {
    pub(super) fn for_channel(&self, channel: ChannelIdx) -> Vertex {
        self.reserved
            .iter()
            .find(|&&(c, _)| c == channel)
            .map_or(self.shared, |&(_, v)| v)
    }
}

/// Per node, the most units its shipment slots can carry: with `s` slots, no plan ships from it
/// more than the `s` largest orders it could serve would take there (each order's lines capped
/// by the node's stock; the whole order for ship-complete). Unbounded without a shipment
/// capacity. This keeps the flow a relaxation while charging it for the slots it would use.
pub(super) fn slot_throughput(
    model: &Model,
    serving: &[Vec<NodeIdx>],
    restrictions: &Restrictions,
) -> Vec<i64> {
    let mut most: Vec<Vec<i64>> = vec![Vec::new(); model.nodes.len()];
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() || restrictions.killed.contains(&o) {
            continue;
        }
        for &n in &serving[o] {
            if model.nodes[n].capacity_shipments.is_none() || !restrictions.allows(o, n) {
                continue;
            }
            let units: i64 = if order.ship_complete {
                order.units()
            } else {
                order
                    .lines
                    .iter()
                    .map(|l| l.qty.min(model.available(n, l.sku)))
                    .sum()
            };
            most[n].push(units);
        }
    }
    most.into_iter()
        .zip(&model.nodes)
        .map(|(mut units, node)| match node.capacity_shipments {
            Some(slots) if (slots.max(0) as usize) < units.len() => {
                let slots = slots.max(0) as usize;
                if slots == 0 {
                    return 0;
                }
                units.select_nth_unstable_by(slots - 1, |a, b| b.cmp(a));
                units[..slots].iter().sum()
            }
            _ => UNBOUNDED,
        })
        .collect()
}

/// The stock vertex of (node, SKU) with its reservation gadget, if the place has one.
pub(super) fn stock_entry(
    model: &Model,
    graph: &mut FlowGraph,
    node_vertex: Vertex,
    (node, sku): (NodeIdx, SkuIdx),
    place: Option<usize>,
) -> StockEntry {
    let stock = graph.add_vertex();
    graph.add_arc(stock, node_vertex, model.available(node, sku));
    let Some(place) = place.map(|p| &model.reservations[p]) else {
        return StockEntry {
            shared: stock,
            reserved: Vec::new(),
        };
    };
    let shared = graph.add_vertex();
    graph.add_arc(shared, stock, place.unreserved().max(0));
    let reserved = place
        .shares
        .iter()
        .filter(|s| s.reserved > 0)
        .map(|s| {
            let v = graph.add_vertex();
            graph.add_arc(v, stock, s.reserved);
            graph.add_arc(v, shared, UNBOUNDED);
            (s.channel, v)
        })
        .collect();
    StockEntry { shared, reserved }
}
