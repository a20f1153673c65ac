//! Order rules: ids, channel and customer, tier, dates, destination, hold, lines, and the
//! shape of `metadata` (whose content is the caller's and never read).
//! A SKU that no node stocks is not a problem (it becomes a shortfall), nor is a `due_by`
//! before `as_of` (the order is simply late).

use super::dates::{check_invalid_due_date, check_invalid_timestamp};
use super::geography::check_ship_to;
use super::ids::{check_duplicate_id, check_empty_string, FirstSeen};
use super::numbers::check_positive_quantity;
use super::references::{check_unknown_tier, Names};
use super::sink::{Pointer, Sink};
use crate::format::metadata::Metadata;
use crate::format::{Order, OrderLine};

/// Every rule about `orders`, order by order, in field order.
pub(super) fn check_orders(sink: &mut Sink, names: &Names, list: &Pointer, orders: &[Order]) {
    let mut ids = FirstSeen::with_capacity(orders.len());
    for (index, order) in orders.iter().enumerate() {
        let at = list.index(index);
        check_empty_string(
            sink,
            &at,
            "id",
            &order.id,
            "give every order its id from the OMS",
        );
        check_duplicate_id(sink, &mut ids, list, index, "id", &order.id);
        check_empty_string(
            sink,
            &at,
            "channel",
            &order.channel,
            "name the sales channel, e.g. edi or web",
        );
        check_empty_string(
            sink,
            &at,
            "customer",
            &order.customer,
            "give the customer id",
        );
        if let Some(tier) = &order.tier {
            check_unknown_tier(sink, names, &at, tier);
        }
        if let Some(placed_at) = &order.placed_at {
            check_invalid_timestamp(sink, &at, "placed_at", placed_at);
        }
        check_ship_to(sink, &at.field("ship_to"), &order.ship_to);
        if let Some(due_by) = &order.due_by {
            check_invalid_due_date(sink, &at, "due_by", due_by);
        }
        if let Some(hold) = &order.hold {
            check_empty_string(
                sink,
                &at,
                "hold",
                hold,
                "give the reason (e.g. credit), or omit hold to release the order",
            );
        }
        check_no_lines(sink, &at, order);
        check_lines(sink, &at.field("lines"), &order.lines);
        check_metadata(sink, &at, order.metadata.as_ref());
    }
}

/// `not_an_object`: `metadata` is a JSON object of the caller's own references, or absent.
fn check_metadata(sink: &mut Sink, at: &Pointer, metadata: Option<&Metadata>) {
    let Some(metadata) = metadata else {
        return;
    };
    if metadata.is_object() {
        return;
    }
    let first = metadata.json().chars().next().unwrap_or(' ');
    let kind = match first {
        '[' => "an array",
        '"' => "a string",
        'n' => "null",
        't' | 'f' => "a boolean",
        _ => "a number",
    };
    sink.report(
        at.field("metadata"),
        "not_an_object",
        format!(
            "metadata must be a JSON object, got {kind}; wrap the value, e.g. {{\"erp_ref\": ...}}, \
             or omit metadata"
        ),
    );
}

/// `no_lines`: an order without lines has nothing to source.
fn check_no_lines(sink: &mut Sink, at: &Pointer, order: &Order) {
    if !order.lines.is_empty() {
        return;
    }
    sink.report(
        at.field("lines"),
        "no_lines",
        "an order needs at least one line; add its lines or leave the order out of the wave"
            .to_string(),
    );
}

/// Every rule about one order's lines: ids non-blank and unique within the order, sku
/// non-blank, qty in [1, MAX_QUANTITY].
fn check_lines(sink: &mut Sink, list: &Pointer, lines: &[OrderLine]) {
    let mut ids = FirstSeen::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        let at = list.index(index);
        check_empty_string(
            sink,
            &at,
            "id",
            &line.id,
            "give every line an id, e.g. its line number",
        );
        check_duplicate_id(sink, &mut ids, list, index, "id", &line.id);
        check_empty_string(sink, &at, "sku", &line.sku, "give the item's SKU");
        check_positive_quantity(
            sink,
            &at,
            "qty",
            line.qty,
            "order at least one unit, or remove the line",
        );
        check_metadata(sink, &at, line.metadata.as_ref());
    }
}
