//! The independent plan checker, scenario by scenario.
//!
//! A small wave ("basic") is planned by hand: four orders over a warehouse at capacity, a
//! web-only store and a closed 3PL, priced by zone lanes so every figure is easy to recompute.
//! The checker must accept that plan as it is; then each test breaks the plan (or the wave
//! under it) in one way and expects the matching violation code at the matching path. A second
//! wave ("weighted") uses coordinates and the default ground method, and its plan is priced with
//! the routing module rather than by hand.

mod common;

use common::wave_from_json;
use proptest::prelude::*;
use waveopt::checker::check;
use waveopt::format::{
    parse_plan, Allocation, ExceptionKind, GroupKpis, Kpis, NodeResult, Objective, OrderResult,
    OrderStatus, Plan, PlanException, PlanStatus, Severity, Shipment, ShipmentLine, SlaMode,
    SolverStats, UnfilledLine, UnfilledReason, Utilization, Wave,
};
use waveopt::model::dates::format_day;
use waveopt::model::Model;
use waveopt::Problem;

const BASIC_WAVE: &str = r#"{
  "wave_id": "w-basic",
  "as_of": "2026-11-26T10:00:00Z",
  "orders": [
    {"id": "SO-1", "channel": "web", "customer": "C1", "tier": "gold", "ship_to": {"zone": "Z1"},
     "due_by": "2026-11-28",
     "lines": [{"id": "1", "sku": "A-100", "qty": 6}, {"id": "2", "sku": "B-7", "qty": 2}]},
    {"id": "SO-2", "channel": "edi", "customer": "C2", "tier": "silver", "ship_to": {"zone": "Z1"},
     "due_by": "2026-11-27", "lines": [{"id": "1", "sku": "A-100", "qty": 3}]},
    {"id": "SO-3", "channel": "web", "customer": "C3", "tier": "silver", "ship_to": {"zone": "Z1"},
     "hold": "credit", "lines": [{"id": "1", "sku": "A-100", "qty": 1}]},
    {"id": "SO-4", "channel": "phone", "customer": "C4", "tier": "silver", "ship_to": {"zone": "Z1"},
     "lines": [{"id": "1", "sku": "B-7", "qty": 5}]}
  ],
  "nodes": [
    {"id": "DC-E", "kind": "warehouse", "handling": {"per_shipment": 1.0, "per_unit": 0.5},
     "fixed_cost": 10.0, "capacity": {"shipments": 3, "units": 12}},
    {"id": "ST-W", "kind": "store", "processing_days": 1, "channels": ["web"]},
    {"id": "3PL-X", "kind": "3pl", "active": false}
  ],
  "inventory": [
    {"node": "DC-E", "sku": "A-100", "on_hand": 12, "safety_stock": 2},
    {"node": "DC-E", "sku": "B-7", "on_hand": 5},
    {"node": "ST-W", "sku": "A-100", "on_hand": 4},
    {"node": "3PL-X", "sku": "A-100", "on_hand": 50}
  ],
  "reservations": [
    {"channel": "web", "sku": "A-100", "node": "DC-E", "qty": 3},
    {"channel": "web", "sku": "B-7", "qty": 2}
  ],
  "ship_methods": [
    {"id": "ground", "base_cost": 0, "per_unit": 0, "per_unit_km": 0, "km_per_day": 800, "min_days": 2},
    {"id": "express", "base_cost": 0, "per_unit": 0, "per_unit_km": 0, "km_per_day": 800, "min_days": 1}
  ],
  "lanes": [
    {"from": "DC-E", "to_zone": "Z1", "per_shipment": 5.0, "per_unit": 1.0},
    {"from": "ST-W", "to_zone": "Z1", "per_shipment": 3.0, "per_unit": 2.0, "days": 1},
    {"from": "3PL-X", "to_zone": "Z1", "per_shipment": 2.0, "per_unit": 1.0, "days": 1}
  ],
  "policy": {"tiers": [{"name": "gold"}, {"name": "silver"}], "split_penalty": 2.0}
}"#;

