//! Unfilled reasons: cheap consistency checks that only fail when a reason is certainly false.
//! Which reason is the *most specific* true one is not judged.

use super::context::{path, Ctx};
use crate::error::Problem;
use crate::format::{Allocation, UnfilledReason};
use crate::model::{NodeIdx, OrderIdx, SkuIdx};

/// Nodes that are active, allow the order's channel and have a route by some method.
fn routed_nodes(ctx: &Ctx, o: OrderIdx) -> Vec<NodeIdx> {
    let model = ctx.model;
    (0..model.nodes.len())
        .filter(|&n| model.node_serves_channel(o, n))
        .filter(|&n| (0..model.methods.len()).any(|m| model.quote(o, n, m).is_some()))
        .collect()
}

/// Nodes with an eligible quote (the above, and on time under a hard SLA) by some method.
fn eligible_nodes(ctx: &Ctx, o: OrderIdx) -> Vec<NodeIdx> {
    let model = ctx.model;
    (0..model.nodes.len())
        .filter(|&n| (0..model.methods.len()).any(|m| model.eligible_quote(o, n, m).is_some()))
        .collect()
}

/// Demand per SKU over the orders not on hold.
fn open_demand(ctx: &Ctx) -> Vec<i64> {
    let mut demand = vec![0i64; ctx.model.skus.len()];
    for order in ctx.model.orders.iter().filter(|o| !o.is_held()) {
        for line in &order.lines {
            if let Some(d) = demand.get_mut(line.sku) {
                *d = d.saturating_add(line.qty);
            }
        }
    }
    demand
}

/// `unfilled_reason_inconsistent`.
pub fn check_unfilled_reasons(ctx: &Ctx, out: &mut Vec<Problem>) {
    let model = ctx.model;
    let mut demand: Option<Vec<i64>> = None;
    for (e, o) in ctx.known_entries() {
        let order = &model.orders[o];
        let mut routed: Option<Vec<NodeIdx>> = None;
        let mut eligible: Option<Vec<NodeIdx>> = None;
        for (u, unfilled) in ctx.plan.orders[e].unfilled.iter().enumerate() {
            let reason = unfilled.reason;
            let why: Option<String> = match reason {
                _ if order.is_held() && reason != UnfilledReason::OnHold => Some(format!(
                    "the order is on hold ('{}'), so every unfilled line has reason on_hold",
                    order.hold.as_deref().unwrap_or_default()
                )),
                UnfilledReason::OnHold if !order.is_held() => {
                    Some("the order has no hold".to_string())
                }
                UnfilledReason::NoEligibleNode => {
                    let nodes = routed.get_or_insert_with(|| routed_nodes(ctx, o));
                    nodes.first().map(|&n| {
                        format!(
                            "node '{}' is active, serves channel '{}' and has a route to the order",
                            ctx.node_id(n),
                            ctx.channel_name(o)
                        )
                    })
                }
                UnfilledReason::SlaUnreachable => {
                    if !model.policy.hard_sla {
                        Some("policy.sla is soft, so late shipments are allowed".to_string())
                    } else {
                        let nodes = eligible.get_or_insert_with(|| eligible_nodes(ctx, o));
                        nodes
                            .first()
                            .map(|&n| format!("node '{}' can deliver on time", ctx.node_id(n)))
                    }
                }
                UnfilledReason::InsufficientInventory => {
                    let sku = line_sku(ctx, o, &unfilled.line, &unfilled.sku);
                    sku.and_then(|sku| {
                        let nodes = eligible.get_or_insert_with(|| eligible_nodes(ctx, o));
                        let available = nodes
                            .iter()
                            .fold(0i64, |a, &n| a.saturating_add(model.available(n, sku)));
                        let needed = demand.get_or_insert_with(|| open_demand(ctx))[sku];
                        (available >= needed).then(|| {
                            format!(
                                "the nodes that can serve it hold {available} unit(s) of sku '{}', enough for the {needed} demanded by orders not on hold",
                                ctx.sku_name(sku)
                            )
                        })
                    })
                }
                UnfilledReason::NotEconomic if model.policy.allocation != Allocation::Weighted => {
                    Some(
                        "allocation is strict; not_economic applies to weighted allocation only"
                            .to_string(),
                    )
                }
                UnfilledReason::ShipCompleteUnsatisfiable if !order.ship_complete => {
                    Some("the order is not ship_complete".to_string())
                }
                UnfilledReason::FillOrKillUnsatisfiable if !order.fill_or_kill => {
                    Some("the order is not fill_or_kill".to_string())
                }
                UnfilledReason::MaxShipmentsReached
                    if model.policy.max_shipments_per_order.is_none() =>
                {
                    Some("the policy sets no max_shipments_per_order".to_string())
                }
                _ => None,
            };
            if let Some(why) = why {
                out.push(Problem::new(
                    format!("{}/reason", path::unfilled(e, u)),
                    "unfilled_reason_inconsistent",
                    format!(
                        "order '{}' line '{}' ({}) is unfilled with reason {}, but {why}",
                        order.id,
                        unfilled.line,
                        unfilled.sku,
                        reason.as_str()
                    ),
                ));
            }
        }
    }
}

/// The SKU an unfilled entry is about: its order line's, else the one it names, if known.
fn line_sku(ctx: &Ctx, o: OrderIdx, line: &str, sku: &str) -> Option<SkuIdx> {
    match ctx.line_index(o, line) {
        Some(li) => Some(ctx.model.orders[o].lines[li].sku),
        None => ctx.sku_of.get(sku).copied(),
    }
}
