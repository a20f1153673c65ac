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
//! take there ([`nodes::slot_throughput`]). What the network leaves out is relaxed, never tightened:
//! network-wide reservations (their per-channel budgets span nodes, which no single-commodity
//! flow can hold), shipment counts beyond that, ship-complete, fill-or-kill and
//! `max_shipments_per_order`. So its maximum flow,
//! taken tier by tier, bounds the lexicographic fills of every plan from above.

mod hubs;
mod nodes;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::maxflow::{Edge, FlowGraph, Vertex, UNBOUNDED};
use super::serving::Restrictions;
use crate::model::{ChannelIdx, Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::Allocation;
use hubs::{hub_sets, is_superset, Hub, HubArc};
use nodes::{slot_throughput, stock_entry, StockEntry};

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
    /// Per order: its lines' arcs straight to a node's stock.
    pub arcs: Vec<Vec<LineArc>>,
    /// Per order, per line: the hub the line reaches its common nodes through, if any.
    line_hub: Vec<Vec<Option<HubArc>>>,
    hubs: Vec<Hub>,
}

/// Per order, per line: the nodes it may draw its SKU from, in the order's serving order (empty
/// for held and killed orders).
fn allowed_nodes(
    model: &Model,
    serving: &[Vec<NodeIdx>],
    restrictions: &Restrictions,
) -> Vec<Vec<Vec<NodeIdx>>> {
    (0..model.orders.len())
        .into_par_iter()
        .map(|o| {
            let order = &model.orders[o];
            if order.is_held() || restrictions.killed.contains(&o) {
                return vec![Vec::new(); order.lines.len()];
            }
            order
                .lines
                .iter()
                .map(|line| {
                    serving[o]
                        .iter()
                        .copied()
                        .filter(|&n| model.available(n, line.sku) > 0 && restrictions.allows(o, n))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// Builds the network with every source arc closed (capacity 0); [`open_tier`] opens them.
pub fn build(model: &Model, serving: &[Vec<NodeIdx>], restrictions: &Restrictions) -> WaveNetwork {
    build_with_hubs(model, serving, restrictions, true)
}

fn build_with_hubs(
    model: &Model,
    serving: &[Vec<NodeIdx>],
    restrictions: &Restrictions,
    with_hubs: bool,
) -> WaveNetwork {
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
    let mut entry_for = |graph: &mut FlowGraph, n: NodeIdx, sku: SkuIdx, channel: ChannelIdx| {
        entries
            .entry((n, sku))
            .or_insert_with(|| {
                stock_entry(
                    model,
                    graph,
                    node_vertex[n],
                    (n, sku),
                    node_places.get(&(n, sku)).copied(),
                )
            })
            .for_channel(channel)
    };

    let allowed = allowed_nodes(model, serving, restrictions);
    let mut hub_index: HashMap<(SkuIdx, ChannelIdx), usize> = HashMap::new();
    let mut hub_nodes: Vec<Vec<NodeIdx>> = Vec::new();
    let mut hubs = Vec::new();
    let mut hub_vertex = Vec::new();
    let sets = if with_hubs {
        hub_sets(model, &allowed)
    } else {
        BTreeMap::new()
    };
    for ((sku, channel), set) in sets {
        let v = graph.add_vertex();
        let mut out: Vec<(NodeIdx, Edge)> = set
            .iter()
            .map(|&n| {
                let entry = entry_for(&mut graph, n, sku, channel);
                (n, graph.add_arc(v, entry, model.available(n, sku)))
            })
            .collect();
        out.sort_unstable_by_key(|&(n, _)| n);
        hub_index.insert((sku, channel), hubs.len());
        let mut sorted = set;
        sorted.sort_unstable();
        hub_nodes.push(sorted);
        hubs.push(Hub { out });
        hub_vertex.push(v);
    }

    let mut line_source = Vec::with_capacity(model.orders.len());
    let mut line_hub = Vec::with_capacity(model.orders.len());
    let mut arcs = Vec::with_capacity(model.orders.len());
    for (oi, order) in model.orders.iter().enumerate() {
        let mut order_arcs = Vec::new();
        let mut sources = Vec::with_capacity(order.lines.len());
        let mut hubs_of = Vec::with_capacity(order.lines.len());
        for (li, line) in order.lines.iter().enumerate() {
            let nodes = &allowed[oi][li];
            if nodes.is_empty() && (order.is_held() || restrictions.killed.contains(&oi)) {
                sources.push(None);
                hubs_of.push(None);
                continue;
            }
            let hub = hub_index
                .get(&(line.sku, order.channel))
                .copied()
                .filter(|&h| is_superset(nodes, &hub_nodes[h]));
            let direct: Vec<NodeIdx> = match hub {
                Some(h) => nodes
                    .iter()
                    .copied()
                    .filter(|n| hub_nodes[h].binary_search(n).is_err())
                    .collect(),
                None => nodes.clone(),
            };
            if let (Some(h), true) = (hub, direct.is_empty()) {
                sources.push(Some(graph.add_arc(source, hub_vertex[h], 0)));
                hubs_of.push(Some(HubArc { hub: h, edge: None }));
                continue;
            }
            let lv = graph.add_vertex();
            sources.push(Some(graph.add_arc(source, lv, 0)));
            for n in direct {
                let entry = entry_for(&mut graph, n, line.sku, order.channel);
                let edge = graph.add_arc(lv, entry, line.qty.min(model.available(n, line.sku)));
                order_arcs.push(LineArc {
                    line: li,
                    node: n,
                    edge,
                });
            }
            hubs_of.push(hub.map(|h| HubArc {
                hub: h,
                edge: Some(graph.add_arc(lv, hub_vertex[h], UNBOUNDED)),
            }));
        }
        line_source.push(sources);
        line_hub.push(hubs_of);
        arcs.push(order_arcs);
    }
    WaveNetwork {
        graph,
        source,
        sink,
        line_source,
        arcs,
        line_hub,
        hubs,
    }
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
                let Some(source) = self.line_source[s.order][line] else {
                    left_over += units;
                    continue;
                };
                let Some(path) = self.path_to(s.order, line, s.node) else {
                    left_over += units;
                    continue;
                };
                let last = *path.last().expect("a path reaches the node's stock");
                let room = path
                    .iter()
                    .map(|&e| self.graph.residual(e))
                    .fold(units, i64::min)
                    .max(0);
                let sent = self.graph.route(self.graph.head(last), self.sink, room);
                let cap = self.graph.capacity(source);
                self.graph.set_capacity(source, cap + sent);
                self.graph.push(source, sent);
                for &e in &path {
                    self.graph.push(e, sent);
                }
                left_over += units - sent;
            }
        }
        left_over
    }

    /// The arcs after its source arc that take `order`'s `line` to `node`'s stock entry: its
    /// own arc to the node, or the way through its hub.
    fn path_to(&self, order: OrderIdx, line: usize, node: NodeIdx) -> Option<Vec<Edge>> {
        if let Some(arc) = self.arcs[order]
            .iter()
            .find(|a| a.line == line && a.node == node)
        {
            return Some(vec![arc.edge]);
        }
        let hub = self.line_hub[order][line]?;
        let out = &self.hubs[hub.hub].out;
        let i = out.binary_search_by_key(&node, |&(n, _)| n).ok()?;
        Some(hub.edge.into_iter().chain([out[i].1]).collect())
    }

    /// Units the flow sends from each line to each node, per order as (line, node, units > 0).
    /// A hub's flow is split back over its member lines in priority order, each line drawing on
    /// its order's serving nodes cheapest first.
    pub fn line_flows(
        &self,
        model: &Model,
        serving: &[Vec<NodeIdx>],
    ) -> Vec<Vec<(usize, NodeIdx, i64)>> {
        let mut flows: Vec<Vec<(usize, NodeIdx, i64)>> = self
            .arcs
            .iter()
            .map(|order_arcs| {
                order_arcs
                    .iter()
                    .filter_map(|a| {
                        let f = self.graph.flow(a.edge);
                        (f > 0).then_some((a.line, a.node, f))
                    })
                    .collect()
            })
            .collect();
        let mut left: Vec<Vec<i64>> = self
            .hubs
            .iter()
            .map(|h| h.out.iter().map(|&(_, e)| self.graph.flow(e)).collect())
            .collect();
        for o in model.priority_order() {
            for (line, hub) in self.line_hub[o].iter().enumerate() {
                let Some(hub) = hub else { continue };
                let inflow = hub
                    .edge
                    .or(self.line_source[o][line])
                    .map_or(0, |e| self.graph.flow(e));
                let mut units = inflow;
                let out = &self.hubs[hub.hub].out;
                for &n in &serving[o] {
                    if units == 0 {
                        break;
                    }
                    let Ok(i) = out.binary_search_by_key(&n, |&(m, _)| m) else {
                        continue;
                    };
                    let take = units.min(left[hub.hub][i]);
                    if take > 0 {
                        left[hub.hub][i] -= take;
                        units -= take;
                        flows[o].push((line, n, take));
                    }
                }
                debug_assert_eq!(units, 0, "a hub's flow splits back over its lines");
            }
        }
        flows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{generate_with, GeneratorConfig};
    use crate::solver::tiers::serving::all_serving_nodes;

    fn small_model(seed: u64) -> Model {
        let config = GeneratorConfig {
            name: "hubs".to_string(),
            orders: 300,
            nodes: 8,
            skus: 40,
            ship_complete_share: 0.2,
            binding_node_share: 0.5,
            ..GeneratorConfig::default()
        };
        Model::from_wave(&generate_with(&config, seed)).expect("a generated wave is valid")
    }

    fn max_flows(net: &mut WaveNetwork, model: &Model) -> Vec<i64> {
        (0..model.tiers.len())
            .map(|k| net.open_tier(model, k, &|| false))
            .collect()
    }

    #[test]
    fn hubs_keep_the_maximum_flow_and_split_back_over_allowed_nodes() {
        for seed in 1..=4 {
            let model = small_model(seed);
            let serving = all_serving_nodes(&model);
            let restrictions = Restrictions::default();
            let mut plain = build_with_hubs(&model, &serving, &restrictions, false);
            let mut hubbed = build(&model, &serving, &restrictions);
            assert!(
                !hubbed.hubs.is_empty(),
                "seed {seed}: some lines share a hub"
            );
            assert!(hubbed.graph.arcs() < plain.graph.arcs());
            assert_eq!(
                max_flows(&mut hubbed, &model),
                max_flows(&mut plain, &model),
                "seed {seed}"
            );
            let allowed = allowed_nodes(&model, &serving, &restrictions);
            let mut used: HashMap<(NodeIdx, SkuIdx), i64> = HashMap::new();
            for (o, flows) in hubbed.line_flows(&model, &serving).iter().enumerate() {
                for (l, line) in model.orders[o].lines.iter().enumerate() {
                    let sent: i64 = flows.iter().filter(|f| f.0 == l).map(|f| f.2).sum();
                    let source = hubbed.line_source[o][l].map_or(0, |e| hubbed.graph.flow(e));
                    assert_eq!(sent, source, "seed {seed}: order {o} line {l}");
                    assert!(sent <= line.qty);
                }
                for &(l, n, units) in flows {
                    assert!(
                        allowed[o][l].contains(&n),
                        "seed {seed}: order {o} at node {n}"
                    );
                    *used.entry((n, model.orders[o].lines[l].sku)).or_default() += units;
                }
            }
            for ((n, sku), units) in used {
                assert!(
                    units <= model.available(n, sku),
                    "seed {seed}: stock at ({n}, {sku})"
                );
            }
        }
    }
}
