//! Validation of waves (SPEC.md §4): every negative fixture in `datasets/invalid/` yields exactly
//! the problems named for its defect, every problem is reported at once in walk order, the
//! things the spec allows are not errors, and a wave that passes always builds a model.

mod common;

use std::collections::BTreeSet;

use common::{dataset_path, wave_from_json};
use waveopt::error::Error;
use waveopt::format::{self, Wave};
use waveopt::model::Model;
use waveopt::validation::validate;

/// What loading and validating one fixture must give.
enum Expect {
    /// Not JSON at all: `Error::Malformed` at this line and column.
    Malformed { line: usize, column: usize },
    /// Parses, or fails to parse on shape, with exactly these (path, code) pairs.
    Problems(&'static [(&'static str, &'static str)]),
}
use Expect::{Malformed, Problems};

#[rustfmt::skip]
const FIXTURES: &[(&str, Expect)] = &[
    // A comma is missing after "customer" in the first order: broken JSON, reported with position.
    ("malformed", Malformed { line: 9, column: 7 }),
    // An order carries a field the contract does not know ("priority").
    ("unknown_field", Problems(&[("/orders/0/priority", "unknown_field")])),
    // An order has no "customer".
    ("missing_field", Problems(&[("/orders/0", "missing_field")])),
    // A line's qty is the string "2", not a number.
    ("wrong_type", Problems(&[("/orders/0/lines/0/qty", "wrong_type")])),
    // A node's kind is "depot", not one of warehouse, store, 3pl, dropship.
    ("unknown_variant", Problems(&[("/nodes/0/kind", "unknown_variant")])),
    // Inventory says -5 on hand.
    ("negative_on_hand", Problems(&[("/inventory/0/on_hand", "negative")])),
    // Two orders are both SO-1; the second is reported.
    ("duplicate_order_ids", Problems(&[("/orders/1/id", "duplicate_id")])),
    // An order asks for tier "gold" but the policy knows only vip and standard.
    ("unknown_tier", Problems(&[("/orders/0/tier", "unknown_tier")])),
    // A ship-to latitude of 95 degrees.
    ("lat_out_of_range", Problems(&[("/orders/0/ship_to/lat", "out_of_range")])),
    // A line orders 0 units.
    ("zero_qty_line", Problems(&[("/orders/0/lines/0/qty", "not_positive")])),
    // A line orders five billion units, beyond the 1e9 cap that keeps sums safe.
    ("huge_qty_line", Problems(&[("/orders/0/lines/0/qty", "value_too_large")])),
    // An order with an empty lines list.
    ("no_lines", Problems(&[("/orders/0/lines", "no_lines")])),
    // Two lines of one order share line id "1".
    ("duplicate_line_ids", Problems(&[("/orders/0/lines/1/id", "duplicate_id")])),
    // ship_to is {}: no coordinates and no zone.
    ("missing_destination", Problems(&[("/orders/0/ship_to", "missing_destination")])),
    // ship_to has lat (and a zone) but no lon.
    ("incomplete_coordinates", Problems(&[("/orders/0/ship_to", "incomplete_coordinates")])),
    // due_by is "28/11/2026", neither YYYY-MM-DD nor RFC 3339.
    ("invalid_due_by", Problems(&[("/orders/0/due_by", "invalid_date")])),
    // placed_at "2026-11-25 09:00" has no time zone and a space for the T.
    ("invalid_placed_at", Problems(&[("/orders/0/placed_at", "invalid_date")])),
    // A reservation and a lane both point at node DC-W, which is not in nodes.
    ("unknown_node_references", Problems(&[
        ("/reservations/0/node", "unknown_reference"),
        ("/lanes/0/from", "unknown_reference"),
    ])),
    // customer is only blanks.
    ("empty_customer", Problems(&[("/orders/0/customer", "empty_string")])),
    // nodes is empty (and so is inventory).
    ("no_nodes", Problems(&[("/nodes", "no_nodes")])),
    // Inventory sits at node DC-X, which is not in nodes.
    ("unknown_inventory_node", Problems(&[("/inventory/0/node", "unknown_reference")])),
    // Two inventory records for (DC-E, A-100).
    ("duplicate_inventory", Problems(&[("/inventory/1", "duplicate_inventory")])),
    // A reservation gives both qty and share.
    ("reservation_qty_and_share", Problems(&[("/reservations/0", "qty_and_share")])),
    // A lane names method "air" while the only method is the default "ground".
    ("unknown_lane_method", Problems(&[("/lanes/0/method", "unknown_reference")])),
    // Two lanes DC-E → NY for every method.
    ("duplicate_lane", Problems(&[("/lanes/1", "duplicate_lane")])),
    // A ship method covering 0 km per day would never arrive.
    ("zero_km_per_day", Problems(&[("/ship_methods/0/km_per_day", "not_positive")])),
    // policy.tiers is [].
    ("empty_tiers", Problems(&[("/policy/tiers", "no_tiers")])),
    // time_limit_ms 0, mip_gap 2 and threads 0: three option problems.
    ("options_out_of_range", Problems(&[
        ("/options/time_limit_ms", "not_positive"),
        ("/options/mip_gap", "out_of_range"),
        ("/options/threads", "out_of_range"),
    ])),
    // Nine defects in one wave, from the header to the policy.
    ("many_problems", Problems(MANY_PROBLEMS)),
];

/// The problems of `many_problems.wave.json`, in the order the wave is walked.
const MANY_PROBLEMS: &[(&str, &str)] = &[
    ("/wave_id", "empty_string"),
    ("/as_of", "invalid_date"),
    ("/orders/0/tier", "unknown_tier"),
    ("/orders/0/lines/0/qty", "not_positive"),
    ("/orders/1/id", "duplicate_id"),
    ("/orders/1/ship_to/lat", "out_of_range"),
    ("/inventory/1/node", "unknown_reference"),
    ("/inventory/1/on_hand", "negative"),
    ("/policy/road_factor", "out_of_range"),
];

fn fixture_path(name: &str) -> std::path::PathBuf {
    dataset_path(&format!("invalid/{name}.wave.json"))
}

/// Loads a fixture and validates it: parse errors and validation problems both come back as `Err`.
fn load_and_validate(name: &str) -> Result<Wave, Error> {
    let wave = waveopt::io::load_wave(&fixture_path(name))?;
    let problems = validate(&wave);
    if problems.is_empty() {
        Ok(wave)
    } else {
        Err(Error::Invalid(problems))
    }
}

fn pairs(problems: &[waveopt::Problem]) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| (p.path.clone(), p.code.clone()))
        .collect()
}

