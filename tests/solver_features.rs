//! The optimizer on the named feature fixtures of `datasets/features/`: each isolates one rule of
//! SPEC.md, and `expected.json` holds the hand-computed optimal plan (see its README). Every plan
//! goes through the independent checker.

mod common;

use common::{load_wave, plan_checked, tier_fills};
use serde_json::Value;
use waveopt::format::{Engine, OrderResult, Plan, PlanStatus};

fn expected() -> serde_json::Map<String, Value> {
    let path = common::dataset_path("features/expected.json");
    let text = std::fs::read_to_string(&path).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

fn fixture(name: &str) -> waveopt::Wave {
    load_wave(&format!("features/{name}.wave.json"))
}

fn order<'a>(plan: &'a Plan, id: &str) -> &'a OrderResult {
    plan.orders
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("order {id} missing"))
}

/// (node, method, [(line, qty)]) of every shipment, sorted.
#[allow(clippy::type_complexity)]
fn shipment_shape(shipments: &[Value]) -> Vec<(String, String, Vec<(String, i64)>)> {
    let mut out: Vec<_> = shipments
        .iter()
        .map(|s| {
            let mut lines: Vec<(String, i64)> = s["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    (
                        l["line"].as_str().unwrap().to_string(),
                        l["qty"].as_i64().unwrap(),
                    )
                })
                .collect();
            lines.sort();
            (
                s["node"].as_str().unwrap().to_string(),
                s["method"].as_str().unwrap().to_string(),
                lines,
            )
        })
        .collect();
    out.sort();
    out
}