/// The hand-made plan for `BASIC_WAVE`. DC-E lanes give 5 + 1/unit (ground 2 days, express 1),
/// handling 1 + 0.5/unit; ST-W gives 3 + 2/unit, 1 processing day + 1 transit day.
/// shipping 11 + 7 + 8 + 8 = 34, handling 4 + 0 + 2.5 + 2.5 = 9, fixed 10 (DC-E),
/// split 2 × 1, late 25 × 1 day (SO-2): total 80.
const BASIC_PLAN: &str = r#"{
  "wave_id": "w-basic",
  "status": "optimal",
  "objective": {"total": 80.0, "shipping": 34.0, "handling": 9.0, "fixed": 10.0,
                "split_penalty": 2.0, "late_penalty": 25.0, "unfilled_penalty": 0.0},
  "bound": 80.0,
  "gap": 0.0,
  "orders": [
    {"id": "SO-1", "status": "filled", "unfilled": [], "shipments": [
      {"node": "DC-E", "method": "ground",
       "lines": [{"line": "1", "sku": "A-100", "qty": 4}, {"line": "2", "sku": "B-7", "qty": 2}],
       "cost": 15.0, "ship_date": "2026-11-26", "eta": "2026-11-28", "on_time": true, "days_late": 0},
      {"node": "ST-W", "method": "ground", "lines": [{"line": "1", "sku": "A-100", "qty": 2}],
       "cost": 7.0, "ship_date": "2026-11-27", "eta": "2026-11-28", "on_time": true, "days_late": 0}]},
    {"id": "SO-2", "status": "filled", "unfilled": [], "shipments": [
      {"node": "DC-E", "method": "ground", "lines": [{"line": "1", "sku": "A-100", "qty": 3}],
       "cost": 10.5, "ship_date": "2026-11-26", "eta": "2026-11-28", "on_time": false, "days_late": 1}]},
    {"id": "SO-3", "status": "held", "shipments": [],
     "unfilled": [{"line": "1", "sku": "A-100", "qty": 1, "reason": "on_hold"}]},
    {"id": "SO-4", "status": "partial", "shipments": [
      {"node": "DC-E", "method": "express", "lines": [{"line": "1", "sku": "B-7", "qty": 3}],
       "cost": 10.5, "ship_date": "2026-11-26", "eta": "2026-11-27", "on_time": true, "days_late": 0}],
     "unfilled": [{"line": "1", "sku": "B-7", "qty": 2, "reason": "insufficient_inventory"}]}
  ],
  "exceptions": [
    {"kind": "split_shipment", "severity": "info", "order": "SO-1",
     "message": "SO-1 ships in 2 shipments (DC-E, ST-W)"},
    {"kind": "late", "severity": "warning", "order": "SO-2", "node": "DC-E",
     "message": "SO-2 from DC-E arrives 2026-11-28, 1 day after its due date 2026-11-27"},
    {"kind": "hold", "severity": "info", "order": "SO-3", "message": "SO-3 is on credit hold"},
    {"kind": "shortfall", "severity": "warning", "order": "SO-4", "sku": "B-7", "qty": 2,
     "message": "SO-4 is short 2 units of B-7: the network holds 5 against a demand of 7"},
    {"kind": "capacity_bottleneck", "severity": "warning", "node": "DC-E",
     "message": "DC-E is at 100% of its shipment and unit capacity"}
  ],
  "kpis": {
    "orders": 4, "units_demanded": 17, "units_allocated": 14, "fill_rate": 0.8235294117647058,
    "orders_complete": 2, "shipments": 4, "split_orders": 1, "on_time_rate": 0.75,
    "cost_per_unit": 5.714285714285714,
    "by_tier": {
      "gold": {"orders": 1, "units_demanded": 8, "units_allocated": 8, "fill_rate": 1.0, "orders_complete": 1},
      "silver": {"orders": 3, "units_demanded": 9, "units_allocated": 6, "fill_rate": 0.6666666666666666, "orders_complete": 1}
    },
    "by_channel": {
      "edi": {"orders": 1, "units_demanded": 3, "units_allocated": 3, "fill_rate": 1.0, "orders_complete": 1},
      "phone": {"orders": 1, "units_demanded": 5, "units_allocated": 3, "fill_rate": 0.6, "orders_complete": 0},
      "web": {"orders": 2, "units_demanded": 9, "units_allocated": 8, "fill_rate": 0.8888888888888888, "orders_complete": 1}
    }
  },
  "nodes": [
    {"id": "DC-E", "shipments": 3, "units": 12, "utilization": {"shipments": 1.0, "units": 1.0}},
    {"id": "ST-W", "shipments": 1, "units": 2, "utilization": {"shipments": null, "units": null}},
    {"id": "3PL-X", "shipments": 0, "units": 0, "utilization": {"shipments": null, "units": null}}
  ],
  "solver": {"engine": "hand", "time_ms": 0, "stages": [], "variables": 0, "constraints": 0, "components": 0}
}"#;

fn basic() -> (Wave, Plan) {
    let plan = parse_plan(BASIC_PLAN).unwrap_or_else(|e| panic!("{e}: {:?}", e.details()));
    (wave_from_json(BASIC_WAVE), plan)
}

fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {} {} — {}", p.code, p.path, p.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that the checker reported `code` at `path`, and returns that problem.
fn expect<'a>(problems: &'a [Problem], code: &str, path: &str) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.code == code && p.path == path)
        .unwrap_or_else(|| panic!("expected {code} at {path}, got:\n{}", describe(problems)))
}

fn assert_clean(wave: &Wave, plan: &Plan) {
    let problems = check(wave, plan);
    assert!(
        problems.is_empty(),
        "unexpected violations:\n{}",
        describe(&problems)
    );
}

// ---------------------------------------------------------------------------------------------
// Valid plans

#[test]
fn accepts_a_correct_hand_made_plan() {
    let (wave, plan) = basic();
    assert_clean(&wave, &plan);
}

#[test]
fn accepts_orders_listed_in_any_order_and_lines_unfilled_in_several_entries() {
    let (wave, mut plan) = basic();
    plan.orders.reverse();
    plan.orders[0].unfilled = vec![
        UnfilledLine {
            line: "1".into(),
            sku: "B-7".into(),
            qty: 1,
            reason: UnfilledReason::InsufficientInventory,
            metadata: None,
        },
        UnfilledLine {
            line: "1".into(),
            sku: "B-7".into(),
            qty: 1,
            reason: UnfilledReason::AllocatedToHigherTier,
            metadata: None,
        },
    ];
    assert_clean(&wave, &plan);
}

#[test]
fn accepts_floats_within_the_tolerance() {
    let (wave, mut plan) = basic();
    plan.objective.total += 5e-5;
    plan.orders[0].shipments[0].cost += 1e-7;
    plan.kpis.cost_per_unit += 1e-7;
    assert_clean(&wave, &plan);
}

// ---------------------------------------------------------------------------------------------
// Coverage and structure

#[test]
fn catches_a_plan_for_another_wave() {
    let (wave, mut plan) = basic();
    plan.wave_id = "w-other".into();
    expect(&check(&wave, &plan), "wave_id_mismatch", "/wave_id");
}

#[test]
fn catches_a_duplicate_order() {
    let (wave, mut plan) = basic();
    let again = plan.orders[1].clone();
    plan.orders.push(again);
    let problems = check(&wave, &plan);
    let p = expect(&problems, "duplicate_order", "/orders/4/id");
    assert!(p.message.contains("SO-2"), "{}", p.message);
}

