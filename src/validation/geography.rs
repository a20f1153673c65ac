//! Geography rules: an order's `ship_to` is usable (`incomplete_coordinates`,
//! `missing_destination`, a blank `zone` is `empty_string`), and every latitude and longitude is
//! finite (`not_finite`) and on the globe (`out_of_range`).

use super::ids::check_empty_string;
use super::numbers::check_bounded;
use super::sink::{Pointer, Sink};
use crate::format::{LatLon, ShipTo};

const LATITUDE: (f64, f64) = (-90.0, 90.0);
const LONGITUDE: (f64, f64) = (-180.0, 180.0);

/// Every rule about an order's `ship_to`, object first, then its members in field order.
pub(super) fn check_ship_to(sink: &mut Sink, at: &Pointer, ship_to: &ShipTo) {
    check_incomplete_coordinates(sink, at, ship_to);
    check_missing_destination(sink, at, ship_to);
    if let Some(lat) = ship_to.lat {
        check_latitude(sink, at, lat);
    }
    if let Some(lon) = ship_to.lon {
        check_longitude(sink, at, lon);
    }
    if let Some(zone) = &ship_to.zone {
        check_empty_string(
            sink,
            at,
            "zone",
            zone,
            "name the zone the lanes use, or omit zone",
        );
    }
}

/// Every rule about a node's `location`.
pub(super) fn check_location(sink: &mut Sink, at: &Pointer, location: &LatLon) {
    check_latitude(sink, at, location.lat);
    check_longitude(sink, at, location.lon);
}

/// `incomplete_coordinates`: `lat` without `lon`, or `lon` without `lat`.
fn check_incomplete_coordinates(sink: &mut Sink, at: &Pointer, ship_to: &ShipTo) {
    let (present, absent) = match (ship_to.lat, ship_to.lon) {
        (Some(_), None) => ("lat", "lon"),
        (None, Some(_)) => ("lon", "lat"),
        _ => return,
    };
    sink.report(
        *at,
        "incomplete_coordinates",
        format!("ship_to has {present} but no {absent}; give both lat and lon, or neither"),
    );
}

/// `missing_destination`: no coordinates and no zone at all, so no node could ever reach it.
fn check_missing_destination(sink: &mut Sink, at: &Pointer, ship_to: &ShipTo) {
    if ship_to.lat.is_some() || ship_to.lon.is_some() || ship_to.zone.is_some() {
        return;
    }
    sink.report(
        *at,
        "missing_destination",
        "ship_to has neither coordinates nor a zone; give lat and lon, a zone that lanes \
         rate, or both"
            .to_string(),
    );
}

/// `not_finite` / `out_of_range`: latitude in [-90, 90].
fn check_latitude(sink: &mut Sink, at: &Pointer, lat: f64) {
    check_bounded(
        sink,
        at,
        "lat",
        lat,
        LATITUDE,
        "latitude is in decimal degrees, north positive",
    );
}

/// `not_finite` / `out_of_range`: longitude in [-180, 180].
fn check_longitude(sink: &mut Sink, at: &Pointer, lon: f64) {
    check_bounded(
        sink,
        at,
        "lon",
        lon,
        LONGITUDE,
        "longitude is in decimal degrees, east positive (check lat and lon are not swapped)",
    );
}