fn owned(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(path, code)| (path.to_string(), code.to_string()))
        .collect()
}

#[test]
fn every_negative_fixture_yields_exactly_the_problems_named_for_its_defect() {
    for (name, expect) in FIXTURES {
        let result = load_and_validate(name);
        match (expect, result) {
            (
                Malformed { line, column },
                Err(Error::Malformed {
                    line: l, column: c, ..
                }),
            ) => {
                assert_eq!(
                    (l, c),
                    (*line, *column),
                    "{name}: position of the syntax error"
                );
            }
            (Problems(expected), Err(Error::Invalid(problems))) => {
                let mut got = pairs(&problems);
                let mut want = owned(expected);
                got.sort();
                want.sort();
                assert_eq!(got, want, "{name}: {problems:#?}");
                for p in &problems {
                    assert!(!p.message.is_empty(), "{name}: {p:?} has no message");
                }
            }
            (_, other) => panic!("{name}: unexpected outcome {other:?}"),
        }
    }
}

#[test]
fn every_fixture_in_datasets_invalid_has_a_row_in_the_table() {
    let listed: BTreeSet<&str> = FIXTURES.iter().map(|(name, _)| *name).collect();
    let folder = dataset_path("invalid");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(|entry| {
            let file = entry.ok()?.file_name().into_string().ok()?;
            file.strip_suffix(".wave.json").map(str::to_string)
        })
        .collect();
    let on_disk: BTreeSet<&str> = on_disk.iter().map(String::as_str).collect();
    assert_eq!(listed, on_disk);
}

#[test]
fn reports_every_problem_at_once() {
    let wave = common::load_wave("invalid/many_problems.wave.json");
    let err = Model::from_wave(&wave).expect_err("nine defects");
    assert_eq!(err.code(), "invalid_wave");
    assert_eq!(err.to_string(), "9 problems in the wave");
    assert_eq!(err.details().len(), 9);
}

#[test]
fn problems_come_in_the_order_the_wave_is_walked() {
    let wave = common::load_wave("invalid/many_problems.wave.json");
    assert_eq!(pairs(&validate(&wave)), owned(MANY_PROBLEMS));
}