#[test]
fn catches_a_missing_order() {
    let (wave, mut plan) = basic();
    plan.orders.remove(2);
    plan.exceptions
        .retain(|x| x.order.as_deref() != Some("SO-3"));
    let problems = check(&wave, &plan);
    let p = expect(&problems, "missing_order", "/orders");
    assert!(p.message.contains("SO-3"), "{}", p.message);
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_an_order_that_is_not_in_the_wave() {
    let (wave, mut plan) = basic();
    plan.orders[2].id = "SO-99".into();
    let problems = check(&wave, &plan);
    expect(&problems, "unknown_order", "/orders/2/id");
    expect(&problems, "missing_order", "/orders");
}

#[test]
fn catches_a_lost_unit() {
    let (wave, mut plan) = basic();
    plan.orders[3].unfilled[0].qty = 1;
    let problems = check(&wave, &plan);
    let p = expect(&problems, "line_units_mismatch", "/orders/3");
    assert!(
        p.message.contains("SO-4") && p.message.contains("B-7"),
        "{}",
        p.message
    );
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_lines_and_skus_the_order_does_not_have() {
    let (wave, mut plan) = basic();
    plan.orders[1].shipments[0].lines[0].line = "9".into();
    plan.orders[3].unfilled[0].sku = "A-100".into();
    let problems = check(&wave, &plan);
    expect(
        &problems,
        "unknown_line",
        "/orders/1/shipments/0/lines/0/line",
    );
    expect(&problems, "sku_mismatch", "/orders/3/unfilled/0/sku");
    expect(&problems, "line_units_mismatch", "/orders/1");
}

#[test]
fn catches_two_shipments_from_the_same_node_by_the_same_method() {
    let (wave, mut plan) = basic();
    let first = &mut plan.orders[0].shipments[0];
    first.lines.retain(|l| l.line == "1");
    let mut second = first.clone();
    second.lines = vec![ShipmentLine {
        line: "2".into(),
        sku: "B-7".into(),
        qty: 2,
        metadata: None,
    }];
    plan.orders[0].shipments.push(second);
    let problems = check(&wave, &plan);
    expect(&problems, "duplicate_shipment", "/orders/0/shipments/2");
}

#[test]
fn catches_empty_shipments_repeated_lines_and_non_positive_quantities() {
    let (wave, mut plan) = basic();
    plan.orders[0].shipments[1].lines.clear();
    plan.orders[0].shipments[0].lines[1].qty = 0;
    let repeated = plan.orders[1].shipments[0].lines[0].clone();
    plan.orders[1].shipments[0].lines.push(repeated);
    let problems = check(&wave, &plan);
    expect(&problems, "empty_shipment", "/orders/0/shipments/1/lines");
    expect(
        &problems,
        "not_positive",
        "/orders/0/shipments/0/lines/1/qty",
    );
    expect(
        &problems,
        "duplicate_shipment_line",
        "/orders/1/shipments/0/lines/1",
    );
}

// ---------------------------------------------------------------------------------------------
// Status and holds

#[test]
fn catches_a_wrong_order_status() {
    let (wave, mut plan) = basic();
    plan.orders[3].status = OrderStatus::Filled;
    let problems = check(&wave, &plan);
    let p = expect(&problems, "wrong_order_status", "/orders/3/status");
    assert!(p.message.contains("partial"), "{}", p.message);
}

#[test]
fn catches_a_held_order_that_ships() {
    let (mut wave, plan) = basic();
    wave.orders[1].hold = Some("fraud".into());
    let problems = check(&wave, &plan);
    expect(&problems, "held_order_shipped", "/orders/1/shipments/0");
    expect(&problems, "wrong_order_status", "/orders/1/status");
}

// ---------------------------------------------------------------------------------------------
// Inventory, reservations, capacity

#[test]
fn catches_an_oversold_node() {
    let (wave, mut plan) = basic();
    // SO-4 takes one more B-7 from DC-E, which only has 5 (SO-1 already takes 2).
    plan.orders[3].shipments[0].lines[0].qty = 4;
    plan.orders[3].unfilled[0].qty = 1;
    let problems = check(&wave, &plan);
    let p = expect(&problems, "oversold", "/orders/3/shipments/0/lines/0");
    assert!(
        p.message.contains("DC-E") && p.message.contains("B-7") && p.message.contains("6"),
        "{}",
        p.message
    );
}

#[test]
fn catches_stock_oversold_below_safety_stock() {
    let (mut wave, plan) = basic();
    wave.inventory[0].safety_stock = 6; // DC-E keeps 6 of its 12 A-100: 6 available, 7 shipped
    let problems = check(&wave, &plan);
    expect(&problems, "oversold", "/orders/1/shipments/0/lines/0");
}

#[test]
fn catches_a_breached_node_reservation() {
    let (mut wave, plan) = basic();
    // 8 of DC-E's 10 A-100 are kept for web: edi's SO-2 may use only the other 2, but takes 3.
    wave.reservations[0].qty = Some(8);
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "reservation_breached",
        "/orders/1/shipments/0/lines/0",
    );
    assert!(
        p.message.contains("node 'DC-E'") && p.message.contains("A-100"),
        "{}",
        p.message
    );
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_a_breached_network_reservation() {
    let (mut wave, plan) = basic();
    // 3 of the network's 5 B-7 are kept for web, which uses 2: phone's SO-4 may take 2, takes 3.
    wave.reservations[1].qty = Some(3);
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "reservation_breached",
        "/orders/3/shipments/0/lines/0",
    );
    assert!(p.message.contains("network"), "{}", p.message);
}

#[test]
fn catches_exceeded_unit_capacity() {
    let (mut wave, plan) = basic();
    wave.nodes[0].capacity.units = Some(11);
    let problems = check(&wave, &plan);
    expect(&problems, "unit_capacity_exceeded", "/orders/3/shipments/0");
    expect(&problems, "wrong_node_result", "/nodes/0/utilization/units");
}

#[test]
fn catches_exceeded_shipment_capacity() {
    let (mut wave, plan) = basic();
    wave.nodes[0].capacity.shipments = Some(2);
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "shipment_capacity_exceeded",
        "/orders/3/shipments/0",
    );
    assert!(
        p.message.contains("3 shipments") && p.message.contains("2"),
        "{}",
        p.message
    );
}

// ---------------------------------------------------------------------------------------------
// Eligibility and order rules

#[test]
fn catches_an_inactive_node_shipping() {
    let (mut wave, plan) = basic();
    wave.nodes[1].active = false;
    let problems = check(&wave, &plan);
    expect(&problems, "inactive_node", "/orders/0/shipments/1/node");
}

