//! Order status and holds: `held` exactly for orders with a `hold`, which ship nothing; otherwise
//! `filled` (every unit shipped), `unfilled` (nothing shipped) or `partial`.

use super::context::{path, Ctx};
use crate::error::Problem;
use crate::format::OrderStatus;
use crate::model::OrderIdx;

fn status_name(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Filled => "filled",
        OrderStatus::Partial => "partial",
        OrderStatus::Unfilled => "unfilled",
        OrderStatus::Held => "held",
    }
}

/// The status the shipments of plan entry `entry` give input order `order`.
pub fn expected_status(ctx: &Ctx, entry: usize, order: OrderIdx) -> OrderStatus {
    let o = &ctx.model.orders[order];
    if o.is_held() {
        return OrderStatus::Held;
    }
    let shipped = ctx.shipped_by_line(entry, order);
    if o.lines.iter().zip(&shipped).all(|(l, &s)| s >= l.qty) {
        OrderStatus::Filled
    } else if shipped.iter().all(|&s| s == 0) {
        OrderStatus::Unfilled
    } else {
        OrderStatus::Partial
    }
}

/// Whether input order `order` is filled by its counted plan entry.
pub fn is_complete(ctx: &Ctx, order: OrderIdx) -> bool {
    match ctx.canonical[order] {
        Some(e) => expected_status(ctx, e, order) == OrderStatus::Filled,
        None => false,
    }
}

/// `wrong_order_status`: the status must follow from the order's hold and its shipments.
pub fn check_order_status(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, o) in ctx.known_entries() {
        let expected = expected_status(ctx, e, o);
        let written = ctx.plan.orders[e].status;
        if written != expected {
            let order = &ctx.model.orders[o];
            let shipped: i64 = ctx
                .shipped_by_line(e, o)
                .iter()
                .fold(0, |a, &b| a.saturating_add(b));
            let demanded = order
                .lines
                .iter()
                .fold(0i64, |a, l| a.saturating_add(l.qty));
            let why = match &order.hold {
                Some(reason) => format!("it is on hold ('{reason}')"),
                None => format!("it ships {shipped} of {demanded} unit(s) and has no hold"),
            };
            out.push(Problem::new(
                format!("/orders/{e}/status"),
                "wrong_order_status",
                format!(
                    "order '{}' is reported '{}' but is '{}': {why}",
                    order.id,
                    status_name(written),
                    status_name(expected)
                ),
            ));
        }
    }
}

/// `held_order_shipped`: an order with a `hold` gets nothing.
pub fn check_holds(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, o) in ctx.known_entries() {
        let order = &ctx.model.orders[o];
        let shipments = &ctx.plan.orders[e].shipments;
        if let (Some(reason), Some(first)) = (&order.hold, shipments.first()) {
            let units = ctx.ships[e]
                .iter()
                .fold(0i64, |a, s| a.saturating_add(s.units));
            out.push(Problem::new(
                path::shipment(e, 0),
                "held_order_shipped",
                format!(
                    "order '{}' is on hold ('{reason}') but has {} shipment(s) ({units} unit(s), first from node '{}'); a held order ships nothing and all its lines are unfilled with reason on_hold",
                    order.id,
                    shipments.len(),
                    first.node
                ),
            ));
        }
    }
}
