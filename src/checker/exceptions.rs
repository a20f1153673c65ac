//! Exceptions the plan must raise (SPEC.md §3): a `hold` for every held order, a `shortfall` for
//! every order not held with unfilled units, a `split_shipment` for every order with more than
//! one shipment and a `late` for every late shipment, each naming its order.

use std::collections::HashMap;

use super::context::Ctx;
use crate::error::Problem;
use crate::format::ExceptionKind;

fn kind_name(kind: ExceptionKind) -> &'static str {
    match kind {
        ExceptionKind::Shortfall => "shortfall",
        ExceptionKind::SplitShipment => "split_shipment",
        ExceptionKind::Late => "late",
        ExceptionKind::Hold => "hold",
        ExceptionKind::CapacityBottleneck => "capacity_bottleneck",
        ExceptionKind::ReservationIdle => "reservation_idle",
        ExceptionKind::ReservationNotCovered => "reservation_not_covered",
    }
}

/// `missing_exception`: reported per order and kind, for orders present in the plan.
pub fn check_required_exceptions(ctx: &Ctx, out: &mut Vec<Problem>) {
    let mut raised: HashMap<(ExceptionKind, &str), usize> = HashMap::new();
    for x in &ctx.plan.exceptions {
        if let Some(order) = &x.order {
            *raised.entry((x.kind, order.as_str())).or_default() += 1;
        }
    }
    for (e, o) in ctx.canonical_entries() {
        let order = &ctx.model.orders[o];
        let ships = &ctx.ships[e];
        let mut required: Vec<(ExceptionKind, usize, String)> = Vec::new();
        if let Some(reason) = &order.hold {
            required.push((
                ExceptionKind::Hold,
                1,
                format!("it is on hold ('{reason}')"),
            ));
        } else {
            let shipped = ctx.shipped_by_line(e, o);
            let unfilled = order.lines.iter().zip(&shipped).fold(0i64, |a, (l, &s)| {
                a.saturating_add(l.qty.saturating_sub(s).max(0))
            });
            if unfilled > 0 {
                required.push((
                    ExceptionKind::Shortfall,
                    1,
                    format!("{unfilled} unit(s) are unfilled"),
                ));
            }
        }
        if ships.len() > 1 {
            required.push((
                ExceptionKind::SplitShipment,
                1,
                format!("it ships in {} shipments", ships.len()),
            ));
        }
        let late = ships
            .iter()
            .enumerate()
            .filter(|(s, ship)| ship.days_late(ctx.plan.orders[e].shipments[*s].days_late) > 0)
            .count();
        if late > 0 {
            required.push((
                ExceptionKind::Late,
                late,
                format!("{late} of its shipments arrive after due_by"),
            ));
        }
        for (kind, needed, why) in required {
            let found = raised.get(&(kind, order.id.as_str())).copied().unwrap_or(0);
            if found < needed {
                out.push(Problem::new(
                    "/exceptions",
                    "missing_exception",
                    format!(
                        "order '{}' needs {needed} '{}' exception(s) naming it ({why}) but the plan has {found}",
                        order.id,
                        kind_name(kind)
                    ),
                ));
            }
        }
    }
}

/// `empty_exception_message`, `unknown_exception_order`.
pub fn check_exception_fields(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (i, x) in ctx.plan.exceptions.iter().enumerate() {
        if x.message.trim().is_empty() {
            out.push(Problem::new(
                format!("/exceptions/{i}/message"),
                "empty_exception_message",
                format!(
                    "the '{}' exception{} has no message; say what happened and what to do",
                    kind_name(x.kind),
                    x.order
                        .as_ref()
                        .map(|o| format!(" for order '{o}'"))
                        .unwrap_or_default()
                ),
            ));
        }
        if let Some(order) = &x.order {
            if !ctx.order_of.contains_key(order.as_str()) {
                out.push(Problem::new(
                    format!("/exceptions/{i}/order"),
                    "unknown_exception_order",
                    format!(
                        "the '{}' exception names order '{order}', which is not in the wave",
                        kind_name(x.kind)
                    ),
                ));
            }
        }
    }
}