#[test]
fn malformed_json_is_reported_with_line_and_column() {
    let err = load_and_validate("malformed").expect_err("broken JSON");
    assert_eq!(err.code(), "malformed_json");
    let details = err.details();
    assert_eq!(details.len(), 1);
    assert!(
        details[0].message.starts_with("line 9, column 7"),
        "{details:?}"
    );
}

const MINIMAL: &str = r#"{
  "wave_id": "minimal",
  "as_of": "2026-11-26T10:00:00Z",
  "orders": [{"id": "SO-1", "channel": "web", "customer": "C-1",
              "ship_to": {"lat": 40.71, "lon": -74.0},
              "lines": [{"id": "1", "sku": "A-100", "qty": 2}]}],
  "nodes": [{"id": "DC-E", "kind": "warehouse", "location": {"lat": 40.06, "lon": -74.41}}],
  "inventory": [{"node": "DC-E", "sku": "A-100", "on_hand": 10}]
}"#;

fn minimal() -> Wave {
    wave_from_json(MINIMAL)
}

#[test]
fn accepts_a_minimal_valid_wave() {
    let wave = minimal();
    assert_eq!(validate(&wave), vec![]);
    Model::from_wave(&wave).expect("a valid wave builds");
}

#[test]
fn accepts_a_wave_with_no_orders() {
    let mut wave = minimal();
    wave.orders.clear();
    assert_eq!(validate(&wave), vec![]);
}

#[test]
fn accepts_every_feature_fixture() {
    let folder = dataset_path("features");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".wave.json") {
            let wave = common::load_wave(&format!("features/{name}"));
            assert_eq!(validate(&wave), vec![], "features/{stem}");
        }
    }
}

#[test]
fn safety_stock_above_on_hand_is_allowed() {
    let mut wave = minimal();
    wave.inventory[0].safety_stock = 50;
    assert_eq!(validate(&wave), vec![]);
    let model = Model::from_wave(&wave).unwrap();
    assert_eq!(model.available(0, 0), 0);
}

#[test]
fn a_sku_no_node_stocks_is_a_shortfall_not_an_error() {
    let mut wave = minimal();
    wave.orders[0].lines[0].sku = "NOT-STOCKED".into();
    assert_eq!(validate(&wave), vec![]);
}

#[test]
fn a_due_date_before_as_of_is_not_an_error() {
    let mut wave = minimal();
    wave.orders[0].due_by = Some("2026-11-01".into());
    assert_eq!(validate(&wave), vec![]);
}

#[test]
fn a_lane_to_a_zone_no_order_uses_is_not_an_error() {
    let mut wave = minimal();
    wave.lanes.push(lane("DC-E", "NOWHERE", None));
    assert_eq!(validate(&wave), vec![]);
}

fn lane(from: &str, zone: &str, method: Option<&str>) -> format::Lane {
    format::Lane {
        from: from.into(),
        to_zone: zone.into(),
        method: method.map(str::to_string),
        per_shipment: Some(4.0),
        per_unit: None,
        days: Some(2),
    }
}

#[test]
fn a_lane_may_name_ground_only_while_no_ship_methods_are_listed() {
    let mut wave = minimal();
    wave.lanes.push(lane("DC-E", "NY", Some("ground")));
    assert_eq!(validate(&wave), vec![]);
    let mut express = format::ShipMethod::default_ground();
    express.id = "express".into();
    wave.ship_methods.push(express);
    assert_eq!(
        pairs(&validate(&wave)),
        owned(&[("/lanes/0/method", "unknown_reference")])
    );
}

#[test]
fn a_lane_for_one_method_and_a_lane_for_every_method_do_not_clash() {
    let mut wave = minimal();
    wave.lanes.push(lane("DC-E", "NY", None));
    wave.lanes.push(lane("DC-E", "NY", Some("ground")));
    assert_eq!(validate(&wave), vec![]);
}

#[test]
fn a_reservation_needs_qty_or_share() {
    let mut wave = minimal();
    wave.reservations.push(format::Reservation {
        channel: "edi".into(),
        sku: "A-100".into(),
        node: Some("DC-E".into()),
        qty: None,
        share: None,
    });
    assert_eq!(
        pairs(&validate(&wave)),
        owned(&[("/reservations/0", "missing_qty_or_share")])
    );
}

