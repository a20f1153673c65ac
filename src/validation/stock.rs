//! Stock rules: inventory records and channel reservations. `safety_stock > on_hand` is
//! allowed (the node simply has nothing available); negative stock is not.

use super::ids::{check_empty_string, is_blank, FirstSeen};
use super::numbers::{check_bounded, check_quantity};
use super::references::{check_unknown_node, Names};
use super::sink::{quoted, Pointer, Sink};
use crate::format::{InventoryRecord, Reservation};

/// Every rule about `inventory`, record by record, in field order.
pub(super) fn check_inventory(
    sink: &mut Sink,
    names: &Names,
    list: &Pointer,
    records: &[InventoryRecord],
) {
    let mut seen = FirstSeen::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        let at = list.index(index);
        check_duplicate_inventory(sink, &mut seen, list, index, record);
        check_empty_string(
            sink,
            &at,
            "node",
            &record.node,
            "name the node holding the stock",
        );
        check_unknown_node(sink, names, &at, "node", &record.node);
        check_empty_string(sink, &at, "sku", &record.sku, "give the item's SKU");
        check_quantity(
            sink,
            &at,
            "on_hand",
            record.on_hand,
            "report a stock-out as 0 on hand",
        );
        check_quantity(
            sink,
            &at,
            "safety_stock",
            record.safety_stock,
            "use 0 for no safety stock",
        );
    }
}

/// `duplicate_inventory`: a second record for the same (node, sku); stock would be ambiguous.
fn check_duplicate_inventory<'w>(
    sink: &mut Sink,
    seen: &mut FirstSeen<(&'w str, &'w str)>,
    list: &Pointer,
    index: usize,
    record: &'w InventoryRecord,
) {
    if is_blank(&record.node) || is_blank(&record.sku) {
        return;
    }
    if let Some(first) = seen.earlier((&record.node, &record.sku), index) {
        sink.report(
            list.index(index),
            "duplicate_inventory",
            format!(
                "a second inventory record for node {} and sku {} (the first is {}); merge \
                 them into one record",
                quoted(&record.node),
                quoted(&record.sku),
                list.index(first).render()
            ),
        );
    }
}

/// Every rule about `reservations`, one by one, in field order.
pub(super) fn check_reservations(
    sink: &mut Sink,
    names: &Names,
    list: &Pointer,
    reservations: &[Reservation],
) {
    for (index, reservation) in reservations.iter().enumerate() {
        let at = list.index(index);
        check_qty_and_share(sink, &at, reservation);
        check_missing_qty_or_share(sink, &at, reservation);
        check_empty_string(
            sink,
            &at,
            "channel",
            &reservation.channel,
            "name the channel the units are protected for",
        );
        check_empty_string(
            sink,
            &at,
            "sku",
            &reservation.sku,
            "give the reserved item's SKU",
        );
        if let Some(node) = &reservation.node {
            check_empty_string(
                sink,
                &at,
                "node",
                node,
                "name a node, or omit node to reserve across the network",
            );
            check_unknown_node(sink, names, &at, "node", node);
        }
        if let Some(qty) = reservation.qty {
            check_quantity(sink, &at, "qty", qty, "reserve 0 or more units");
        }
        if let Some(share) = reservation.share {
            check_bounded(
                sink,
                &at,
                "share",
                share,
                (0.0, 1.0),
                "share is a fraction of available units, e.g. 0.25",
            );
        }
    }
}

/// `qty_and_share`: a reservation gives both `qty` and `share`; which one applies is ambiguous.
fn check_qty_and_share(sink: &mut Sink, at: &Pointer, reservation: &Reservation) {
    if reservation.qty.is_none() || reservation.share.is_none() {
        return;
    }
    sink.report(
        *at,
        "qty_and_share",
        "a reservation takes either qty (units) or share (a fraction of available), not both; \
         remove one of them"
            .to_string(),
    );
}

/// `missing_qty_or_share`: a reservation gives neither `qty` nor `share`, so it protects nothing.
fn check_missing_qty_or_share(sink: &mut Sink, at: &Pointer, reservation: &Reservation) {
    if reservation.qty.is_some() || reservation.share.is_some() {
        return;
    }
    sink.report(
        *at,
        "missing_qty_or_share",
        "a reservation needs qty (units) or share (a fraction of available); add one of them"
            .to_string(),
    );
}
