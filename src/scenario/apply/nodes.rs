//! Edits that add to the network or move stock within it: `add_node`, `transfer_stock`,
//! `set_fixed_cost`.

use crate::format::{Capacity, Handling, InventoryRecord, LatLon, Node, NodeKind, Wave};
use crate::scenario::spec::NewNode;

use super::EditSink;

/// A SKU the wave stocks somewhere or some order asks for.
fn sku_known(wave: &Wave, sku: &str) -> bool {
    wave.inventory.iter().any(|r| r.sku == sku)
        || wave
            .orders
            .iter()
            .any(|o| o.lines.iter().any(|l| l.sku == sku))
}

/// `add_node`: the id must be new and every stocked SKU known to the wave; numbers are checked
/// by the wave's validation afterwards (`/wave/nodes/<i>/…`, `/wave/inventory/<i>/…`).
pub(super) fn add_node(wave: &mut Wave, new: &NewNode, i: usize, sink: &mut EditSink) {
    let mut ok = true;
    if new.node.trim().is_empty() {
        sink.report(i, "node", "empty_string", "the new node needs an id".into());
        ok = false;
    } else if wave.nodes.iter().any(|n| n.id == new.node) {
        sink.report(
            i,
            "node",
            "duplicate_id",
            format!("node \"{}\" is already in the wave", new.node),
        );
        ok = false;
    }
    for sku in new.stock.keys() {
        if !sku_known(wave, sku) {
            let field = format!("stock/{}", crate::error::pointer_token(sku));
            sink.missing(i, &field, "SKU (in the inventory or an order line)", sku);
            ok = false;
        }
    }
    if !ok {
        return;
    }
    wave.nodes.push(Node {
        id: new.node.clone(),
        kind: new.kind,
        location: Some(LatLon {
            lat: new.lat,
            lon: new.lon,
        }),
        active: true,
        processing_days: new.processing_days.unwrap_or(0),
        handling: Handling {
            per_shipment: new.handling_per_shipment.unwrap_or(0.0),
            per_unit: new.handling_per_unit.unwrap_or(0.0),
        },
        fixed_cost: new.fixed_cost.unwrap_or(0.0),
        capacity: Capacity {
            shipments: new.shipments,
            units: new.units,
        },
        channels: new.channels.clone(),
    });
    for (sku, &on_hand) in &new.stock {
        wave.inventory.push(InventoryRecord {
            node: new.node.clone(),
            sku: sku.clone(),
            on_hand,
            safety_stock: 0,
        });
    }
}

/// The fields of a `transfer_stock` edit.
pub(super) struct Transfer<'e> {
    pub sku: &'e str,
    pub from: &'e str,
    pub to: &'e str,
    pub qty: i64,
}

/// `transfer_stock`: `qty` units leave `from`'s on-hand (at most its available units, on hand
/// less safety stock) and join `to`'s (a record is created when `to` had none of the SKU).
pub(super) fn transfer_stock(wave: &mut Wave, t: &Transfer, i: usize, sink: &mut EditSink) {
    let mut ok = true;
    for (field, node) in [("from", t.from), ("to", t.to)] {
        if !wave.nodes.iter().any(|n| n.id == node) {
            sink.missing(i, field, "node", node);
            ok = false;
        }
    }
    if ok && t.from == t.to {
        let message = format!("from and to are both \"{}\"", t.to);
        sink.report(i, "to", "same_node", message);
        ok = false;
    }
    if t.qty < 1 {
        let message = format!("qty must be >= 1, got {}", t.qty);
        sink.report(i, "qty", "not_positive", message);
        ok = false;
    }
    if !ok {
        return;
    }
    let Some(source) = wave
        .inventory
        .iter()
        .position(|r| r.node == t.from && r.sku == t.sku)
    else {
        let message = format!("node \"{}\" holds no \"{}\"", t.from, t.sku);
        sink.report(i, "sku", "unknown_reference", message);
        return;
    };
    let record = &mut wave.inventory[source];
    let available = (record.on_hand - record.safety_stock).max(0);
    if t.qty > available {
        let message = format!(
            "node \"{}\" has {available} units of \"{}\" available (on hand {} less safety \
             stock {}), fewer than the {} to move",
            t.from, t.sku, record.on_hand, record.safety_stock, t.qty
        );
        sink.report(i, "qty", "insufficient_stock", message);
        return;
    }
    record.on_hand -= t.qty;
    match wave
        .inventory
        .iter_mut()
        .find(|r| r.node == t.to && r.sku == t.sku)
    {
        Some(target) => target.on_hand += t.qty,
        None => wave.inventory.push(InventoryRecord {
            node: t.to.to_string(),
            sku: t.sku.to_string(),
            on_hand: t.qty,
            safety_stock: 0,
        }),
    }
}

/// `set_fixed_cost`: the node (or every node of the kind, or every node) gets `fixed_cost`.
pub(super) fn set_fixed_cost(
    wave: &mut Wave,
    fixed_cost: f64,
    node: Option<&str>,
    kind: Option<NodeKind>,
    i: usize,
    sink: &mut EditSink,
) {
    let mut ok = true;
    if !(fixed_cost.is_finite() && fixed_cost >= 0.0) {
        let message = format!("fixed_cost must be a finite number >= 0, got {fixed_cost}");
        sink.report(i, "fixed_cost", "invalid_amount", message);
        ok = false;
    }
    if let Some(node) = node {
        if !wave.nodes.iter().any(|n| n.id == node) {
            sink.missing(i, "node", "node", node);
            ok = false;
        }
    }
    if let Some(kind) = kind {
        if !wave.nodes.iter().any(|n| n.kind == kind) {
            sink.missing(i, "kind", "node kind", kind.as_str());
            ok = false;
        }
    }
    if !ok {
        return;
    }
    let selected = wave
        .nodes
        .iter_mut()
        .filter(|n| node.is_none_or(|id| n.id == id) && kind.is_none_or(|k| n.kind == k));
    let mut matched = false;
    for n in selected {
        n.fixed_cost = fixed_cost;
        matched = true;
    }
    if !matched {
        sink.matches_nothing(i, "node");
    }
}