#[test]
fn references_may_point_forward_to_policy_tiers() {
    let text = MINIMAL.replace(
        r#""customer": "C-1","#,
        r#""customer": "C-1", "tier": "vip","#,
    );
    let text = text.trim_end().trim_end_matches('}').to_string()
        + r#", "policy": {"tiers": [{"name": "vip"}, {"name": "standard"}]}}"#;
    assert_eq!(validate(&wave_from_json(&text)), vec![]);
}

#[test]
fn messages_quote_the_offending_value_and_say_how_to_fix_it() {
    let mut wave = minimal();
    wave.orders[0].lines[0].qty = 0;
    wave.orders[0].tier = Some("gold".into());
    let problems = validate(&wave);
    let message = |code: &str| {
        problems
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.message.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        message("not_positive"),
        "qty must be >= 1, got 0; order at least one unit, or remove the line"
    );
    assert!(message("unknown_tier").contains("'gold'"), "{problems:?}");
    assert!(
        message("unknown_tier").contains("'standard'"),
        "{problems:?}"
    );
}

#[test]
fn non_finite_numbers_are_reported_although_json_cannot_carry_them() {
    let mut wave = minimal();
    wave.nodes[0].fixed_cost = f64::NAN;
    wave.orders[0].ship_to.lon = Some(f64::INFINITY);
    wave.policy.road_factor = f64::NEG_INFINITY;
    assert_eq!(
        pairs(&validate(&wave)),
        owned(&[
            ("/orders/0/ship_to/lon", "not_finite"),
            ("/nodes/0/fixed_cost", "not_finite"),
            ("/policy/road_factor", "not_finite"),
        ])
    );
}

#[test]
fn blank_ids_are_empty_strings_and_not_also_duplicates_or_unknown_references() {
    let mut wave = minimal();
    wave.orders.push(wave.orders[0].clone());
    wave.orders[0].id = " ".into();
    wave.orders[1].id = " ".into();
    wave.inventory[0].node = String::new();
    assert_eq!(
        pairs(&validate(&wave)),
        owned(&[
            ("/orders/0/id", "empty_string"),
            ("/orders/1/id", "empty_string"),
            ("/inventory/0/node", "empty_string"),
        ])
    );
}

#[test]
fn a_ship_method_slower_than_one_km_a_day_is_out_of_range() {
    let mut wave = minimal();
    let mut crawl = format::ShipMethod::default_ground();
    crawl.km_per_day = 0.5;
    wave.ship_methods.push(crawl);
    assert_eq!(
        pairs(&validate(&wave)),
        owned(&[("/ship_methods/0/km_per_day", "out_of_range")])
    );
}

#[test]
fn the_most_extreme_wave_validation_accepts_still_builds_and_quotes_finitely() {
    let mut wave = minimal();
    wave.as_of = "9999-12-31T23:59:59Z".into();
    let order = &mut wave.orders[0];
    order.due_by = Some("0001-01-01".into());
    order.ship_to.lat = Some(-90.0);
    order.ship_to.lon = Some(180.0);
    order.lines[0].qty = waveopt::validation::MAX_QUANTITY;
    let node = &mut wave.nodes[0];
    node.location = Some(format::LatLon {
        lat: 90.0,
        lon: -180.0,
    });
    node.processing_days = waveopt::validation::MAX_DAYS;
    node.handling.per_unit = waveopt::validation::MAX_MONEY;
    wave.inventory[0].on_hand = waveopt::validation::MAX_QUANTITY;
    let mut slow = format::ShipMethod::default_ground();
    slow.km_per_day = 1.0;
    slow.per_unit_km = waveopt::validation::MAX_MONEY;
    slow.min_days = waveopt::validation::MAX_DAYS;
    wave.ship_methods.push(slow);
    wave.policy.road_factor = 10.0;
    wave.policy.late_penalty_per_day = waveopt::validation::MAX_MONEY;
    assert_eq!(validate(&wave), vec![]);
    let model = Model::from_wave(&wave).expect("builds");
    let quote = model.quote(0, 0, 0).expect("coordinates on both ends");
    let cost = quote.shipment_cost(model.orders[0].units())
        + quote.per_shipment_total(model.policy.late_penalty_per_day);
    assert!(cost.is_finite(), "{quote:?}");
    assert!(quote.days_late > 0);
}
