//! The adversarial suite over the named fixtures in `datasets/adversarial/` (documented one by
//! one in its README). Each fixture gets one precise answer: a 400 (malformed), a 422 with the
//! exact `(path, code)` problems, or a plan that passes the independent checker and shows the
//! specific outcome the fixture is about. Every case runs under a watchdog thread, so a panic or
//! a hang fails it by name. Inputs too big to commit are in `tests/adversarial_generated.rs`.

mod common;
#[path = "adversarial_support.rs"]
mod support;

use std::time::Duration;

use support::{http_status, plan_and_check, problem_codes, within};
use waveopt::error::Error;
use waveopt::format::{
    self, Engine, ExceptionKind, OrderStatus, Plan, PlanStatus, UnfilledReason, Wave,
};

const LIMIT: Duration = Duration::from_secs(60);

/// What waveopt must answer for one fixture.
enum Expect {
    /// HTTP 400: not JSON.
    Malformed,
    /// HTTP 422 with exactly these problems, in this order.
    Invalid(&'static [(&'static str, &'static str)]),
    /// A plan that passes the checker, and this fixture-specific assertion on it.
    Plan(fn(&Wave, &Plan)),
}
use Expect::{Invalid, Malformed, Plan as Planned};

/// Loads a fixture (a `.wave.json` file or a CSV folder) and answers it as the service would.
fn answer(name: &str) -> Result<(Wave, Plan), Error> {
    let file = common::dataset_path(&format!("adversarial/{name}.wave.json"));
    let path = if file.exists() {
        file
    } else {
        common::dataset_path(&format!("adversarial/{name}"))
    };
    let wave = waveopt::io::load_wave(&path)?;
    let plan = plan_and_check(&wave, Engine::Mip)?;
    Ok((wave, plan))
}

fn run(name: &'static str, expect: Expect) {
    let outcome = within(name, LIMIT, move || answer(name));
    match (expect, outcome) {
        (Malformed, Err(e)) => assert_eq!(http_status(&e), 400, "{name}: {e}"),
        (Invalid(expected), Err(e)) => {
            assert_eq!(http_status(&e), 422, "{name}: {e}");
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(p, c)| (p.to_string(), c.to_string()))
                .collect();
            assert_eq!(problem_codes(&e), expected, "{name}: {:#?}", e.details());
        }
        (Planned(assertion), Ok((wave, plan))) => assertion(&wave, &plan),
        (_, Err(e)) => panic!("{name}: unexpected error {e}: {:#?}", e.details()),
        (_, Ok(_)) => panic!("{name}: planned, but an error was expected"),
    }
}

macro_rules! fixtures {
    ($($name:ident => $expect:expr;)*) => {$(
        #[test]
        fn $name() {
            run(stringify!($name), $expect);
        }
    )*};
}

fn reasons(plan: &Plan) -> Vec<UnfilledReason> {
    plan.orders
        .iter()
        .flat_map(|o| o.unfilled.iter().map(|u| u.reason))
        .collect()
}

fn exceptions_of(plan: &Plan, kind: ExceptionKind) -> usize {
    plan.exceptions.iter().filter(|e| e.kind == kind).count()
}

fn nothing_ships(plan: &Plan) {
    assert_eq!(plan.kpis.units_allocated, 0);
    assert!(plan.orders.iter().all(|o| o.shipments.is_empty()));
}

fn all_unfilled_because(plan: &Plan, reason: UnfilledReason) {
    nothing_ships(plan);
    let found = reasons(plan);
    assert!(
        !found.is_empty() && found.iter().all(|r| *r == reason),
        "{found:?}"
    );
}

fn fills_everything(_: &Wave, plan: &Plan) {
    assert_eq!(plan.status, PlanStatus::Optimal);
    assert_eq!(plan.kpis.fill_rate, 1.0, "{:?}", plan.kpis);
}

