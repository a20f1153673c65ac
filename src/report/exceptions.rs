//! Exceptions an operations team can act on without reading the rest of the plan (SPEC.md §3).

use crate::format::{ExceptionKind, OrderResult, PlanException, Severity, UnfilledReason};
use crate::model::Model;
use crate::solver::ledger::Ledger;

/// Share of a capacity at or above which a node is reported as a bottleneck.
pub const BOTTLENECK_SHARE: f64 = 0.95;

/// `details[o][u]` is what the reasoner adds to order `o`'s `u`-th unfilled line (the nodes that
/// hold the SKU but cannot serve the order, and why).
pub fn collect(
    model: &Model,
    orders: &[OrderResult],
    details: &[Vec<Option<String>>],
    ledger: &Ledger,
) -> Vec<PlanException> {
    let mut out = Vec::new();
    for (oi, result) in orders.iter().enumerate() {
        order_exceptions(model, oi, result, &details[oi], &mut out);
    }
    capacity_bottlenecks(model, ledger, &mut out);
    reservation_exceptions(model, ledger, &mut out);
    out
}

fn exception(kind: ExceptionKind, severity: Severity, message: String) -> PlanException {
    PlanException {
        kind,
        severity,
        order: None,
        node: None,
        channel: None,
        sku: None,
        qty: None,
        message,
    }
}

fn action_for(reason: UnfilledReason) -> &'static str {
    match reason {
        UnfilledReason::OnHold => "release the hold to plan it",
        UnfilledReason::NoEligibleNode => {
            "let a node that holds it serve this channel, reopen a closed one, or add a lane or coordinates to reach the ship-to"
        }
        UnfilledReason::InsufficientInventory => {
            "replenish or backorder: the network holds less than the wave demands"
        }
        UnfilledReason::ReservedForOtherChannel => {
            "release part of the other channel's reservation if this order matters more"
        }
        UnfilledReason::AllocatedToHigherTier => {
            "expedite replenishment or agree a later date with the customer"
        }
        UnfilledReason::AllocatedToSameTier => {
            "expedite replenishment; older or cheaper orders of the same tier came first"
        }
        UnfilledReason::SlaUnreachable => {
            "agree a later due date, or allow late delivery (soft SLA)"
        }
        UnfilledReason::CapacityExhausted => {
            "add node capacity (overtime, another shift) or move the order to the next wave"
        }
        UnfilledReason::MaxShipmentsReached => {
            "allow more shipments per order or wait for stock to consolidate"
        }
        UnfilledReason::ShipCompleteUnsatisfiable => {
            "ask the customer to accept partial shipments or transfer stock to one node"
        }
        UnfilledReason::FillOrKillUnsatisfiable => "ask the customer to accept a partial fill",
        UnfilledReason::NotEconomic => "raise the tier's unfilled_penalty if this order must ship",
        UnfilledReason::TimeLimitReached => {
            "plan again with a longer options.time_limit_ms (or with the optimizer engine): stock and capacity were free for it"
        }
    }
}

