//! The wave as a flow network: the tier stages' relaxation without the side rules.
//!
//! ```text
//! source ─qty─▶ line(o,l) ─min(qty,avail)─▶ entry(n,sku,channel) ─▶ stock(n,sku) ─avail─▶ node(n) ─units cap─▶ sink
//! ```
//!
//! A line has an arc to every node that may serve its order (active, serving the channel, with
//! a route and, under a hard SLA, an on-time method; for a ship-complete order only nodes that
//! hold the whole order) and holds its SKU. A node-level reservation place is the SPEC's capped
//! overflow, itself a flow: a channel with `R_c > 0` enters at its own vertex, which reaches the
//! stock by an arc of capacity `R_c` or through the shared overflow vertex, whose arc to the
//! stock carries at most `A − Σ R`; other channels enter at the overflow vertex.
//!
//! A node with a shipment capacity of `s` slots passes at most what its `s` largest orders could
//! take there ([`slot_throughput`]). What the network leaves out is relaxed, never tightened:
//! network-wide reservations (their per-channel budgets span nodes, which no single-commodity
//! flow can hold), shipment counts beyond that, ship-complete, fill-or-kill and
//! `max_shipments_per_order`. So its maximum flow,
//! taken tier by tier, bounds the lexicographic fills of every plan from above.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::maxflow::{Edge, FlowGraph, Vertex, UNBOUNDED};
use crate::model::{ChannelIdx, Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::greedy::candidate_at;
use crate::solver::Allocation;

/// Pairs and orders a construction round has ruled out (see [`super::construct`]).
#[derive(Debug, Clone, Default)]
pub struct Restrictions {
    /// (order, node) pairs that may not carry flow.
    pub blocked: HashSet<(OrderIdx, NodeIdx)>,
    /// Orders that may not carry flow at all.
    pub killed: HashSet<OrderIdx>,
}

impl Restrictions {
    /// Adds `other`'s pairs and orders; whether anything was new.
    pub fn absorb(&mut self, other: Restrictions) -> bool {
        let before = (self.blocked.len(), self.killed.len());
        self.blocked.extend(other.blocked);
        self.killed.extend(other.killed);
        (self.blocked.len(), self.killed.len()) != before
    }
}

/// One arc from a line to a node.
#[derive(Debug, Clone, Copy)]
pub struct LineArc {
    pub line: usize,
    pub node: NodeIdx,
    pub edge: Edge,
}

/// The built network and where each order's arcs are.
pub struct WaveNetwork {
    pub graph: FlowGraph,
    pub source: Vertex,
    pub sink: Vertex,
    /// Per order, per line: the arc from the source (none for held or killed orders).
    pub line_source: Vec<Vec<Option<Edge>>>,
    /// Per order: its arcs to nodes.
    pub arcs: Vec<Vec<LineArc>>,
}

/// The entry vertices of one (node, SKU): one per reserved channel, and the shared one.
struct StockEntry {
    shared: Vertex,
    reserved: Vec<(ChannelIdx, Vertex)>,
}

impl StockEntry {
    fn for_channel(&self, channel: ChannelIdx) -> Vertex {
        self.reserved
            .iter()
            .find(|&&(c, _)| c == channel)
            .map_or(self.shared, |&(_, v)| v)
    }
}

/// The nodes that may serve `order` at all (see the module docs), ignoring restrictions.
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

/// Builds the network with every source arc closed (capacity 0); [`open_tier`] opens them.
pub fn build(model: &Model, serving: &[Vec<NodeIdx>], restrictions: &Restrictions) -> WaveNetwork {
    let mut graph = FlowGraph::default();
    let source = graph.add_vertex();
    let sink = graph.add_vertex();
    let throughput = slot_throughput(model, serving, restrictions);
    let node_vertex: Vec<Vertex> = model
        .nodes
        .iter()
        .zip(&throughput)
        .map(|(n, &most)| {
            let v = graph.add_vertex();
            graph.add_arc(v, sink, n.capacity_units.unwrap_or(UNBOUNDED).min(most));
            v
        })
        .collect();
    let node_places: HashMap<(NodeIdx, SkuIdx), usize> = model
        .reservations
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.node.map(|n| ((n, p.sku), i)))
        .collect();
    let mut entries: HashMap<(NodeIdx, SkuIdx), StockEntry> = HashMap::new();

    let mut line_source = Vec::with_capacity(model.orders.len());
    let mut arcs = Vec::with_capacity(model.orders.len());
    for (oi, order) in model.orders.iter().enumerate() {
        if order.is_held() || restrictions.killed.contains(&oi) {
            line_source.push(vec![None; order.lines.len()]);
            arcs.push(Vec::new());
            continue;
        }
        let mut order_arcs = Vec::new();
        let mut sources = Vec::with_capacity(order.lines.len());
        for (li, line) in order.lines.iter().enumerate() {
            let lv = graph.add_vertex();
            sources.push(Some(graph.add_arc(source, lv, 0)));
            for &n in &serving[oi] {
                if restrictions.blocked.contains(&(oi, n)) {
                    continue;
                }
                let available = model.available(n, line.sku);
                if available <= 0 {
                    continue;
                }
                let entry = entries.entry((n, line.sku)).or_insert_with(|| {
                    stock_entry(
                        model,
                        &mut graph,
                        node_vertex[n],
                        (n, line.sku),
                        node_places.get(&(n, line.sku)).copied(),
                    )
                });
                let target = entry.for_channel(order.channel);
                let edge = graph.add_arc(lv, target, line.qty.min(available));
                order_arcs.push(LineArc {
                    line: li,
                    node: n,
                    edge,
                });
            }
        }
        line_source.push(sources);
        arcs.push(order_arcs);
    }
    WaveNetwork {
        graph,
        source,
        sink,
        line_source,
        arcs,
    }
}