fn assert_matches_expected(name: &str, plan: &Plan) {
    let all = expected();
    let want = all
        .get(name)
        .unwrap_or_else(|| panic!("{name} not in expected.json"));
    let total = want["objective"]["total"].as_f64().unwrap();
    assert!(
        (plan.objective.total - total).abs() < 1e-3,
        "{name}: total {} but expected {total}",
        plan.objective.total
    );
    for (id, o) in want["orders"].as_object().unwrap() {
        let got = order(plan, id);
        let got_json = serde_json::to_value(got).unwrap();
        assert_eq!(got_json["status"], o["status"], "{name}: status of {id}");
        assert_eq!(
            shipment_shape(got_json["shipments"].as_array().unwrap()),
            shipment_shape(o["shipments"].as_array().unwrap()),
            "{name}: shipments of {id}"
        );
        let mut got_unfilled: Vec<(String, i64, String)> = got
            .unfilled
            .iter()
            .map(|u| (u.line.clone(), u.qty, u.reason.as_str().to_string()))
            .collect();
        let mut want_unfilled: Vec<(String, i64, String)> = o["unfilled"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                (
                    u["line"].as_str().unwrap().to_string(),
                    u["qty"].as_i64().unwrap(),
                    u["reason"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got_unfilled.sort();
        want_unfilled.sort();
        assert_eq!(got_unfilled, want_unfilled, "{name}: unfilled of {id}");
    }
}

fn solve_and_compare(name: &str) -> Plan {
    let wave = fixture(name);
    let plan = plan_checked(&wave, Engine::Mip);
    assert_eq!(
        plan.status,
        PlanStatus::Optimal,
        "{name} should be proven optimal"
    );
    assert_matches_expected(name, &plan);
    plan
}

#[test]
fn every_feature_fixture_gets_its_hand_computed_optimal_plan() {
    let mut names: Vec<String> = expected().keys().cloned().collect();
    names.sort();
    assert!(
        names.len() >= 20,
        "expected.json lists {} fixtures",
        names.len()
    );
    for name in names {
        solve_and_compare(&name);
    }
}

#[test]
fn the_optimizer_is_never_worse_than_greedy_on_any_fixture() {
    let dir = common::dataset_path("features");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".wave.json"))
        .collect();
    files.sort();
    for path in files {
        let wave = waveopt::io::load_wave(&path).unwrap();
        let greedy = plan_checked(&wave, Engine::Greedy);
        let mip = plan_checked(&wave, Engine::Mip);
        let (g, m) = (tier_fills(&wave, &greedy), tier_fills(&wave, &mip));
        if wave.policy.allocation == waveopt::format::Allocation::Strict {
            assert!(
                m >= g,
                "{}: MIP tier fills {m:?} below greedy {g:?}",
                path.display()
            );
            if m == g {
                assert!(
                    mip.objective.total <= greedy.objective.total + 1e-6,
                    "{}: MIP cost {} above greedy {}",
                    path.display(),
                    mip.objective.total,
                    greedy.objective.total
                );
            }
        } else {
            assert!(
                mip.objective.total <= greedy.objective.total + 1e-6,
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn a_reservation_blocks_another_channel() {
    let plan = solve_and_compare("reservation.blocks_other_channel");
    assert!(order(&plan, "W-1")
        .unfilled
        .iter()
        .all(|u| u.reason.as_str() == "reserved_for_other_channel"));
}

#[test]
fn a_higher_tier_wins_scarce_stock() {
    let wave = fixture("tiers.higher_tier_wins_scarce");
    let plan = solve_and_compare("tiers.higher_tier_wins_scarce");
    let fills = tier_fills(&wave, &plan);
    let demand: Vec<i64> = wave
        .policy
        .tiers
        .iter()
        .map(|t| plan.kpis.by_tier[&t.name].units_demanded)
        .collect();
    assert_eq!(fills[0], demand[0], "the top tier is filled in full");
}

#[test]
fn express_rescues_an_sla() {
    let plan = solve_and_compare("sla.express_rescues");
    let shipments: Vec<_> = plan.orders.iter().flat_map(|o| &o.shipments).collect();
    assert!(shipments.iter().all(|s| s.on_time));
    assert!(shipments.iter().any(|s| s.method != "ground"));
}

#[test]
fn ship_complete_refuses_a_split() {
    let plan = solve_and_compare("ship_complete.refuses_split");
    assert!(order(&plan, "SC-1").shipments.len() <= 1);
}

#[test]
fn a_fixed_cost_consolidates_shipments_onto_fewer_nodes() {
    let wave = fixture("fixed_cost.consolidates");
    let greedy = plan_checked(&wave, Engine::Greedy);
    let plan = solve_and_compare("fixed_cost.consolidates");
    let used = |p: &Plan| p.nodes.iter().filter(|n| n.shipments > 0).count();
    assert!(used(&plan) <= used(&greedy));
    assert!(plan.objective.total <= greedy.objective.total);
}

#[test]
fn hard_sla_forbids_late_shipments_and_soft_sla_charges_for_them() {
    let hard = solve_and_compare("sla.hard_forbids_late");
    assert!(hard
        .orders
        .iter()
        .flat_map(|o| &o.shipments)
        .all(|s| s.on_time));
    assert_eq!(hard.objective.late_penalty, 0.0);
    let soft = solve_and_compare("sla.soft_allows_late");
    let late_days: i64 = soft
        .orders
        .iter()
        .flat_map(|o| &o.shipments)
        .map(|s| s.days_late)
        .sum();
    assert!(late_days > 0);
    assert!(soft.objective.late_penalty > 0.0);
}

#[test]
fn weighted_mode_leaves_uneconomic_orders_unfilled() {
    let plan = solve_and_compare("tiers.weighted_not_economic");
    assert!(plan
        .orders
        .iter()
        .flat_map(|o| &o.unfilled)
        .any(|u| u.reason.as_str() == "not_economic"));
}

#[test]
fn fifo_gives_scarce_stock_to_the_older_order() {
    solve_and_compare("within_tier.fifo");
}

#[test]
fn plans_on_one_thread_may_ask_for_different_thread_counts() {
    // HiGHS keeps one scheduler per OS thread and refuses a solve that asks for another thread
    // count than the thread's first; a caller planning waves that differ in `options.threads`
    // on one thread must still get proven plans.
    let wave = fixture("fixed_cost.consolidates");
    for threads in [2, 1, 2] {
        let mut wave = wave.clone();
        wave.options.threads = Some(threads);
        let plan = plan_checked(&wave, Engine::Mip);
        assert_eq!(plan.status, PlanStatus::Optimal, "threads {threads}");
        assert!(
            plan.solver
                .stages
                .iter()
                .all(|s| s.status != "solver_error"),
            "threads {threads}: {:?}",
            plan.solver.stages
        );
    }
}