fn every_order_held(wave: &Wave, plan: &Plan) {
    assert!(plan.orders.iter().all(|o| o.status == OrderStatus::Held));
    all_unfilled_because(plan, UnfilledReason::OnHold);
    assert_eq!(exceptions_of(plan, ExceptionKind::Hold), wave.orders.len());
    assert_eq!(exceptions_of(plan, ExceptionKind::Shortfall), 0);
}

fn no_node_ships(_: &Wave, plan: &Plan) {
    all_unfilled_because(plan, UnfilledReason::NoEligibleNode);
    assert!(plan.nodes.iter().all(|n| n.units == 0 && n.shipments == 0));
}

fn reservations_capped_and_reported(_: &Wave, plan: &Plan) {
    // DC-E holds 5 A: edi's 4 are covered, web's 4 only by 1; phone's 50 C network-wide by 10.
    assert_eq!(exceptions_of(plan, ExceptionKind::ReservationNotCovered), 2);
    let so2 = plan.orders.iter().find(|o| o.id == "SO-2").unwrap();
    assert_eq!(
        so2.status,
        OrderStatus::Filled,
        "web may use its covered unit and DC-W"
    );
}

fn safety_stock_leaves_nothing(_: &Wave, plan: &Plan) {
    all_unfilled_because(plan, UnfilledReason::InsufficientInventory);
    assert_eq!(
        exceptions_of(plan, ExceptionKind::Shortfall),
        plan.orders.len()
    );
}

fn overdue_orders_ship_late(_: &Wave, plan: &Plan) {
    assert_eq!(plan.kpis.fill_rate, 1.0);
    for id in ["SO-1", "SO-2"] {
        let order = plan.orders.iter().find(|o| o.id == id).unwrap();
        assert!(order
            .shipments
            .iter()
            .all(|s| !s.on_time && s.days_late > 0));
    }
    assert!(exceptions_of(plan, ExceptionKind::Late) >= 2);
    assert!(plan.objective.late_penalty > 0.0);
}

fn unknown_zone_is_unreachable(_: &Wave, plan: &Plan) {
    let so2 = plan.orders.iter().find(|o| o.id == "SO-2").unwrap();
    assert_eq!(so2.status, OrderStatus::Filled);
    assert!(
        so2.shipments.iter().all(|s| s.node == "DC-W"),
        "only DC-W has a lane to Z-WEST"
    );
    let so3 = plan.orders.iter().find(|o| o.id == "SO-3").unwrap();
    assert_eq!(so3.status, OrderStatus::Unfilled);
    assert!(so3
        .unfilled
        .iter()
        .all(|u| u.reason == UnfilledReason::NoEligibleNode));
}

fn hard_sla_fills_nothing(_: &Wave, plan: &Plan) {
    all_unfilled_because(plan, UnfilledReason::SlaUnreachable);
}

fn unicode_ids_echoed(wave: &Wave, plan: &Plan) {
    let asked: Vec<&str> = wave.orders.iter().map(|o| o.id.as_str()).collect();
    let answered: Vec<&str> = plan.orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        asked, answered,
        "ids come back byte for byte, in input order"
    );
    // "é" precomposed and "e" + combining acute are different ids (no normalisation).
    assert!(answered.contains(&"\u{e9}") && answered.contains(&"e\u{301}"));
    assert!(plan.kpis.units_allocated > 0);
    let text = format::to_pretty_json(plan);
    assert_eq!(
        &format::parse_plan(&text).unwrap(),
        plan,
        "the plan round-trips"
    );
    assert!(text.contains("מחסן-מזרח") && text.contains("\u{202e}enil"));
}