fn order_exceptions(
    model: &Model,
    oi: usize,
    result: &OrderResult,
    details: &[Option<String>],
    out: &mut Vec<PlanException>,
) {
    let o = &model.orders[oi];
    let tier = &model.tiers[o.tier].name;
    let channel = &model.channels[o.channel];
    let name = Some(o.id.clone());
    if let Some(hold) = &o.hold {
        let mut e = exception(
            ExceptionKind::Hold,
            Severity::Warning,
            format!(
                "Order {} ({tier}, {channel}) is on hold ({hold}): {} units not planned. Release the hold to include it in the next wave.",
                o.id,
                o.units()
            ),
        );
        e.order = name.clone();
        e.channel = Some(channel.clone());
        e.qty = Some(o.units());
        out.push(e);
    } else if !result.unfilled.is_empty() {
        let missing: i64 = result.unfilled.iter().map(|u| u.qty).sum();
        let detail: Vec<String> = result
            .unfilled
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let reason = u.reason.as_str().replace('_', " ");
                match details.get(i).and_then(Option::as_deref) {
                    Some(detail) => format!("{} ×{} ({reason}: {detail})", u.sku, u.qty),
                    None => format!("{} ×{} ({reason})", u.sku, u.qty),
                }
            })
            .collect();
        let first = result.unfilled[0].reason;
        let severity = if o.tier == 0 {
            Severity::Critical
        } else {
            Severity::Warning
        };
        let mut e = exception(
            ExceptionKind::Shortfall,
            severity,
            format!(
                "Order {} ({tier}, {channel}) is short {missing} of {} units: {}. Action: {}.",
                o.id,
                o.units(),
                detail.join(", "),
                action_for(first)
            ),
        );
        e.order = name.clone();
        e.channel = Some(channel.clone());
        e.qty = Some(missing);
        let skus: std::collections::BTreeSet<&str> =
            result.unfilled.iter().map(|u| u.sku.as_str()).collect();
        if skus.len() == 1 {
            e.sku = Some(result.unfilled[0].sku.clone());
        }
        out.push(e);
    }
    if result.shipments.len() > 1 {
        let from: Vec<String> = result
            .shipments
            .iter()
            .map(|s| format!("{} by {}", s.node, s.method))
            .collect();
        let mut e = exception(
            ExceptionKind::SplitShipment,
            Severity::Info,
            format!(
                "Order {} ships in {} shipments ({}): no single eligible node could fill it as cheaply. Customer receives multiple parcels.",
                o.id,
                result.shipments.len(),
                from.join(", ")
            ),
        );
        e.order = name.clone();
        out.push(e);
    }
    for s in result.shipments.iter().filter(|s| !s.on_time) {
        let due = o
            .due_day
            .map(crate::model::dates::format_day)
            .unwrap_or_default();
        let mut e = exception(
            ExceptionKind::Late,
            Severity::Warning,
            format!(
                "Order {}: the shipment from {} by {} arrives {}, {} day(s) after its due date {}. Tell the customer, or upgrade the method if a faster one is allowed.",
                o.id, s.node, s.method, s.eta, s.days_late, due
            ),
        );
        e.order = name.clone();
        e.node = Some(s.node.clone());
        out.push(e);
    }
}

fn capacity_bottlenecks(model: &Model, ledger: &Ledger, out: &mut Vec<PlanException>) {
    for (n, node) in model.nodes.iter().enumerate() {
        let limits = [
            (
                "shipments",
                node.capacity_shipments,
                ledger.node_shipments[n],
            ),
            ("units", node.capacity_units, ledger.node_units[n]),
        ];
        for (what, cap, used) in limits {
            let Some(cap) = cap.filter(|&c| c > 0) else {
                continue;
            };
            let share = used as f64 / cap as f64;
            if share >= BOTTLENECK_SHARE {
                let mut e = exception(
                    ExceptionKind::CapacityBottleneck,
                    Severity::Warning,
                    format!(
                        "Node {} is at {:.0}% of its {what} capacity ({used} of {cap}). Add capacity or move work to another node if orders are waiting.",
                        node.id,
                        share * 100.0
                    ),
                );
                e.node = Some(node.id.clone());
                e.qty = Some(used);
                out.push(e);
            }
        }
    }
}

fn reservation_exceptions(model: &Model, ledger: &Ledger, out: &mut Vec<PlanException>) {
    for (p, place) in model.reservations.iter().enumerate() {
        let sku = &model.skus[place.sku];
        let at = match place.node {
            Some(n) => format!("at {}", model.nodes[n].id),
            None => "across the network".to_string(),
        };
        for req in place.requests.iter().filter(|r| r.granted < r.requested) {
            let channel = &model.channels[req.channel];
            let mut e = exception(
                ExceptionKind::ReservationNotCovered,
                Severity::Warning,
                format!(
                    "Reservation #{} for {channel} of {sku} {at} asked for {} units but only {} could be protected: stock is short. Replenish or lower the reservation.",
                    req.input_index, req.requested, req.granted
                ),
            );
            e.channel = Some(channel.clone());
            e.sku = Some(sku.clone());
            e.node = place.node.map(|n| model.nodes[n].id.clone());
            e.qty = Some(req.requested - req.granted);
            out.push(e);
        }
        for share in &place.shares {
            let idle = share.reserved - ledger.place_consumption(p, share.channel);
            if idle > 0 {
                let channel = &model.channels[share.channel];
                let mut e = exception(
                    ExceptionKind::ReservationIdle,
                    Severity::Info,
                    format!(
                        "{idle} of {} units of {sku} reserved for {channel} {at} were not used in this wave; they stay protected.",
                        share.reserved
                    ),
                );
                e.channel = Some(channel.clone());
                e.sku = Some(sku.clone());
                e.node = place.node.map(|n| model.nodes[n].id.clone());
                e.qty = Some(idle);
                out.push(e);
            }
        }
    }
}
