//! The hard rules on each shipment and order: active, channel-eligible nodes with a route;
//! ship-complete, fill-or-kill and the shipment limit; no late shipment under a hard SLA.

use super::context::{path, Ctx};
use super::status::expected_status;
use crate::error::Problem;
use crate::format::OrderStatus;
use crate::model::dates::format_day;

/// `inactive_node`, `channel_not_allowed`, `no_route`.
pub fn check_eligibility(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, o) in ctx.known_entries() {
        let order = &ctx.model.orders[o];
        for (s, ship) in ctx.ships[e].iter().enumerate() {
            let Some(n) = ship.node else { continue };
            let node = &ctx.model.nodes[n];
            if !node.active {
                out.push(Problem::new(
                    path::shipment_field(e, s, "node"),
                    "inactive_node",
                    format!(
                        "order '{}' ships {} unit(s) from node '{}', which is inactive (closed) and ships nothing",
                        order.id, ship.units, node.id
                    ),
                ));
            }
            if let Some(allowed) = &node.channels {
                if allowed.binary_search(&order.channel).is_err() {
                    let names: Vec<&str> = allowed
                        .iter()
                        .filter_map(|&c| ctx.model.channels.get(c).map(String::as_str))
                        .collect();
                    out.push(Problem::new(
                        path::shipment_field(e, s, "node"),
                        "channel_not_allowed",
                        format!(
                            "order '{}' is a '{}' order but node '{}' only serves channels [{}]",
                            order.id,
                            ctx.channel_name(o),
                            node.id,
                            names.join(", ")
                        ),
                    ));
                }
            }
            if let (Some(m), None) = (ship.method, &ship.quote) {
                out.push(Problem::new(
                    path::shipment(e, s),
                    "no_route",
                    format!(
                        "node '{}' cannot reach order '{}' by '{}': no lane for its zone and no distance (location or ship-to coordinates missing)",
                        node.id, order.id, ctx.model.methods[m].id
                    ),
                ));
            }
        }
    }
}

/// `ship_complete_violated`, `fill_or_kill_violated`, `max_shipments_exceeded`.
pub fn check_order_rules(ctx: &Ctx, out: &mut Vec<Problem>) {
    let max = ctx.model.policy.max_shipments_per_order;
    for (e, o) in ctx.known_entries() {
        let order = &ctx.model.orders[o];
        let count = ctx.ships[e].len();
        if count == 0 || order.is_held() {
            // A held order that ships is reported by the hold check alone.
            continue;
        }
        let status = expected_status(ctx, e, o);
        let shipped: i64 = ctx.ships[e]
            .iter()
            .fold(0, |a, s| a.saturating_add(s.units));
        let demanded = order
            .lines
            .iter()
            .fold(0i64, |a, l| a.saturating_add(l.qty));
        if order.ship_complete {
            if count > 1 {
                out.push(Problem::new(
                    path::shipment(e, 1),
                    "ship_complete_violated",
                    format!(
                        "order '{}' is ship-complete but is split into {count} shipments; ship it whole from one node in one shipment, or not at all",
                        order.id
                    ),
                ));
            } else if status != OrderStatus::Filled {
                out.push(Problem::new(
                    path::entry(e),
                    "ship_complete_violated",
                    format!(
                        "order '{}' is ship-complete but its one shipment carries {shipped} of {demanded} unit(s); ship it whole or not at all",
                        order.id
                    ),
                ));
            }
        }
        if order.fill_or_kill && status != OrderStatus::Filled {
            out.push(Problem::new(
                path::entry(e),
                "fill_or_kill_violated",
                format!(
                    "order '{}' is fill-or-kill but ships {shipped} of {demanded} unit(s); fill every line in full or ship nothing",
                    order.id
                ),
            ));
        }
        if let Some(limit) = max {
            if count as i64 > limit {
                let first_extra = usize::try_from(limit.max(0)).unwrap_or(0);
                out.push(Problem::new(
                    path::shipment(e, first_extra),
                    "max_shipments_exceeded",
                    format!(
                        "order '{}' has {count} shipments but policy.max_shipments_per_order is {limit}",
                        order.id
                    ),
                ));
            }
        }
    }
}

/// `late_under_hard_sla`: with `policy.sla: hard`, every shipment arrives by `due_by`.
pub fn check_hard_sla(ctx: &Ctx, out: &mut Vec<Problem>) {
    if !ctx.model.policy.hard_sla {
        return;
    }
    for (e, o) in ctx.known_entries() {
        let order = &ctx.model.orders[o];
        for (s, ship) in ctx.ships[e].iter().enumerate() {
            let Some(q) = &ship.quote else { continue };
            if q.days_late > 0 {
                let due = order.due_day.map(format_day).unwrap_or_default();
                out.push(Problem::new(
                    path::shipment(e, s),
                    "late_under_hard_sla",
                    format!(
                        "order '{}' shipment from node '{}' arrives {} ({} day(s) after due {due}), but policy.sla is hard; use a faster method or another node, or leave it unfilled (sla_unreachable)",
                        order.id,
                        ctx.plan.orders[e].shipments[s].node,
                        format_day(q.eta_day),
                        q.days_late
                    ),
                ));
            }
        }
    }
}
