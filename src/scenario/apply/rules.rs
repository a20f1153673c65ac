//! Edits to the rules of the wave: reservations, policy, ship methods and their costs.

use crate::format::{Reservation, ShipMethod, Wave};

use super::network::scale_units;
use super::EditSink;
use crate::scenario::spec::PolicyChange;

/// Which reservations an edit applies to: those matching every given field.
pub(super) struct ReservationFilter<'e> {
    channel: Option<&'e str>,
    sku: Option<&'e str>,
    node: Option<&'e str>,
}

impl<'e> ReservationFilter<'e> {
    pub(super) fn new(
        channel: &'e Option<String>,
        sku: &'e Option<String>,
        node: &'e Option<String>,
    ) -> Self {
        ReservationFilter {
            channel: channel.as_deref(),
            sku: sku.as_deref(),
            node: node.as_deref(),
        }
    }

    fn matches(&self, r: &Reservation) -> bool {
        self.channel.is_none_or(|c| r.channel == c)
            && self.sku.is_none_or(|s| r.sku == s)
            && self.node.is_none_or(|n| r.node.as_deref() == Some(n))
    }
}

fn channel_known(wave: &Wave, channel: &str) -> bool {
    wave.orders.iter().any(|o| o.channel == channel)
        || wave.reservations.iter().any(|r| r.channel == channel)
        || wave
            .nodes
            .iter()
            .any(|n| n.channels.iter().flatten().any(|c| c == channel))
}

/// `add_reservation`: its channel, SKU and node must be known to the wave; `qty`/`share` are
/// checked by the wave's validation afterwards.
pub(super) fn add_reservation(
    wave: &mut Wave,
    reservation: Reservation,
    i: usize,
    sink: &mut EditSink,
) {
    let mut ok = true;
    if !channel_known(wave, &reservation.channel) {
        sink.missing(i, "channel", "channel", &reservation.channel);
        ok = false;
    }
    if !wave.inventory.iter().any(|r| r.sku == reservation.sku) {
        sink.missing(i, "sku", "SKU (in the inventory)", &reservation.sku);
        ok = false;
    }
    if let Some(node) = &reservation.node {
        if !wave.nodes.iter().any(|n| &n.id == node) {
            sink.missing(i, "node", "node", node);
            ok = false;
        }
    }
    if ok {
        wave.reservations.push(reservation);
    }
}

/// `remove_reservations`: drops every matching reservation; none matching is a problem.
pub(super) fn remove_reservations(
    wave: &mut Wave,
    filter: ReservationFilter,
    i: usize,
    sink: &mut EditSink,
) {
    let before = wave.reservations.len();
    wave.reservations.retain(|r| !filter.matches(r));
    if wave.reservations.len() == before {
        sink.matches_nothing(i, "reservation");
    }
}

/// `scale_reservations`: `qty` becomes `round(qty × factor)`; `share` becomes
/// `min(1, share × factor)`.
pub(super) fn scale_reservations(
    wave: &mut Wave,
    factor: f64,
    filter: ReservationFilter,
    i: usize,
    sink: &mut EditSink,
) {
    if !sink.factor_ok(i, factor) {
        return;
    }
    let mut matched = false;
    for r in wave.reservations.iter_mut().filter(|r| filter.matches(r)) {
        matched = true;
        r.qty = r.qty.map(|q| scale_units(q, factor));
        r.share = r.share.map(|s| (s * factor).min(1.0));
    }
    if !matched {
        sink.matches_nothing(i, "reservation");
    }
}

/// `set_policy`: every given field replaces the policy's; `tier_order` must name each tier
/// exactly once, and `unfilled_penalty` only known tiers.
pub(super) fn set_policy(wave: &mut Wave, change: &PolicyChange, i: usize, sink: &mut EditSink) {
    if change.is_empty() {
        sink.report(
            i,
            "",
            "empty_edit",
            "set_policy changes nothing".to_string(),
        );
        return;
    }
    let policy = &mut wave.policy;
    if let Some(order) = &change.tier_order {
        reorder_tiers(&mut policy.tiers, order, i, sink);
    }
    if let Some(penalties) = &change.unfilled_penalty {
        for (name, penalty) in penalties {
            match policy.tiers.iter_mut().find(|t| &t.name == name) {
                Some(tier) => tier.unfilled_penalty = Some(*penalty),
                None => sink.missing(
                    i,
                    &format!("unfilled_penalty/{}", crate::error::pointer_token(name)),
                    "tier",
                    name,
                ),
            }
        }
    }
    if let Some(allocation) = change.allocation {
        policy.allocation = allocation;
    }
    if let Some(within) = change.within_tier {
        policy.within_tier = within;
    }
    if let Some(sla) = change.sla {
        policy.sla = sla;
    }
    if let Some(rate) = change.late_penalty_per_day {
        policy.late_penalty_per_day = rate;
    }
    if let Some(penalty) = change.split_penalty {
        policy.split_penalty = penalty;
    }
    if let Some(limit) = &change.max_shipments_per_order {
        if let Ok(limit) = sink.limit(i, "max_shipments_per_order", limit) {
            policy.max_shipments_per_order = limit;
        }
    }
}

