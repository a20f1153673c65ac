//! Node rules: at least one node (`no_nodes`), ids, location, processing days, costs,
//! capacities and channel lists. An inactive node, a node without a location (lanes may cover
//! it) and a zero capacity are all fine.

use super::geography::check_location;
use super::ids::{check_duplicate_id, check_empty_string, is_blank, FirstSeen};
use super::numbers::{check_days, check_money, check_quantity};
use super::sink::{quoted, Pointer, Sink};
use crate::format::Node;

/// Every rule about `nodes`, node by node, in field order.
pub(super) fn check_nodes(sink: &mut Sink, list: &Pointer, nodes: &[Node]) {
    check_no_nodes(sink, list, nodes);
    let mut ids = FirstSeen::with_capacity(nodes.len());
    for (index, node) in nodes.iter().enumerate() {
        let at = list.index(index);
        check_empty_string(sink, &at, "id", &node.id, "give every node its id");
        check_duplicate_id(sink, &mut ids, list, index, "id", &node.id);
        if let Some(location) = &node.location {
            check_location(sink, &at.field("location"), location);
        }
        check_days(sink, &at, "processing_days", node.processing_days);
        let handling = at.field("handling");
        check_money(sink, &handling, "per_shipment", node.handling.per_shipment);
        check_money(sink, &handling, "per_unit", node.handling.per_unit);
        check_money(sink, &at, "fixed_cost", node.fixed_cost);
        check_capacity(sink, &at.field("capacity"), node);
        if let Some(channels) = &node.channels {
            check_empty_channel_names(sink, &at.field("channels"), channels);
        }
    }
}

/// `no_nodes`: a wave must offer at least one node to ship from.
fn check_no_nodes(sink: &mut Sink, list: &Pointer, nodes: &[Node]) {
    if !nodes.is_empty() {
        return;
    }
    sink.report(
        *list,
        "no_nodes",
        "nodes is empty; list at least one fulfillment node (an inactive one will do for a \
         what-if)"
            .to_string(),
    );
}

/// `negative` / `value_too_large`: per-wave limits are counts in [0, MAX_QUANTITY].
fn check_capacity(sink: &mut Sink, at: &Pointer, node: &Node) {
    let hint = "use 0 to ship nothing, or omit the limit for unlimited";
    if let Some(shipments) = node.capacity.shipments {
        check_quantity(sink, at, "shipments", shipments, hint);
    }
    if let Some(units) = node.capacity.units {
        check_quantity(sink, at, "units", units, hint);
    }
}

/// `empty_string`: each entry of a node's `channels` names a channel.
fn check_empty_channel_names(sink: &mut Sink, list: &Pointer, channels: &[String]) {
    for (index, channel) in channels.iter().enumerate() {
        if is_blank(channel) {
            sink.report(
                list.index(index),
                "empty_string",
                format!(
                    "channels entries must not be empty or blank, got {}; name a channel \
                     such as edi or web, or remove the entry",
                    quoted(channel)
                ),
            );
        }
    }
}