#[test]
fn catches_a_channel_ineligible_node() {
    let (mut wave, plan) = basic();
    wave.nodes[1].channels = Some(vec!["phone".into()]);
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "channel_not_allowed",
        "/orders/0/shipments/1/node",
    );
    assert!(
        p.message.contains("web") && p.message.contains("ST-W"),
        "{}",
        p.message
    );
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_a_shipment_without_a_route() {
    let (mut wave, plan) = basic();
    wave.lanes.remove(1); // ST-W has no location, so without its lane it cannot reach zone Z1
    let problems = check(&wave, &plan);
    expect(&problems, "no_route", "/orders/0/shipments/1");
}

#[test]
fn catches_a_split_ship_complete_order() {
    let (mut wave, plan) = basic();
    wave.orders[0].ship_complete = true;
    let problems = check(&wave, &plan);
    expect(&problems, "ship_complete_violated", "/orders/0/shipments/1");
}

#[test]
fn catches_a_partly_filled_fill_or_kill_order() {
    let (mut wave, plan) = basic();
    wave.orders[3].fill_or_kill = true;
    let problems = check(&wave, &plan);
    let p = expect(&problems, "fill_or_kill_violated", "/orders/3");
    assert!(p.message.contains("3 of 5"), "{}", p.message);
}

#[test]
fn catches_more_shipments_than_the_policy_allows() {
    let (mut wave, plan) = basic();
    wave.policy.max_shipments_per_order = Some(1);
    let problems = check(&wave, &plan);
    expect(&problems, "max_shipments_exceeded", "/orders/0/shipments/1");
}

#[test]
fn catches_a_late_shipment_under_hard_sla() {
    let (mut wave, plan) = basic();
    wave.policy.sla = SlaMode::Hard;
    let problems = check(&wave, &plan);
    let p = expect(&problems, "late_under_hard_sla", "/orders/1/shipments/0");
    assert!(
        p.message.contains("SO-2") && p.message.contains("2026-11-28"),
        "{}",
        p.message
    );
    // Under a hard SLA there is no late penalty either.
    expect(&problems, "wrong_objective", "/objective/late_penalty");
}

// ---------------------------------------------------------------------------------------------
// Costs, objective, bound

#[test]
fn catches_a_wrong_shipment_cost() {
    let (wave, mut plan) = basic();
    plan.orders[1].shipments[0].cost = 11.0;
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "wrong_shipment_cost",
        "/orders/1/shipments/0/cost",
    );
    assert!(p.message.contains("10.5"), "{}", p.message);
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_wrong_dates_and_lateness() {
    let (wave, mut plan) = basic();
    let s = &mut plan.orders[1].shipments[0];
    s.ship_date = "2026-11-27".into();
    s.eta = "2026-11-27".into();
    s.on_time = true;
    s.days_late = 0;
    let problems = check(&wave, &plan);
    expect(
        &problems,
        "wrong_ship_date",
        "/orders/1/shipments/0/ship_date",
    );
    expect(&problems, "wrong_eta", "/orders/1/shipments/0/eta");
    expect(&problems, "wrong_on_time", "/orders/1/shipments/0/on_time");
    expect(
        &problems,
        "wrong_days_late",
        "/orders/1/shipments/0/days_late",
    );
}

#[test]
fn catches_a_wrong_objective_total() {
    let (wave, mut plan) = basic();
    plan.objective.total = 81.0;
    let problems = check(&wave, &plan);
    let p = expect(&problems, "wrong_objective", "/objective/total");
    assert!(p.message.contains("80"), "{}", p.message);
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_wrong_objective_terms() {
    let (wave, mut plan) = basic();
    plan.objective.fixed = 0.0;
    plan.objective.split_penalty = 0.0;
    plan.objective.unfilled_penalty = 2000.0;
    plan.objective.total = 80.0 - 12.0 + 2000.0;
    let problems = check(&wave, &plan);
    expect(&problems, "wrong_objective", "/objective/fixed");
    expect(&problems, "wrong_objective", "/objective/split_penalty");
    expect(&problems, "wrong_objective", "/objective/unfilled_penalty");
    expect(&problems, "wrong_objective", "/objective/total");
}

#[test]
fn catches_a_bound_above_the_total_and_a_negative_gap() {
    let (wave, mut plan) = basic();
    plan.bound = 90.0;
    plan.gap = -0.1;
    let problems = check(&wave, &plan);
    expect(&problems, "invalid_bound", "/bound");
    expect(&problems, "invalid_gap", "/gap");
}

// ---------------------------------------------------------------------------------------------
// KPIs and node figures

#[test]
fn catches_wrong_kpis() {
    let (wave, mut plan) = basic();
    plan.kpis.fill_rate = 1.0;
    plan.kpis.split_orders = 0;
    plan.kpis.by_tier.get_mut("silver").unwrap().units_allocated = 5;
    plan.kpis.by_channel.remove("phone");
    plan.kpis
        .by_channel
        .insert("fax".into(), GroupKpis::default());
    let problems = check(&wave, &plan);
    expect(&problems, "wrong_kpi", "/kpis/fill_rate");
    expect(&problems, "wrong_kpi", "/kpis/split_orders");
    expect(
        &problems,
        "wrong_kpi",
        "/kpis/by_tier/silver/units_allocated",
    );
    let p = expect(&problems, "missing_kpi_group", "/kpis/by_channel");
    assert!(p.message.contains("phone"), "{}", p.message);
    expect(&problems, "unexpected_kpi_group", "/kpis/by_channel/fax");
    assert_eq!(problems.len(), 5, "{}", describe(&problems));
}

#[test]
fn catches_a_tier_without_orders_missing_from_by_tier() {
    let (mut wave, mut plan) = basic();
    wave.policy.tiers.push(waveopt::format::Tier {
        name: "bronze".into(),
        unfilled_penalty: None,
    });
    wave.orders.iter_mut().for_each(|o| {
        o.tier.get_or_insert_with(|| "silver".into());
    });
    let problems = check(&wave, &plan);
    expect(&problems, "missing_kpi_group", "/kpis/by_tier");
    plan.kpis.by_tier.insert(
        "bronze".into(),
        GroupKpis {
            fill_rate: 1.0,
            ..GroupKpis::default()
        },
    );
    assert_clean(&wave, &plan);
}

#[test]
fn catches_wrong_missing_and_unknown_node_figures() {
    let (wave, mut plan) = basic();
    plan.nodes[1].units = 3;
    plan.nodes[0].utilization.shipments = None;
    plan.nodes[2].id = "DC-Z".into();
    let problems = check(&wave, &plan);
    expect(&problems, "wrong_node_result", "/nodes/1/units");
    expect(
        &problems,
        "wrong_node_result",
        "/nodes/0/utilization/shipments",
    );
    expect(&problems, "unknown_node_result", "/nodes/2/id");
    let p = expect(&problems, "missing_node_result", "/nodes");
    assert!(p.message.contains("3PL-X"), "{}", p.message);
}

// ---------------------------------------------------------------------------------------------
// Exceptions and unfilled reasons

#[test]
fn catches_a_missing_shortfall_exception() {
    let (wave, mut plan) = basic();
    plan.exceptions
        .retain(|x| x.kind != ExceptionKind::Shortfall);
    let problems = check(&wave, &plan);
    let p = expect(&problems, "missing_exception", "/exceptions");
    assert!(
        p.message.contains("SO-4") && p.message.contains("shortfall"),
        "{}",
        p.message
    );
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
}

#[test]
fn catches_missing_hold_split_and_late_exceptions_and_empty_messages() {
    let (wave, mut plan) = basic();
    plan.exceptions.retain(|x| {
        x.kind == ExceptionKind::Shortfall || x.kind == ExceptionKind::CapacityBottleneck
    });
    plan.exceptions[0].message = "  ".into();
    let problems = check(&wave, &plan);
    let missing: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.code == "missing_exception")
        .collect();
    assert_eq!(missing.len(), 3, "{}", describe(&problems));
    for (order, kind) in [
        ("SO-1", "split_shipment"),
        ("SO-2", "late"),
        ("SO-3", "hold"),
    ] {
        assert!(
            missing
                .iter()
                .any(|p| p.message.contains(order) && p.message.contains(kind)),
            "no missing {kind} for {order}:\n{}",
            describe(&problems)
        );
    }
    expect(
        &problems,
        "empty_exception_message",
        "/exceptions/0/message",
    );
}