fn reorder_tiers(
    tiers: &mut Vec<crate::format::Tier>,
    order: &[String],
    i: usize,
    sink: &mut EditSink,
) {
    let mut ok = true;
    for (k, name) in order.iter().enumerate() {
        if !tiers.iter().any(|t| &t.name == name) {
            sink.missing(i, &format!("tier_order/{k}"), "tier", name);
            ok = false;
        } else if order[..k].contains(name) {
            sink.report(
                i,
                &format!("tier_order/{k}"),
                "duplicate_id",
                format!("tier \"{name}\" is listed twice"),
            );
            ok = false;
        }
    }
    for tier in tiers.iter() {
        if !order.contains(&tier.name) {
            sink.report(
                i,
                "tier_order",
                "missing_tier",
                format!(
                    "tier_order must list every tier; \"{}\" is missing",
                    tier.name
                ),
            );
            ok = false;
        }
    }
    if ok {
        let old = std::mem::take(tiers);
        for name in order {
            if let Some(tier) = old.iter().find(|t| &t.name == name) {
                tiers.push(tier.clone());
            }
        }
    }
}

/// A wave without ship methods uses the default `ground`; edits to methods make it explicit.
fn materialise_methods(wave: &mut Wave) {
    if wave.ship_methods.is_empty() {
        wave.ship_methods.push(ShipMethod::default_ground());
    }
}

/// `scale_ship_costs`: `base_cost`, `per_unit` and `per_unit_km` of the method (or of every
/// method) are multiplied by `factor`, and so are `per_shipment`/`per_unit` of the lanes that
/// price it (lanes naming that method; with no method given, every lane).
pub(super) fn scale_ship_costs(
    wave: &mut Wave,
    factor: f64,
    method: Option<&str>,
    i: usize,
    sink: &mut EditSink,
) {
    let factor_ok = sink.factor_ok(i, factor);
    materialise_methods(wave);
    if let Some(method) = method {
        if !wave.ship_methods.iter().any(|m| m.id == method) {
            sink.missing(i, "method", "ship method", method);
            return;
        }
    }
    if !factor_ok {
        return;
    }
    for m in wave
        .ship_methods
        .iter_mut()
        .filter(|m| method.is_none_or(|id| m.id == id))
    {
        m.base_cost *= factor;
        m.per_unit *= factor;
        m.per_unit_km *= factor;
    }
    for lane in wave
        .lanes
        .iter_mut()
        .filter(|l| method.is_none_or(|id| l.method.as_deref() == Some(id)))
    {
        lane.per_shipment = lane.per_shipment.map(|c| c * factor);
        lane.per_unit = lane.per_unit.map(|c| c * factor);
    }
}

/// The fields a `set_ship_method` edit may set.
pub(super) struct MethodFields {
    pub base_cost: Option<f64>,
    pub per_unit: Option<f64>,
    pub per_unit_km: Option<f64>,
    pub km_per_day: Option<f64>,
    pub min_days: Option<i64>,
}

/// `set_ship_method`: the given fields replace the method's.
pub(super) fn set_ship_method(
    wave: &mut Wave,
    method: &str,
    fields: MethodFields,
    i: usize,
    sink: &mut EditSink,
) {
    if fields.base_cost.is_none()
        && fields.per_unit.is_none()
        && fields.per_unit_km.is_none()
        && fields.km_per_day.is_none()
        && fields.min_days.is_none()
    {
        sink.report(
            i,
            "",
            "empty_edit",
            "set_ship_method changes nothing".to_string(),
        );
    }
    materialise_methods(wave);
    let Some(m) = wave.ship_methods.iter_mut().find(|m| m.id == method) else {
        sink.missing(i, "method", "ship method", method);
        return;
    };
    m.base_cost = fields.base_cost.unwrap_or(m.base_cost);
    m.per_unit = fields.per_unit.unwrap_or(m.per_unit);
    m.per_unit_km = fields.per_unit_km.unwrap_or(m.per_unit_km);
    m.km_per_day = fields.km_per_day.unwrap_or(m.km_per_day);
    m.min_days = fields.min_days.unwrap_or(m.min_days);
}
