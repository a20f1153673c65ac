//! The order-level diff of a scenario against its base: checked against the plans themselves
//! (every order whose nodes, units or ETA differ is listed, no other), written as
//! `orders_diff.csv` with every plan as `<variant>.plan.json` and `<variant>.assignments.csv`,
//! and grouped into the report's "biggest movers".

mod common;

use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

use waveopt::format::{OrderResult, Plan};
use waveopt::scenario::{self, render, Change, ScenarioResult};

fn stock_count() -> ScenarioResult {
    let path = common::dataset_path("scenarios/sample-stock-count.toml");
    let mut loaded = scenario::load(&path).unwrap();
    // The greedy router plans in milliseconds and deterministically.
    loaded.options.engine = Some(waveopt::format::Engine::Greedy);
    scenario::run(&loaded, &|_| {}, &AtomicBool::new(false)).unwrap()
}

fn order<'p>(plan: &'p Plan, id: &str) -> &'p OrderResult {
    plan.orders.iter().find(|o| o.id == id).unwrap()
}

fn nodes(o: &OrderResult) -> BTreeSet<&str> {
    o.shipments.iter().map(|s| s.node.as_str()).collect()
}

fn units(o: &OrderResult) -> i64 {
    o.shipments
        .iter()
        .flat_map(|s| &s.lines)
        .map(|l| l.qty)
        .sum()
}

fn eta(o: &OrderResult) -> Option<&str> {
    o.shipments.iter().map(|s| s.eta.as_str()).max()
}

#[test]
fn the_diff_lists_exactly_the_orders_whose_outcome_changed() {
    let result = stock_count();
    let base = &result.runs[0].plan;
    let mut listed = 0;
    for run in &result.runs[1..] {
        for o in &run.plan.orders {
            let b = order(base, &o.id);
            let diff = result
                .orders_diff
                .iter()
                .find(|d| d.variant == run.name && d.order == o.id);
            let changed = nodes(b) != nodes(o) || units(b) != units(o) || eta(b) != eta(o);
            if changed {
                let d = diff.unwrap_or_else(|| panic!("{}/{} changed, not listed", run.name, o.id));
                listed += 1;
                let moved = !nodes(b).is_empty() && !nodes(o).is_empty() && nodes(b) != nodes(o);
                assert_eq!(d.changes.contains(&Change::Moved), moved, "{d:?}");
                assert_eq!(d.changes.contains(&Change::FewerUnits), units(o) < units(b));
                assert_eq!(d.base.units, units(b));
                assert_eq!(d.variant_outcome.units, units(o));
                assert_eq!(d.variant_outcome.eta.as_deref(), eta(o));
            } else if let Some(d) = diff {
                assert_eq!(d.changes, [Change::Cost], "{d:?}");
            }
        }
    }
    assert!(listed > 0, "closing a DC changes some orders");
    let closed: Vec<_> = result
        .orders_diff
        .iter()
        .filter(|d| d.variant == "DC-EAST closed")
        .collect();
    assert!(closed
        .iter()
        .all(|d| !d.variant_outcome.nodes.contains(&"DC-EAST".to_string())));
    assert!(closed
        .iter()
        .any(|d| d.base.nodes.contains(&"DC-EAST".to_string())));
}

#[test]
fn the_report_folder_holds_the_diff_and_every_plan() {
    let result = stock_count();
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scenario-orders-diff");
    let _ = std::fs::remove_dir_all(&dir);
    render::write_folder(&result, &dir).unwrap();
    let csv = std::fs::read_to_string(dir.join("orders_diff.csv")).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("variant,order,customer,tier,channel,changes,"));
    for column in [
        "base_nodes",
        "variant_nodes",
        "base_units",
        "variant_units",
        "base_cost",
        "variant_cost",
        "base_on_time",
        "variant_on_time",
        "variant_reason",
    ] {
        assert!(header.split(',').any(|c| c == column), "{column}");
    }
    assert_eq!(lines.count(), result.orders_diff.len());
    assert!(
        !csv.contains(",-0,") && !csv.contains(",-0\n"),
        "no negative zero"
    );

    let stems = render::plan_stems(&result);
    assert_eq!(
        stems,
        [
            "base",
            "dc-east-closed",
            "dc-east-closed-express",
            "dc-west-closed"
        ]
    );
    for (stem, run) in stems.iter().zip(&result.runs) {
        let json = std::fs::read_to_string(dir.join(format!("{stem}.plan.json"))).unwrap();
        assert_eq!(waveopt::format::parse_plan(&json).unwrap(), run.plan);
        let assignments =
            std::fs::read_to_string(dir.join(format!("{stem}.assignments.csv"))).unwrap();
        assert_eq!(assignments, waveopt::format::assignments_csv(&run.plan));
    }
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("Biggest movers"));
}

#[test]
fn biggest_movers_group_orders_by_variant_tier_route_and_delay() {
    let result = stock_count();
    let movers = scenario::biggest_movers(&result.orders_diff, 100);
    let grouped: usize = movers.iter().map(|m| m.orders).sum();
    let not_cost_only = result
        .orders_diff
        .iter()
        .filter(|d| d.changes.iter().any(|c| *c != Change::Cost))
        .count();
    assert_eq!(
        grouped, not_cost_only,
        "every changed order in exactly one group"
    );
    for m in &movers {
        assert_eq!(m.order_ids.len(), m.orders);
        for id in &m.order_ids {
            let d = result
                .orders_diff
                .iter()
                .find(|d| d.variant == m.variant && &d.order == id)
                .unwrap();
            assert_eq!(
                (d.tier.as_str(), d.days_later),
                (m.tier.as_str(), m.days_later)
            );
            assert_eq!(d.base.nodes.join(";"), m.from);
        }
    }
    assert!(movers.windows(2).all(|w| w[0].orders >= w[1].orders));
    assert_eq!(
        scenario::biggest_movers(&result.orders_diff, 3).len(),
        3.min(movers.len())
    );
}
