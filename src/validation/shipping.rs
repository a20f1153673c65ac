//! Shipping rules: ship methods (ids, costs, speed, minimum days) and lanes (references, rates,
//! days, duplicates). A lane to a zone that no order uses is fine (rate tables are shared).

use super::ids::{check_duplicate_id, check_empty_string, is_blank, FirstSeen};
use super::numbers::{
    check_days, check_money, check_not_finite, check_not_positive, check_out_of_range,
};
use super::references::{check_unknown_method, check_unknown_node, Names};
use super::sink::{quoted, Pointer, Sink};
use crate::format::{Lane, ShipMethod};

/// Range of `km_per_day`: below 1 km a day, transit days over long distances would overflow.
const KM_PER_DAY: (f64, f64) = (1.0, 1e9);

/// Every rule about `ship_methods`, method by method, in field order.
pub(super) fn check_ship_methods(sink: &mut Sink, list: &Pointer, methods: &[ShipMethod]) {
    let mut ids = FirstSeen::with_capacity(methods.len());
    for (index, method) in methods.iter().enumerate() {
        let at = list.index(index);
        check_empty_string(
            sink,
            &at,
            "id",
            &method.id,
            "give every ship method an id, e.g. ground",
        );
        check_duplicate_id(sink, &mut ids, list, index, "id", &method.id);
        check_money(sink, &at, "base_cost", method.base_cost);
        check_money(sink, &at, "per_unit", method.per_unit);
        check_money(sink, &at, "per_unit_km", method.per_unit_km);
        check_km_per_day(sink, &at, method.km_per_day);
        check_days(sink, &at, "min_days", method.min_days);
    }
}

/// `not_finite` / `not_positive` / `out_of_range`: transit days divide the distance by
/// `km_per_day`, so it must be positive, and at least 1 so that transit days stay countable.
fn check_km_per_day(sink: &mut Sink, at: &Pointer, km_per_day: f64) {
    let hint = "it is the distance covered per transit day, e.g. 800";
    let _ = check_not_finite(sink, at, "km_per_day", km_per_day)
        && check_not_positive(sink, at, "km_per_day", km_per_day, 0.0, hint)
        && check_out_of_range(sink, at, "km_per_day", km_per_day, KM_PER_DAY, hint);
}

/// Every rule about `lanes`, lane by lane, in field order.
pub(super) fn check_lanes(sink: &mut Sink, names: &Names, list: &Pointer, lanes: &[Lane]) {
    let mut seen = FirstSeen::with_capacity(lanes.len());
    for (index, lane) in lanes.iter().enumerate() {
        let at = list.index(index);
        check_duplicate_lane(sink, &mut seen, list, index, lane);
        check_empty_string(
            sink,
            &at,
            "from",
            &lane.from,
            "name the node the lane ships from",
        );
        check_unknown_node(sink, names, &at, "from", &lane.from);
        check_empty_string(
            sink,
            &at,
            "to_zone",
            &lane.to_zone,
            "name the zone orders give in ship_to.zone",
        );
        if let Some(method) = &lane.method {
            check_empty_string(
                sink,
                &at,
                "method",
                method,
                "name a ship method, or omit method to rate every method",
            );
            check_unknown_method(sink, names, &at, method);
        }
        if let Some(per_shipment) = lane.per_shipment {
            check_money(sink, &at, "per_shipment", per_shipment);
        }
        if let Some(per_unit) = lane.per_unit {
            check_money(sink, &at, "per_unit", per_unit);
        }
        if let Some(days) = lane.days {
            check_days(sink, &at, "days", days);
        }
    }
}

/// `duplicate_lane`: two lanes for the same (from, to_zone, method); which rate applies would be
/// ambiguous. A lane naming a method and one without a method do not clash (the named one wins).
fn check_duplicate_lane<'w>(
    sink: &mut Sink,
    seen: &mut FirstSeen<(&'w str, &'w str, Option<&'w str>)>,
    list: &Pointer,
    index: usize,
    lane: &'w Lane,
) {
    if is_blank(&lane.from) || is_blank(&lane.to_zone) {
        return;
    }
    let method = lane.method.as_deref();
    if let Some(first) = seen.earlier((&lane.from, &lane.to_zone, method), index) {
        let by = method.map_or("every method".to_string(), |m| {
            format!("method {}", quoted(m))
        });
        sink.report(
            list.index(index),
            "duplicate_lane",
            format!(
                "a second lane from {} to zone {} for {by} (the first is {}); keep one rate per \
                 (from, to_zone, method)",
                quoted(&lane.from),
                quoted(&lane.to_zone),
                list.index(first).render()
            ),
        );
    }
}