#[test]
fn catches_unfilled_reasons_that_cannot_be_true() {
    let (wave, mut plan) = basic();
    plan.orders[2].unfilled[0].reason = UnfilledReason::AllocatedToHigherTier;
    let mut more = plan.orders[3].unfilled[0].clone();
    more.qty = 1;
    plan.orders[3].unfilled[0].qty = 1;
    plan.orders[3].unfilled[0].reason = UnfilledReason::NoEligibleNode;
    more.reason = UnfilledReason::NotEconomic;
    plan.orders[3].unfilled.push(more.clone());
    more.reason = UnfilledReason::SlaUnreachable;
    plan.orders[3].unfilled.push(more);
    plan.orders[3].unfilled[0].qty = 0; // keep the line balanced: 3 + 0 + 1 + 1 = 5
    let problems = check(&wave, &plan);
    expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/2/unfilled/0/reason",
    );
    expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/0/reason",
    );
    expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/1/reason",
    );
    expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/2/reason",
    );
    expect(&problems, "not_positive", "/orders/3/unfilled/0/qty");
}

#[test]
fn catches_insufficient_inventory_claimed_when_stock_suffices() {
    let (mut wave, plan) = basic();
    wave.inventory[1].on_hand = 50; // DC-E now holds 50 B-7 against a demand of 7
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/0/reason",
    );
    assert!(p.message.contains("50"), "{}", p.message);
}

#[test]
fn catches_allocated_to_same_tier_when_no_other_order_of_the_tier_ships_the_sku() {
    let (wave, mut plan) = basic();
    // SO-4 is silver; no other silver order ships B-7 (gold SO-1 does).
    plan.orders[3].unfilled[0].reason = UnfilledReason::AllocatedToSameTier;
    let problems = check(&wave, &plan);
    let p = expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/0/reason",
    );
    assert!(p.message.contains("same tier"), "{}", p.message);

    plan.orders[3].unfilled[0].reason = UnfilledReason::AllocatedToHigherTier;
    assert_clean(&wave, &plan);
}

#[test]
fn catches_time_limit_reached_on_a_plan_whose_tier_fills_are_proven() {
    let (wave, mut plan) = basic();
    plan.orders[3].unfilled[0].reason = UnfilledReason::TimeLimitReached;
    // No tier stages and status optimal: nothing stopped short.
    expect(
        &check(&wave, &plan),
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/0/reason",
    );
    let stage = |tier: &str, fill: f64, bound: f64| waveopt::format::StageStats {
        name: format!("tier:{tier}"),
        status: "time_limit".into(),
        objective: Some(fill),
        bound: Some(bound),
        gap: None,
        time_ms: 0,
        variables: 0,
        constraints: 0,
    };
    plan.solver.stages = vec![stage("gold", 8.0, 8.0), stage("silver", 6.0, 6.4)];
    expect(
        &check(&wave, &plan),
        "unfilled_reason_inconsistent",
        "/orders/3/unfilled/0/reason",
    );
    // Silver's bound 8 is above its fill 6: that stage stopped before a proven fill.
    plan.solver.stages[1].bound = Some(8.0);
    assert_clean(&wave, &plan);
}

// ---------------------------------------------------------------------------------------------
// Many violations at once, invalid waves, hostile plans