fixtures! {
    baseline => Planned(fills_everything);
    // NaN and Infinity are not JSON: 400, like any other syntax error.
    nan_in_json => Malformed;
    infinity_in_json => Malformed;
    // A number beyond f64 is rejected by serde_json while reading: 400.
    number_overflow_1e400 => Malformed;
    // In CSV they are text that parses as a float: a cell problem each (422).
    nan_in_csv => Invalid(&[("/nodes.csv/1/lat", "not_finite"), ("/nodes.csv/2/handling_per_shipment", "not_finite")]);
    infinity_in_csv => Invalid(&[
        ("/nodes.csv/1/fixed_cost", "not_finite"),
        ("/nodes.csv/2/handling_per_unit", "not_finite"),
        ("/nodes.csv/2/fixed_cost", "not_finite"),
    ]);
    costs_1e308 => Invalid(&[
        ("/nodes/0/fixed_cost", "value_too_large"),
        ("/nodes/1/handling/per_shipment", "value_too_large"),
        ("/nodes/1/handling/per_unit", "value_too_large"),
        ("/policy/split_penalty", "value_too_large"),
    ]);
    // u64::MAX does not fit the i64 of a quantity: a shape problem (422).
    qty_u64_max => Invalid(&[("/orders/0/lines/0/qty", "wrong_type")]);
    i64_extremes => Invalid(&[
        ("/inventory/0/on_hand", "value_too_large"),
        ("/inventory/1/on_hand", "negative"),
        ("/inventory/2/safety_stock", "negative"),
    ]);
    lat_91 => Invalid(&[
        ("/orders/0/ship_to/lat", "out_of_range"),
        ("/nodes/1/location/lat", "out_of_range"),
        ("/nodes/1/location/lon", "out_of_range"),
    ]);
    empty_strings => Invalid(&[
        ("/wave_id", "empty_string"),
        ("/orders/0/id", "empty_string"),
        ("/orders/0/lines/0/sku", "empty_string"),
        ("/orders/1/channel", "empty_string"),
        ("/orders/1/tier", "unknown_tier"),
        ("/orders/2/tier", "unknown_tier"),
        ("/orders/2/hold", "empty_string"),
        ("/nodes/1/id", "empty_string"),
        ("/inventory/2/node", "unknown_reference"),
        ("/inventory/3/node", "unknown_reference"),
        ("/policy/tiers/1/name", "empty_string"),
    ]);
    // Duplicate keys are rejected (serde's duplicate-field check), never last-wins.
    duplicate_keys => Invalid(&[("", "duplicate_field")]);
    duplicate_keys_nested => Invalid(&[("/orders/0", "duplicate_field")]);
    duplicated_edi_line => Invalid(&[("/orders/0/lines/2/id", "duplicate_id")]);
    tier_named_twice => Invalid(&[("/policy/tiers/2/name", "duplicate_id")]);
    unicode_rtl_ids => Planned(unicode_ids_echoed);
    all_orders_on_hold => Planned(every_order_held);
    zero_nodes_active => Planned(no_node_ships);
    reservations_exceed_stock => Planned(reservations_capped_and_reported);
    safety_stock_above_on_hand => Planned(safety_stock_leaves_nothing);
    due_by_before_as_of => Planned(overdue_orders_ship_late);
    lane_to_unknown_zone => Planned(unknown_zone_is_unreachable);
    all_infeasible_hard_sla => Planned(hard_sla_fills_nothing);
}

#[test]
fn every_fixture_in_the_folder_has_a_row_in_this_table_and_the_readme() {
    let source = include_str!("adversarial.rs");
    let readme = std::fs::read_to_string(common::dataset_path("adversarial/README.md")).unwrap();
    for entry in std::fs::read_dir(common::dataset_path("adversarial")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".wave.json").or_else(|| {
            let is_folder = common::dataset_path(&format!("adversarial/{name}")).is_dir();
            (is_folder && name != "fuzz-regressions").then_some(name.as_str())
        }) else {
            continue;
        };
        assert!(
            source.contains(&format!("    {stem} => ")),
            "{stem} has no row"
        );
        assert!(
            readme.contains(&format!("`{stem}`")),
            "{stem} is not in the README"
        );
    }
}
