//! The cost and time model of SPEC.md §1–2, shared by every solver and by the checker.
//!
//! For an (order, node, method) it answers: can this node serve this order by this method, what
//! does a shipment of `u` units cost (shipping and handling separately), and when does it arrive.

use geo::{Distance, Haversine, Point};

use super::dates::Day;
use super::{MethodIdx, Model, NodeIdx, OrderIdx};

/// Great-circle distance in km on the mean-radius sphere (6371.0088 km), as `geo` computes it.
pub fn haversine_km(a_lat: f64, a_lon: f64, b_lat: f64, b_lon: f64) -> f64 {
    let a = Point::new(a_lon, a_lat);
    let b = Point::new(b_lon, b_lat);
    Haversine.distance(a, b) / 1000.0
}

/// The terms of shipping one order's units from one node by one method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quote {
    /// Shipping cost per shipment (the method's `base_cost`, or a lane's `per_shipment`).
    pub ship_per_shipment: f64,
    /// Shipping cost per unit (`per_unit + per_unit_km·d`, or a lane's `per_unit`).
    pub ship_per_unit: f64,
    /// The node's handling per shipment and per unit.
    pub handling_per_shipment: f64,
    pub handling_per_unit: f64,
    pub transit_days: i64,
    pub ship_day: Day,
    pub eta_day: Day,
    /// `max(0, eta − due)`; 0 when the order has no due date.
    pub days_late: i64,
    /// Road distance in km, when the distance model was used for the days or cost.
    pub distance_km: Option<f64>,
}

impl Quote {
    pub fn on_time(&self) -> bool {
        self.days_late == 0
    }

    pub fn shipping_cost(&self, units: i64) -> f64 {
        self.ship_per_shipment + self.ship_per_unit * units as f64
    }

    pub fn handling_cost(&self, units: i64) -> f64 {
        self.handling_per_shipment + self.handling_per_unit * units as f64
    }

    /// A shipment's `cost` field: shipping plus handling.
    pub fn shipment_cost(&self, units: i64) -> f64 {
        self.shipping_cost(units) + self.handling_cost(units)
    }

    /// Cost attributable to the shipment itself whatever its size (shipping, handling, lateness).
    pub fn per_shipment_total(&self, late_penalty_per_day: f64) -> f64 {
        self.ship_per_shipment
            + self.handling_per_shipment
            + late_penalty_per_day * self.days_late as f64
    }

    /// Cost per unit shipped (shipping plus handling).
    pub fn per_unit_total(&self) -> f64 {
        self.ship_per_unit + self.handling_per_unit
    }
}

impl Model {
    /// Road km from a node to an order's ship-to, if both have coordinates.
    pub fn distance_km(&self, order: OrderIdx, node: NodeIdx) -> Option<f64> {
        let to = self.orders[order].ship_to?;
        let from = self.nodes[node].location?;
        Some(haversine_km(from.0, from.1, to.0, to.1) * self.policy.road_factor)
    }

    /// Prices a shipment, ignoring eligibility (activity, channels, stock, SLA mode).
    /// `None` when neither a lane nor a computable distance connects the node to the order.
    pub fn quote(&self, order: OrderIdx, node: NodeIdx, method: MethodIdx) -> Option<Quote> {
        let o = &self.orders[order];
        let n = &self.nodes[node];
        let m = &self.methods[method];
        let lane = o.zone.and_then(|zone| self.lane(node, zone, method));
        let distance = self.distance_km(order, node);
        let (ship_per_shipment, ship_per_unit) = match (lane, distance) {
            (Some(lane), _) => (lane.per_shipment, lane.per_unit),
            (None, Some(d)) => (m.base_cost, m.per_unit + m.per_unit_km * d),
            (None, None) => return None,
        };
        let transit_days = match (lane.and_then(|l| l.days), distance) {
            (Some(days), _) => days,
            (None, Some(d)) => transit_days(d, m.km_per_day, m.min_days),
            // A lane without days and no coordinates: the method's minimum.
            (None, None) => m.min_days,
        };
        let ship_day = self.as_of_day + n.processing_days;
        let eta_day = ship_day + transit_days;
        let days_late = match o.due_day {
            Some(due) => (eta_day - due).max(0),
            None => 0,
        };
        Some(Quote {
            ship_per_shipment,
            ship_per_unit,
            handling_per_shipment: n.handling_per_shipment,
            handling_per_unit: n.handling_per_unit,
            transit_days,
            ship_day,
            eta_day,
            days_late,
            distance_km: distance,
        })
    }

    /// Whether a node may ship anything to this order at all: active, channel allowed, reachable
    /// by at least the given method. Stock and SLA are not considered.
    pub fn node_serves_channel(&self, order: OrderIdx, node: NodeIdx) -> bool {
        let n = &self.nodes[node];
        n.active
            && match &n.channels {
                Some(allowed) => allowed.binary_search(&self.orders[order].channel).is_ok(),
                None => true,
            }
    }

    /// The quote for (order, node, method) when that triple is allowed by the hard rules:
    /// active node, eligible channel, a route, and an on-time ETA under `sla: hard`.
    pub fn eligible_quote(
        &self,
        order: OrderIdx,
        node: NodeIdx,
        method: MethodIdx,
    ) -> Option<Quote> {
        if !self.node_serves_channel(order, node) {
            return None;
        }
        let quote = self.quote(order, node, method)?;
        if self.policy.hard_sla && !quote.on_time() {
            return None;
        }
        Some(quote)
    }
}

/// `max(min_days, ceil(d / km_per_day))`.
pub fn transit_days(distance_km: f64, km_per_day: f64, min_days: i64) -> i64 {
    let days = (distance_km / km_per_day).ceil();
    let days = if days.is_finite() {
        days as i64
    } else {
        i64::MAX / 4
    };
    days.max(min_days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_the_known_new_york_to_los_angeles_distance() {
        let d = haversine_km(40.71427, -74.00597, 34.05223, -118.24368);
        assert!((d - 3935.7).abs() < 1.0, "got {d}");
    }

    #[test]
    fn transit_is_at_least_the_minimum_and_rounds_up() {
        assert_eq!(transit_days(10.0, 800.0, 1), 1);
        assert_eq!(transit_days(800.0, 800.0, 1), 1);
        assert_eq!(transit_days(800.1, 800.0, 1), 2);
        assert_eq!(transit_days(0.0, 800.0, 0), 0);
    }
}