#[test]
fn reports_every_violation_at_once() {
    let (mut wave, mut plan) = basic();
    wave.nodes[1].active = false;
    plan.wave_id = "x".into();
    plan.orders[1].shipments[0].cost = 0.0;
    plan.kpis.orders = 3;
    let problems = check(&wave, &plan);
    for (code, path) in [
        ("wave_id_mismatch", "/wave_id"),
        ("inactive_node", "/orders/0/shipments/1/node"),
        ("wrong_shipment_cost", "/orders/1/shipments/0/cost"),
        ("wrong_kpi", "/kpis/orders"),
    ] {
        expect(&problems, code, path);
    }
}

#[test]
fn returns_the_wave_problems_when_the_wave_is_invalid() {
    let (mut wave, plan) = basic();
    wave.orders[0].tier = Some("platinum".into());
    let problems = check(&wave, &plan);
    assert!(!problems.is_empty());
    assert!(
        problems.iter().any(|p| p.path == "/orders/0/tier"),
        "{}",
        describe(&problems)
    );
}

#[test]
fn survives_unknown_ids_negative_quantities_and_nan_figures() {
    let (wave, mut plan) = basic();
    let s = &mut plan.orders[0].shipments[0];
    s.node = "NOWHERE".into();
    s.method = "teleport".into();
    s.cost = f64::NAN;
    s.lines[0].qty = -4;
    s.lines[1].qty = i64::MAX;
    plan.orders[1].shipments[0].lines[0].sku = "ZZZ".into();
    plan.orders[1].shipments[0].lines[0].line = "nope".into();
    plan.orders[3].unfilled[0].qty = i64::MIN;
    plan.orders[3].shipments[0].cost = f64::INFINITY;
    plan.objective = Objective {
        total: f64::NAN,
        shipping: f64::INFINITY,
        ..plan.objective
    };
    plan.bound = f64::NAN;
    plan.gap = f64::NEG_INFINITY;
    plan.kpis.fill_rate = f64::NAN;
    plan.nodes[0].utilization.units = Some(f64::NAN);
    plan.exceptions[0].order = Some("ghost".into());
    let problems = check(&wave, &plan);
    for (code, path) in [
        ("unknown_node", "/orders/0/shipments/0/node"),
        ("unknown_method", "/orders/0/shipments/0/method"),
        ("not_positive", "/orders/0/shipments/0/lines/0/qty"),
        ("wrong_shipment_cost", "/orders/0/shipments/0/cost"),
        ("unknown_line", "/orders/1/shipments/0/lines/0/line"),
        ("not_positive", "/orders/3/unfilled/0/qty"),
        ("wrong_shipment_cost", "/orders/3/shipments/0/cost"),
        ("wrong_objective", "/objective/total"),
        ("invalid_bound", "/bound"),
        ("invalid_gap", "/gap"),
        ("wrong_kpi", "/kpis/fill_rate"),
        ("wrong_node_result", "/nodes/0/utilization/units"),
        ("unknown_exception_order", "/exceptions/0/order"),
    ] {
        expect(&problems, code, path);
    }
    assert!(problems.iter().all(|p| !p.message.is_empty()));
}

#[test]
fn accepts_an_empty_wave_with_an_empty_plan() {
    let wave = wave_from_json(
        r#"{"wave_id": "empty", "as_of": "2026-11-26T10:00:00Z", "orders": [],
            "nodes": [{"id": "DC", "kind": "warehouse", "capacity": {"units": 0}}]}"#,
    );
    let plan = Plan {
        wave_id: "empty".into(),
        status: PlanStatus::Optimal,
        objective: Objective::default(),
        bound: 0.0,
        gap: 0.0,
        orders: vec![],
        exceptions: vec![],
        kpis: Kpis {
            fill_rate: 1.0,
            on_time_rate: 1.0,
            by_tier: [(
                "standard".to_string(),
                GroupKpis {
                    fill_rate: 1.0,
                    ..GroupKpis::default()
                },
            )]
            .into(),
            ..Kpis::default()
        },
        nodes: vec![NodeResult {
            id: "DC".into(),
            shipments: 0,
            units: 0,
            utilization: Utilization {
                shipments: None,
                units: Some(0.0),
            },
        }],
        solver: SolverStats::default(),
    };
    assert_clean(&wave, &plan);
}

// ---------------------------------------------------------------------------------------------
// A weighted wave priced by the routing module

const WEIGHTED_WAVE: &str = r#"{
  "wave_id": "w-weighted",
  "as_of": "2026-11-26T10:00:00Z",
  "orders": [
    {"id": "W-1", "channel": "web", "customer": "C1", "tier": "vip", "due_by": "2026-11-28",
     "ship_to": {"lat": 42.3601, "lon": -71.0589}, "lines": [{"id": "1", "sku": "X", "qty": 4}]},
    {"id": "W-2", "channel": "web", "customer": "C2", "tier": "std",
     "ship_to": {"lat": 42.3601, "lon": -71.0589}, "lines": [{"id": "1", "sku": "X", "qty": 3}]},
    {"id": "W-3", "channel": "b2b_portal", "customer": "C3", "tier": "vip", "hold": "fraud",
     "ship_to": {"lat": 42.3601, "lon": -71.0589}, "lines": [{"id": "1", "sku": "X", "qty": 2}]},
    {"id": "W-4", "channel": "b2b_portal", "customer": "C4", "tier": "vip", "due_by": "2026-11-27",
     "ship_to": {"lat": 33.4484, "lon": -112.0740}, "lines": [{"id": "1", "sku": "X", "qty": 2}]}
  ],
  "nodes": [
    {"id": "DC-NY", "kind": "warehouse", "location": {"lat": 40.71427, "lon": -74.00597},
     "handling": {"per_shipment": 0.0, "per_unit": 0.25}, "fixed_cost": 5.0},
    {"id": "DC-LA", "kind": "warehouse", "location": {"lat": 34.05223, "lon": -118.24368},
     "processing_days": 1, "capacity": {"shipments": 4}}
  ],
  "inventory": [
    {"node": "DC-NY", "sku": "X", "on_hand": 10},
    {"node": "DC-LA", "sku": "X", "on_hand": 10}
  ],
  "policy": {"tiers": [{"name": "vip", "unfilled_penalty": 500}, {"name": "std", "unfilled_penalty": 2}],
             "allocation": "weighted", "late_penalty_per_day": 10}
}"#;