/// Per node, the most units its shipment slots can carry: with `s` slots, no plan ships from it
/// more than the `s` largest orders it could serve would take there (each order's lines capped
/// by the node's stock; the whole order for ship-complete). Unbounded without a shipment
/// capacity. This keeps the flow a relaxation while charging it for the slots it would use.
fn slot_throughput(
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
            if model.nodes[n].capacity_shipments.is_none() || restrictions.blocked.contains(&(o, n))
            {
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
fn stock_entry(
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

/// Every order's serving nodes, cheapest first (the cost of one shipment of the whole order by
/// the node's cheapest method), in parallel. Arcs are added in this order, and the flow's
/// depth-first search tries them in it, so among equally long augmenting paths the cheaper
/// node is taken first: the fills do not depend on it, the cost search that follows does.
pub fn all_serving_nodes(model: &Model) -> Vec<Vec<NodeIdx>> {
    (0..model.orders.len())
        .into_par_iter()
        .map(|o| {
            let mut nodes: Vec<(f64, NodeIdx)> = serving_nodes(model, o)
                .into_iter()
                .map(|n| {
                    let cost = candidate_at(model, o, n).map_or(f64::INFINITY, |c| c.cost);
                    (cost, n)
                })
                .collect();
            nodes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            nodes.into_iter().map(|(_, n)| n).collect()
        })
        .collect()
}

impl WaveNetwork {
    /// Opens the source arcs of tier `tier`'s lines and augments; returns the units added.
    pub fn open_tier(&mut self, model: &Model, tier: usize, stop: &dyn Fn() -> bool) -> i64 {
        for (oi, order) in model.orders.iter().enumerate() {
            if order.tier != tier {
                continue;
            }
            for (li, line) in order.lines.iter().enumerate() {
                if let Some(e) = self.line_source[oi][li] {
                    self.graph.set_capacity(e, line.qty);
                }
            }
        }
        self.graph.augment(self.source, self.sink, stop)
    }

    /// Loads `plan` as the current flow: each line's source arc carries (and is capped at) its
    /// units, so that [`Self::open_tier`] later opens it to the line's quantity. Returns the
    /// units that found no room (0 for a plan this network can carry).
    pub fn load(&mut self, plan: &Allocation) -> i64 {
        let mut left_over = 0;
        for s in &plan.shipments {
            for &(line, units) in &s.lines {
                let arc = self.arcs[s.order]
                    .iter()
                    .find(|a| a.line == line && a.node == s.node)
                    .copied();
                let (Some(arc), Some(source)) = (arc, self.line_source[s.order][line]) else {
                    left_over += units;
                    continue;
                };
                let entry = self.graph.head(arc.edge);
                let room = units.min(self.graph.residual(arc.edge));
                let sent = self.graph.route(entry, self.sink, room);
                let cap = self.graph.capacity(source);
                self.graph.set_capacity(source, cap + sent);
                self.graph.push(source, sent);
                self.graph.push(arc.edge, sent);
                left_over += units - sent;
            }
        }
        left_over
    }

    /// Units the flow sends along each of `order`'s arcs, as (line, node, units > 0).
    pub fn order_flow(&self, order: OrderIdx) -> impl Iterator<Item = (usize, NodeIdx, i64)> + '_ {
        self.arcs[order].iter().filter_map(|a| {
            let f = self.graph.flow(a.edge);
            (f > 0).then_some((a.line, a.node, f))
        })
    }
}
