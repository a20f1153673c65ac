//! Edits to the network: opening and closing nodes, node capacities, inventory levels.

use crate::format::{NodeKind, Wave};

use super::EditSink;
use crate::scenario::spec::Limit;

/// `close_node` / `open_node`.
pub(super) fn set_active(wave: &mut Wave, node: &str, active: bool, i: usize, sink: &mut EditSink) {
    match wave.nodes.iter_mut().find(|n| n.id == node) {
        Some(n) => n.active = active,
        None => sink.missing(i, "node", "node", node),
    }
}

/// `set_capacity`: each given limit replaces the node's (`"unlimited"` removes it).
pub(super) fn set_capacity(
    wave: &mut Wave,
    node: &str,
    shipments: Option<&Limit>,
    units: Option<&Limit>,
    i: usize,
    sink: &mut EditSink,
) {
    if shipments.is_none() && units.is_none() {
        sink.report(
            i,
            "",
            "empty_edit",
            "set_capacity needs `shipments` or `units`".to_string(),
        );
    }
    let shipments = shipments.map(|l| sink.limit(i, "shipments", l));
    let units = units.map(|l| sink.limit(i, "units", l));
    let Some(n) = wave.nodes.iter_mut().find(|n| n.id == node) else {
        sink.missing(i, "node", "node", node);
        return;
    };
    if let Some(Ok(limit)) = shipments {
        n.capacity.shipments = limit;
    }
    if let Some(Ok(limit)) = units {
        n.capacity.units = limit;
    }
}

/// `scale_inventory`: `on_hand` of every record matching all filters becomes
/// `round(on_hand × factor)` (halves away from zero); `safety_stock` is kept.
pub(super) fn scale_inventory(
    wave: &mut Wave,
    factor: f64,
    sku: Option<&str>,
    node: Option<&str>,
    kind: Option<NodeKind>,
    i: usize,
    sink: &mut EditSink,
) {
    let mut named_ok = sink.factor_ok(i, factor);
    if let Some(sku) = sku {
        if !wave.inventory.iter().any(|r| r.sku == sku) {
            sink.missing(i, "sku", "SKU (in the inventory)", sku);
            named_ok = false;
        }
    }
    if let Some(node) = node {
        if !wave.nodes.iter().any(|n| n.id == node) {
            sink.missing(i, "node", "node", node);
            named_ok = false;
        }
    }
    if let Some(kind) = kind {
        if !wave.nodes.iter().any(|n| n.kind == kind) {
            sink.missing(i, "kind", "node kind", kind.as_str());
            named_ok = false;
        }
    }
    if !named_ok {
        return;
    }
    let kind_of = |id: &str| wave.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
    let selected: Vec<usize> = wave
        .inventory
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            sku.is_none_or(|s| r.sku == s)
                && node.is_none_or(|n| r.node == n)
                && kind.is_none_or(|k| kind_of(&r.node) == Some(k))
        })
        .map(|(index, _)| index)
        .collect();
    if selected.is_empty() {
        sink.matches_nothing(i, "inventory record");
        return;
    }
    for index in selected {
        let record = &mut wave.inventory[index];
        record.on_hand = scale_units(record.on_hand, factor);
    }
}

/// `round(units × factor)`, halves away from zero, never negative.
pub(crate) fn scale_units(units: i64, factor: f64) -> i64 {
    ((units as f64) * factor).round().max(0.0) as i64
}