/// W-1 ships from DC-NY, W-4 from DC-LA (a day late), W-2 is left unfilled (3 units × 2 is
/// cheaper than a shipment), W-3 is held. Every figure comes from `model.quote`.
fn weighted() -> (Wave, Plan) {
    let wave = wave_from_json(WEIGHTED_WAVE);
    let model = Model::from_wave(&wave).expect("valid wave");
    let (ny, la, ground) = (0, 1, 0);
    let ship = |order: usize, node: usize, units: i64| {
        let q = model.quote(order, node, ground).expect("a route");
        let shipment = Shipment {
            node: model.nodes[node].id.clone(),
            method: "ground".into(),
            lines: vec![ShipmentLine {
                line: "1".into(),
                sku: "X".into(),
                qty: units,
                metadata: None,
            }],
            cost: q.shipment_cost(units),
            ship_date: format_day(q.ship_day),
            eta: format_day(q.eta_day),
            on_time: q.on_time(),
            days_late: q.days_late,
        };
        (shipment, q)
    };
    let (s1, q1) = ship(0, ny, 4);
    let (s4, q4) = ship(3, la, 2);
    assert!(q1.on_time() && q4.days_late == 1, "{q1:?} {q4:?}");
    let shipping = q1.shipping_cost(4) + q4.shipping_cost(2);
    let handling = q1.handling_cost(4) + q4.handling_cost(2);
    let objective = Objective {
        total: shipping + handling + 5.0 + 10.0 + 6.0,
        shipping,
        handling,
        fixed: 5.0,
        split_penalty: 0.0,
        late_penalty: 10.0,
        unfilled_penalty: 6.0,
    };
    let unfilled = |qty, reason| {
        vec![UnfilledLine {
            line: "1".into(),
            sku: "X".into(),
            qty,
            reason,
            metadata: None,
        }]
    };
    let order = |id: &str, status, shipments, unfilled| OrderResult {
        id: id.into(),
        status,
        shipments,
        unfilled,
        explain: None,
        metadata: None,
    };
    let exception = |kind, order: &str| PlanException {
        kind,
        severity: Severity::Warning,
        order: Some(order.into()),
        node: None,
        channel: None,
        sku: None,
        qty: None,
        message: format!("{order} needs attention"),
    };
    let group = |orders, demanded, allocated, complete| GroupKpis {
        orders,
        units_demanded: demanded,
        units_allocated: allocated,
        fill_rate: allocated as f64 / demanded as f64,
        orders_complete: complete,
    };
    let plan = Plan {
        wave_id: "w-weighted".into(),
        status: PlanStatus::Feasible,
        objective,
        bound: objective.total - 1.0,
        gap: 1.0 / objective.total,
        orders: vec![
            order("W-1", OrderStatus::Filled, vec![s1], vec![]),
            order(
                "W-2",
                OrderStatus::Unfilled,
                vec![],
                unfilled(3, UnfilledReason::NotEconomic),
            ),
            order(
                "W-3",
                OrderStatus::Held,
                vec![],
                unfilled(2, UnfilledReason::OnHold),
            ),
            order("W-4", OrderStatus::Filled, vec![s4], vec![]),
        ],
        exceptions: vec![
            exception(ExceptionKind::Shortfall, "W-2"),
            exception(ExceptionKind::Hold, "W-3"),
            exception(ExceptionKind::Late, "W-4"),
        ],
        kpis: Kpis {
            orders: 4,
            units_demanded: 11,
            units_allocated: 6,
            fill_rate: 6.0 / 11.0,
            orders_complete: 2,
            shipments: 2,
            split_orders: 0,
            on_time_rate: 0.5,
            cost_per_unit: objective.total / 6.0,
            by_tier: [
                ("vip".into(), group(3, 8, 6, 2)),
                ("std".into(), group(1, 3, 0, 0)),
            ]
            .into(),
            by_channel: [
                ("web".into(), group(2, 7, 4, 1)),
                ("b2b_portal".into(), group(2, 4, 2, 1)),
            ]
            .into(),
        },
        nodes: vec![
            NodeResult {
                id: "DC-NY".into(),
                shipments: 1,
                units: 4,
                utilization: Utilization::default(),
            },
            NodeResult {
                id: "DC-LA".into(),
                shipments: 1,
                units: 2,
                utilization: Utilization {
                    shipments: Some(0.25),
                    units: None,
                },
            },
        ],
        solver: SolverStats::default(),
    };
    (wave, plan)
}

#[test]
fn accepts_a_weighted_plan_priced_by_the_routing_model() {
    let (wave, plan) = weighted();
    assert_eq!(wave.policy.allocation, Allocation::Weighted);
    assert_clean(&wave, &plan);
}

#[test]
fn charges_no_unfilled_penalty_for_held_orders() {
    let (wave, mut plan) = weighted();
    // Charging W-3's 2 held units at the vip rate (500 each) is wrong.
    plan.objective.unfilled_penalty += 1000.0;
    plan.objective.total += 1000.0;
    plan.kpis.cost_per_unit = plan.objective.total / 6.0;
    let problems = check(&wave, &plan);
    expect(&problems, "wrong_objective", "/objective/unfilled_penalty");
    expect(&problems, "wrong_objective", "/objective/total");
}

#[test]
fn catches_a_missing_late_exception() {
    let (wave, mut plan) = weighted();
    plan.exceptions.retain(|x| x.kind != ExceptionKind::Late);
    let problems = check(&wave, &plan);
    let p = expect(&problems, "missing_exception", "/exceptions");
    assert!(
        p.message.contains("W-4") && p.message.contains("late"),
        "{}",
        p.message
    );
}

#[test]
fn allows_not_economic_only_under_weighted_allocation() {
    let (mut wave, plan) = weighted();
    wave.policy.allocation = Allocation::Strict;
    let problems = check(&wave, &plan);
    expect(
        &problems,
        "unfilled_reason_inconsistent",
        "/orders/1/unfilled/0/reason",
    );
    expect(&problems, "wrong_objective", "/objective/unfilled_penalty");
}

