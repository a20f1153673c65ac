//! Hubs: one shared vertex for the lines of one (SKU, channel) that may use the same nodes.

use std::collections::{BTreeMap, HashMap};

use crate::model::{ChannelIdx, Model, NodeIdx, SkuIdx};
use crate::solver::tiers::maxflow::Edge;

/// A shared vertex for the lines of one (SKU, channel) that may all use the same nodes: each
/// such line has one arc into the hub, which has one arc to each node's stock, in place of an
/// arc from every line to every node. The flow is the same (any hub flow splits back into
/// per-line flows over nodes every member line may use); the network is many times smaller.
pub(super) struct Hub {
    /// Its nodes with the arc to each one's stock entry, sorted by node.
    pub(super) out: Vec<(NodeIdx, Edge)>,
}

/// How a line enters its hub.
#[derive(Debug, Clone, Copy)]
pub(super) struct HubArc {
    pub(super) hub: usize,
    /// The arc from the line's vertex into the hub; `None` when the line's source arc runs
    /// straight into the hub (the line has no other arcs).
    pub(super) edge: Option<Edge>,
}

/// Per (SKU, channel): the node set its hub serves, the one most of its lines may use (ties to
/// the smaller set), when at least two lines share it; its nodes come in the order the member
/// lines rank them on average (cheapest first), ties by node.
pub(super) fn hub_sets(
    model: &Model,
    allowed: &[Vec<Vec<NodeIdx>>],
) -> BTreeMap<(SkuIdx, ChannelIdx), Vec<NodeIdx>> {
    let mut counts: HashMap<(SkuIdx, ChannelIdx), HashMap<Vec<NodeIdx>, usize>> = HashMap::new();
    for (o, lines) in allowed.iter().enumerate() {
        let channel = model.orders[o].channel;
        for (l, nodes) in lines.iter().enumerate() {
            if nodes.is_empty() {
                continue;
            }
            let mut set = nodes.clone();
            set.sort_unstable();
            *counts
                .entry((model.orders[o].lines[l].sku, channel))
                .or_default()
                .entry(set)
                .or_default() += 1;
        }
    }
    let mut hubs: BTreeMap<(SkuIdx, ChannelIdx), Vec<NodeIdx>> = counts
        .into_iter()
        .filter_map(|(class, sets)| {
            sets.into_iter()
                .filter(|(_, count)| *count >= 2)
                .min_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
                .map(|(set, _)| (class, set))
        })
        .collect();
    // Rank each hub's nodes by their average position in the member lines' serving orders.
    let mut rank: HashMap<(SkuIdx, ChannelIdx), Vec<(usize, usize)>> = hubs
        .iter()
        .map(|(class, set)| (*class, vec![(0, 0); set.len()]))
        .collect();
    for (o, lines) in allowed.iter().enumerate() {
        for (l, nodes) in lines.iter().enumerate() {
            let class = (model.orders[o].lines[l].sku, model.orders[o].channel);
            let (Some(set), Some(ranks)) = (hubs.get(&class), rank.get_mut(&class)) else {
                continue;
            };
            if !is_superset(nodes, set) {
                continue;
            }
            for (position, n) in nodes.iter().filter(|n| set.contains(n)).enumerate() {
                let i = set.binary_search(n).expect("a member of the set");
                ranks[i].0 += position;
                ranks[i].1 += 1;
            }
        }
    }
    for (class, set) in hubs.iter_mut() {
        let ranks = &rank[class];
        let mut ordered: Vec<(usize, NodeIdx)> = set
            .iter()
            .enumerate()
            .map(|(i, &n)| (ranks[i].0 * 1_000_000 / ranks[i].1.max(1), n))
            .collect();
        ordered.sort_unstable();
        *set = ordered.into_iter().map(|(_, n)| n).collect();
    }
    hubs
}

/// Whether `nodes` (any order) holds every node of `set` (sorted).
pub(super) fn is_superset(nodes: &[NodeIdx], set: &[NodeIdx]) -> bool {
    nodes.len() >= set.len() && set.iter().all(|n| nodes.contains(n))
}
