//! Unfilled reasons (SPEC.md §3): cheap consistency checks that only fail when a reason is
//! certainly false. Which reason is the *most specific* true one is not judged.
//!
//! "Holds" is units net of safety stock before the plan; a node *serves* an order when it is
//! active, allows the order's channel and has a route to it by some method.

use std::collections::HashMap;

use super::context::{path, Ctx};
use crate::error::Problem;
use crate::format::{Allocation, PlanStatus, UnfilledReason};
use crate::model::{NodeIdx, OrderIdx, SkuIdx};

/// Nodes that are active, allow the order's channel and have a route by some method.
fn serving_nodes(ctx: &Ctx, o: OrderIdx) -> Vec<NodeIdx> {
    let model = ctx.model;
    (0..model.nodes.len())
        .filter(|&n| model.node_serves_channel(o, n))
        .filter(|&n| (0..model.methods.len()).any(|m| model.quote(o, n, m).is_some()))
        .collect()
}

/// Nodes with an eligible quote (the above, and on time under a hard SLA) by some method.
fn on_time_nodes(ctx: &Ctx, o: OrderIdx) -> Vec<NodeIdx> {
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

/// Per (tier, SKU), the orders whose shipments carry the SKU (each order once).
fn shippers(ctx: &Ctx) -> HashMap<(usize, SkuIdx), Vec<OrderIdx>> {
    let mut by: HashMap<(usize, SkuIdx), Vec<OrderIdx>> = HashMap::new();
    for (_, o) in ctx.canonical_entries() {
        let tier = ctx.model.orders[o].tier;
        for ship in ctx.order_ships(o) {
            for sku in ship
                .lines
                .iter()
                .filter(|l| l.units > 0)
                .filter_map(|l| l.sku)
            {
                let orders = by.entry((tier, sku)).or_default();
                if !orders.contains(&o) {
                    orders.push(o);
                }
            }
        }
    }
    by
}

/// Whether the plan's tier fills are proven: it has `tier:<name>` stages and each one's bound,
/// rounded down, does not exceed its fill; or it has none and its status is `optimal`.
fn tier_fills_proven(ctx: &Ctx) -> bool {
    let tier_stages: Vec<_> = ctx
        .plan
        .solver
        .stages
        .iter()
        .filter(|s| s.name.starts_with("tier:"))
        .collect();
    if tier_stages.is_empty() {
        return ctx.plan.status == PlanStatus::Optimal;
    }
    tier_stages.iter().all(|s| match (s.objective, s.bound) {
        (Some(fill), Some(bound)) => (bound + 1e-6).floor() <= fill + 1e-6,
        _ => false,
    })
}

/// Units of `sku` the order asks for over all its lines.
fn order_need(ctx: &Ctx, o: OrderIdx, sku: SkuIdx) -> i64 {
    let lines = &ctx.model.orders[o].lines;
    lines
        .iter()
        .filter(|l| l.sku == sku)
        .fold(0i64, |a, l| a.saturating_add(l.qty))
}

/// The first of `nodes` that holds `sku`, with the units they hold together, when those units
/// cover the order's need for it: proof that the nodes were not short of it.
fn holding(ctx: &Ctx, nodes: &[NodeIdx], o: OrderIdx, sku: SkuIdx) -> Option<(NodeIdx, i64)> {
    let model = ctx.model;
    let held = nodes
        .iter()
        .fold(0i64, |a, &n| a.saturating_add(model.available(n, sku)));
    let first = nodes
        .iter()
        .copied()
        .find(|&n| model.available(n, sku) > 0)?;
    (held >= order_need(ctx, o, sku)).then_some((first, held))
}

/// Facts computed once per plan, on first use.
#[derive(Default)]
struct Lazy {
    demand: Option<Vec<i64>>,
    shippers: Option<HashMap<(usize, SkuIdx), Vec<OrderIdx>>>,
    proven: Option<bool>,
}

/// `unfilled_reason_inconsistent`.
pub fn check_unfilled_reasons(ctx: &Ctx, out: &mut Vec<Problem>) {
    let model = ctx.model;
    let mut lazy = Lazy::default();
    for (e, o) in ctx.known_entries() {
        let order = &model.orders[o];
        let mut serving: Option<Vec<NodeIdx>> = None;
        let mut on_time: Option<Vec<NodeIdx>> = None;
        for (u, unfilled) in ctx.plan.orders[e].unfilled.iter().enumerate() {
            let reason = unfilled.reason;
            let sku = line_sku(ctx, o, &unfilled.line, &unfilled.sku);
            let why: Option<String> = match reason {
                _ if order.is_held() && reason != UnfilledReason::OnHold => Some(format!(
                    "the order is on hold ('{}'), so every unfilled line has reason on_hold",
                    order.hold.as_deref().unwrap_or_default()
                )),
                UnfilledReason::OnHold if !order.is_held() => {
                    Some("the order has no hold".to_string())
                }
                UnfilledReason::NoEligibleNode => sku.and_then(|sku| {
                    let nodes = serving.get_or_insert_with(|| serving_nodes(ctx, o));
                    holding(ctx, nodes, o, sku).map(|(n, held)| {
                        format!(
                            "node '{}' is active, serves channel '{}' and has a route to the order, and such nodes hold {held} unit(s) of sku '{}', enough for the order",
                            ctx.node_id(n),
                            ctx.channel_name(o),
                            ctx.sku_name(sku)
                        )
                    })
                }),
                UnfilledReason::SlaUnreachable if !model.policy.hard_sla => {
                    Some("policy.sla is soft, so late shipments are allowed".to_string())
                }
                UnfilledReason::SlaUnreachable => sku.and_then(|sku| {
                    let nodes = on_time.get_or_insert_with(|| on_time_nodes(ctx, o));
                    holding(ctx, nodes, o, sku).map(|(n, held)| {
                        format!(
                            "node '{}' can deliver on time, and such nodes hold {held} unit(s) of sku '{}', enough for the order",
                            ctx.node_id(n),
                            ctx.sku_name(sku)
                        )
                    })
                }),
                UnfilledReason::InsufficientInventory => sku.and_then(|sku| {
                    let available = model.network_available(sku);
                    let needed = lazy.demand.get_or_insert_with(|| open_demand(ctx))[sku];
                    (available >= needed).then(|| {
                        format!(
                            "the active network holds {available} unit(s) of sku '{}', enough for the {needed} demanded by orders not on hold",
                            ctx.sku_name(sku)
                        )
                    })
                }),
                UnfilledReason::AllocatedToHigherTier | UnfilledReason::AllocatedToSameTier => {
                    sku.and_then(|sku| {
                        let by = lazy.shippers.get_or_insert_with(|| shippers(ctx));
                        let higher = reason == UnfilledReason::AllocatedToHigherTier;
                        let took = |t: usize| {
                            by.get(&(t, sku))
                                .is_some_and(|orders| orders.iter().any(|&other| other != o))
                        };
                        let any = if higher {
                            (0..order.tier).any(took)
                        } else {
                            took(order.tier)
                        };
                        (!any).then(|| {
                            format!(
                                "no other order of {} tier ships sku '{}'",
                                if higher { "a higher" } else { "the same" },
                                ctx.sku_name(sku)
                            )
                        })
                    })
                }
                UnfilledReason::TimeLimitReached => {
                    let proven = *lazy.proven.get_or_insert_with(|| tier_fills_proven(ctx));
                    proven.then(|| {
                        "the plan's tier fills are all proven, so the solve did not stop short of them"
                            .to_string()
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