// ---------------------------------------------------------------------------------------------
// Whatever the plan holds, the checker answers instead of panicking.

#[derive(Debug, Clone)]
enum Damage {
    Qty(usize, usize, i64),
    UnfilledQty(usize, i64),
    Node(usize, usize, &'static str),
    Method(usize, usize, &'static str),
    Cost(usize, usize, f64),
    DaysLate(usize, usize, i64),
    Remove(usize),
    Duplicate(usize),
    Rename(usize, &'static str),
    Total(f64),
    Capacity(usize, Option<i64>, Option<i64>),
    OnHand(usize, i64),
    Reserve(usize, Option<i64>, Option<f64>),
    ProcessingDays(usize, i64),
}

fn damage() -> impl Strategy<Value = Damage> {
    let ids = prop::sample::select(vec!["DC-E", "ST-W", "3PL-X", "", "NOPE", "SO-1"]);
    let methods = prop::sample::select(vec!["ground", "express", "", "drone"]);
    let floats = prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1.0,
        0.0,
        1e308,
        f64::MIN_POSITIVE,
    ]);
    prop_oneof![
        (0..6usize, 0..4usize, any::<i64>()).prop_map(|(s, l, q)| Damage::Qty(s, l, q)),
        (0..6usize, any::<i64>()).prop_map(|(o, q)| Damage::UnfilledQty(o, q)),
        (0..6usize, 0..4usize, ids.clone()).prop_map(|(o, s, n)| Damage::Node(o, s, n)),
        (0..6usize, 0..4usize, methods).prop_map(|(o, s, m)| Damage::Method(o, s, m)),
        (0..6usize, 0..4usize, floats.clone()).prop_map(|(o, s, c)| Damage::Cost(o, s, c)),
        (0..6usize, 0..4usize, any::<i64>()).prop_map(|(o, s, d)| Damage::DaysLate(o, s, d)),
        (0..6usize).prop_map(Damage::Remove),
        (0..6usize).prop_map(Damage::Duplicate),
        (0..6usize, ids).prop_map(|(o, id)| Damage::Rename(o, id)),
        floats.prop_map(Damage::Total),
        (
            0..4usize,
            prop::option::of(-5i64..20),
            prop::option::of(-5i64..20)
        )
            .prop_map(|(n, s, u)| Damage::Capacity(n, s, u)),
        (0..5usize, -10i64..100).prop_map(|(i, q)| Damage::OnHand(i, q)),
        (
            0..3usize,
            prop::option::of(-5i64..20),
            prop::option::of(-1.0f64..2.0)
        )
            .prop_map(|(r, q, s)| Damage::Reserve(r, q, s)),
        (0..4usize, -3i64..1000).prop_map(|(n, d)| Damage::ProcessingDays(n, d)),
    ]
}

fn apply(wave: &mut Wave, plan: &mut Plan, d: &Damage) {
    let n_orders = plan.orders.len().max(1);
    match *d {
        Damage::Qty(s, l, q) => {
            if let Some(order) = plan.orders.get_mut(s % n_orders) {
                if let Some(ship) = order.shipments.first_mut() {
                    let len = ship.lines.len().max(1);
                    if let Some(line) = ship.lines.get_mut(l % len) {
                        line.qty = q;
                    }
                }
            }
        }
        Damage::UnfilledQty(o, q) => {
            if let Some(u) = plan
                .orders
                .get_mut(o % n_orders)
                .and_then(|o| o.unfilled.first_mut())
            {
                u.qty = q;
            }
        }
        Damage::Node(o, s, id) => {
            if let Some(order) = plan.orders.get_mut(o % n_orders) {
                let len = order.shipments.len().max(1);
                if let Some(ship) = order.shipments.get_mut(s % len) {
                    ship.node = id.into();
                }
            }
        }
        Damage::Method(o, s, id) => {
            if let Some(order) = plan.orders.get_mut(o % n_orders) {
                let len = order.shipments.len().max(1);
                if let Some(ship) = order.shipments.get_mut(s % len) {
                    ship.method = id.into();
                }
            }
        }
        Damage::Cost(o, s, c) => {
            if let Some(order) = plan.orders.get_mut(o % n_orders) {
                let len = order.shipments.len().max(1);
                if let Some(ship) = order.shipments.get_mut(s % len) {
                    ship.cost = c;
                }
            }
        }
        Damage::DaysLate(o, s, v) => {
            if let Some(order) = plan.orders.get_mut(o % n_orders) {
                let len = order.shipments.len().max(1);
                if let Some(ship) = order.shipments.get_mut(s % len) {
                    ship.days_late = v;
                }
            }
        }
        Damage::Remove(o) => {
            if !plan.orders.is_empty() {
                plan.orders.remove(o % n_orders);
            }
        }
        Damage::Duplicate(o) => {
            if let Some(order) = plan.orders.get(o % n_orders).cloned() {
                plan.orders.push(order);
            }
        }
        Damage::Rename(o, id) => {
            if let Some(order) = plan.orders.get_mut(o % n_orders) {
                order.id = id.into();
            }
        }
        Damage::Total(t) => plan.objective.total = t,
        Damage::Capacity(n, s, u) => {
            let node = &mut wave.nodes[n % 3];
            node.capacity.shipments = s;
            node.capacity.units = u;
        }
        Damage::OnHand(i, q) => wave.inventory[i % 4].on_hand = q,
        Damage::Reserve(r, q, s) => {
            let res = &mut wave.reservations[r % 2];
            res.qty = q;
            res.share = s;
        }
        Damage::ProcessingDays(n, d) => wave.nodes[n % 3].processing_days = d,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_a_damaged_plan(damages in prop::collection::vec(damage(), 1..8)) {
        let (mut wave, mut plan) = basic();
        for d in &damages {
            apply(&mut wave, &mut plan, d);
        }
        let problems = check(&wave, &plan);
        for p in &problems {
            prop_assert!(!p.code.is_empty() && !p.message.is_empty());
        }
    }
}
