//! Semantic validation of a wave (SPEC.md §4).
//!
//! Parsing ([`crate::format::parse_wave`]) already rejects what serde can see: broken JSON,
//! unknown, missing or duplicate fields, wrong types and unknown enum variants. This module
//! checks everything else. Each rule is one small function named for its code; every rule runs
//! and every problem comes back at once, each with a JSON pointer, a stable code and a message
//! that quotes the offending value and says how to fix it. Codes, with cause and action, are
//! listed in `docs/errors.md`:
//!
//! | subject | codes |
//! |---|---|
//! | strings and ids | `empty_string`, `duplicate_id` |
//! | references | `unknown_reference`, `unknown_tier` |
//! | dates | `invalid_date` |
//! | numbers | `not_finite`, `negative`, `not_positive`, `value_too_large`, `out_of_range` |
//! | geography | `incomplete_coordinates`, `missing_destination` |
//! | orders | `no_lines`, `not_an_object` (`metadata`) |
//! | network | `no_nodes`, `duplicate_inventory`, `duplicate_lane` |
//! | reservations | `qty_and_share`, `missing_qty_or_share` |
//! | policy | `no_tiers` |
//!
//! Problems come in the order the wave is walked: sections in field order (`wave_id`, `as_of`,
//! `orders`, `nodes`, `inventory`, `reservations`, `ship_methods`, `lanes`, `policy`,
//! `options`), each entry in list order, an object's own problems before its members'.
//! Names that references point at are collected first, so a reference may point forward.
//! Duplicates are reported at each later occurrence, naming the first.
//!
//! A wave with no problems always builds a [`crate::model::Model`]: every date parses, every
//! reference resolves, and every number is finite and small enough that no sum overflows.

#[cfg(test)]
mod arbitrary;
mod dates;
mod geography;
mod ids;
mod nodes;
mod numbers;
mod orders;
mod policy;
#[cfg(test)]
mod properties;
mod references;
mod shipping;
mod sink;
mod stock;

pub use numbers::{MAX_DAYS, MAX_MONEY, MAX_QUANTITY};

use crate::error::Problem;
use crate::format::Wave;
use references::Names;
use sink::{Pointer, Sink};

/// Every problem in the wave, each with a JSON pointer and a stable code, in walk order.
/// Empty means the wave is valid. Never panics.
pub fn validate(wave: &Wave) -> Vec<Problem> {
    let names = Names::of(wave);
    let mut sink = Sink::default();
    let root = Pointer::root();
    check_header(&mut sink, &root, wave);
    orders::check_orders(&mut sink, &names, &root.field("orders"), &wave.orders);
    nodes::check_nodes(&mut sink, &root.field("nodes"), &wave.nodes);
    stock::check_inventory(&mut sink, &names, &root.field("inventory"), &wave.inventory);
    stock::check_reservations(
        &mut sink,
        &names,
        &root.field("reservations"),
        &wave.reservations,
    );
    shipping::check_ship_methods(&mut sink, &root.field("ship_methods"), &wave.ship_methods);
    shipping::check_lanes(&mut sink, &names, &root.field("lanes"), &wave.lanes);
    policy::check_policy(&mut sink, &root.field("policy"), &wave.policy);
    policy::check_options(&mut sink, &root.field("options"), &wave.options);
    sink.into_problems()
}

/// `wave_id` is not blank (`empty_string`); `as_of` is an RFC 3339 timestamp (`invalid_date`).
fn check_header(sink: &mut Sink, root: &Pointer, wave: &Wave) {
    ids::check_empty_string(
        sink,
        root,
        "wave_id",
        &wave.wave_id,
        "give the wave an id; it is echoed in the plan",
    );
    dates::check_invalid_timestamp(sink, root, "as_of", &wave.as_of);
}
