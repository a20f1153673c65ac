//! Which nodes hold a SKU but cannot serve an order, and why: the sentence a `no_eligible_node`
//! or `sla_unreachable` shortfall carries, so the operator sees where the stock sits.

use crate::model::dates::format_day;
use crate::model::{Model, NodeIdx, OrderIdx, SkuIdx};

/// Holders named in one message at most; the rest are counted.
const MAX_NAMED: usize = 4;

/// Why a node that holds the SKU cannot serve the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Barrier {
    /// The node is closed (`active: false`).
    Inactive,
    /// The node serves only other channels.
    Channel,
    /// Neither a lane nor coordinates connect the node to the order.
    NoRoute,
    /// Hard SLA: its earliest delivery (any method) is after the due date.
    Late { earliest_eta: i64 },
}

/// Why `node` cannot serve `order` (active, channel, route, on time under a hard SLA), or
/// `None` when it can.
pub fn barrier(model: &Model, order: OrderIdx, node: NodeIdx) -> Option<Barrier> {
    if !model.nodes[node].active {
        return Some(Barrier::Inactive);
    }
    if !model.node_serves_channel(order, node) {
        return Some(Barrier::Channel);
    }
    let methods = 0..model.methods.len();
    let Some(earliest_eta) = methods
        .clone()
        .filter_map(|k| model.quote(order, node, k))
        .map(|q| q.eta_day)
        .min()
    else {
        return Some(Barrier::NoRoute);
    };
    let on_time = methods
        .into_iter()
        .any(|k| model.eligible_quote(order, node, k).is_some());
    (!on_time).then_some(Barrier::Late { earliest_eta })
}

/// "STORE-NYC holds 5 but serves only web; DC-RNO holds 3 but has no route to the order": every
/// node holding `sku` (net of safety stock) that cannot serve `order`, or `None` when there is
/// none.
pub fn describe(model: &Model, order: OrderIdx, sku: SkuIdx) -> Option<String> {
    let blocked: Vec<(NodeIdx, Barrier)> = (0..model.nodes.len())
        .filter(|&n| model.available(n, sku) > 0)
        .filter_map(|n| barrier(model, order, n).map(|b| (n, b)))
        .collect();
    if blocked.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = blocked
        .iter()
        .take(MAX_NAMED)
        .map(|(n, b)| {
            let node = &model.nodes[*n];
            let why = match b {
                Barrier::Inactive => "is closed".to_string(),
                Barrier::Channel => {
                    let names: Vec<&str> = node
                        .channels
                        .iter()
                        .flatten()
                        .map(|&c| model.channels[c].as_str())
                        .collect();
                    format!("serves only {}", names.join(", "))
                }
                Barrier::NoRoute => "has no route to the order".to_string(),
                Barrier::Late { earliest_eta } => {
                    let due = model.orders[order].due_day.map(format_day);
                    format!(
                        "arrives {} at the earliest, after the hard due date {}",
                        format_day(*earliest_eta),
                        due.unwrap_or_default()
                    )
                }
            };
            format!("{} holds {} but {why}", node.id, model.available(*n, sku))
        })
        .collect();
    if blocked.len() > MAX_NAMED {
        parts.push(format!("{} more node(s)", blocked.len() - MAX_NAMED));
    }
    Some(parts.join("; "))
}

/// "the active network holds 4 against the wave's demand of 6; DC-DAL holds 10 but is closed":
/// the `insufficient_inventory` detail.
pub fn describe_short(model: &Model, sku: SkuIdx, demand: i64) -> String {
    let mut text = format!(
        "the active network holds {} against the wave's demand of {demand}",
        model.network_available(sku)
    );
    let closed: Vec<String> = (0..model.nodes.len())
        .filter(|&n| !model.nodes[n].active && model.available(n, sku) > 0)
        .take(MAX_NAMED)
        .map(|n| {
            let node = &model.nodes[n];
            format!(
                "{} holds {} but is closed",
                node.id,
                model.available(n, sku)
            )
        })
        .collect();
    for part in closed {
        text.push_str("; ");
        text.push_str(&part);
    }
    text
}
