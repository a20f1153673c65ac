//! The scenario edits that add a node, move stock, hold and release orders and set fixed
//! costs, and per-variant solver options: each on the sample wave, each with its
//! path-addressed problems, and each planned so the edit shows in the plan.

mod common;

use std::sync::atomic::AtomicBool;

use waveopt::format::{Engine, NodeKind, OrderStatus, Wave};
use waveopt::scenario::{self, Scenario, Variant};
use waveopt::Error;

fn sample() -> Wave {
    common::load_wave("sample/wave.json")
}

/// One variant from TOML: `edits = [...]` plus optional extra lines (e.g. an options table).
fn variant(edits_toml: &str) -> Variant {
    let text =
        format!("base = \"wave.json\"\n[[variants]]\nname = \"v\"\nedits = [\n{edits_toml}\n]\n");
    let file = scenario::parse(&text).unwrap_or_else(|e| panic!("{e}: {:?}", e.details()));
    file.variants.into_iter().next().unwrap()
}

fn edited(edits_toml: &str) -> Wave {
    scenario::apply(&sample(), &variant(edits_toml))
        .unwrap_or_else(|e| panic!("{e}: {:#?}", e.details()))
}

fn problems(edits_toml: &str) -> Vec<(String, String)> {
    match scenario::apply(&sample(), &variant(edits_toml)) {
        Ok(_) => panic!("expected problems for {edits_toml}"),
        Err(e) => e.details().into_iter().map(|p| (p.path, p.code)).collect(),
    }
}

fn pair(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

fn on_hand(wave: &Wave, node: &str, sku: &str) -> Option<i64> {
    wave.inventory
        .iter()
        .find(|r| r.node == node && r.sku == sku)
        .map(|r| r.on_hand)
}

fn plan(wave: &Wave) -> waveopt::format::Plan {
    let mut options = wave.options.clone();
    options.engine = Engine::Greedy;
    let plan = waveopt::plan(wave, &options).expect("plans");
    assert!(waveopt::checker::check(wave, &plan).is_empty());
    plan
}

#[test]
fn add_node_puts_a_stocked_node_on_the_map_and_it_ships() {
    let wave = edited(
        r#"{ op = "add_node", node = "3PL-PHX", lat = 33.45, lon = -112.07, processing_days = 1, fixed_cost = 20.0, units = 40, stock = { "MON-27" = 30, "CHAIR-ERGO" = 10 } }"#,
    );
    let node = wave
        .nodes
        .iter()
        .find(|n| n.id == "3PL-PHX")
        .expect("added");
    assert_eq!(node.kind, NodeKind::ThirdParty, "kind defaults to 3pl");
    assert_eq!(node.capacity.units, Some(40));
    assert_eq!(node.capacity.shipments, None);
    assert_eq!(node.fixed_cost, 20.0);
    assert_eq!(on_hand(&wave, "3PL-PHX", "MON-27"), Some(30));
    assert_eq!(on_hand(&wave, "3PL-PHX", "CHAIR-ERGO"), Some(10));
    let shipped_from_new: i64 = plan(&wave)
        .orders
        .iter()
        .flat_map(|o| &o.shipments)
        .filter(|s| s.node == "3PL-PHX")
        .map(|s| s.lines.iter().map(|l| l.qty).sum::<i64>())
        .sum();
    // The sample is short of chairs and monitors: the new node's stock is used.
    assert!(shipped_from_new > 0);
}

#[test]
fn add_node_problems_point_at_the_edit() {
    let found = problems(
        r#"{ op = "add_node", node = "DC-EAST", lat = 1.0, lon = 2.0 },
           { op = "add_node", node = "N2", lat = 1.0, lon = 2.0, stock = { "NO-SUCH" = 3 } }"#,
    );
    assert!(
        found.contains(&pair("/edits/0/node", "duplicate_id")),
        "{found:?}"
    );
    assert!(
        found.contains(&pair("/edits/1/stock/NO-SUCH", "unknown_reference")),
        "{found:?}"
    );
    // Numbers are the wave validation's, on the added node and its stock.
    let found = problems(
        r#"{ op = "add_node", node = "N3", lat = 95.0, lon = 2.0, stock = { "KB-WL" = -3 } }"#,
    );
    let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    assert!(paths.contains(&"/wave/nodes/5/location/lat"), "{found:?}");
    assert!(
        paths.iter().any(|p| p.starts_with("/wave/inventory/")),
        "{found:?}"
    );
}

#[test]
fn transfer_stock_moves_units_and_creates_the_target_record() {
    let base = sample();
    let wave = edited(
        r#"{ op = "transfer_stock", sku = "MON-27", from = "DC-EAST", to = "DC-WEST", qty = 10 },
           { op = "transfer_stock", sku = "DOCK-USB", from = "DC-EAST", to = "3PL-DFW", qty = 4 }"#,
    );
    assert_eq!(
        on_hand(&wave, "DC-EAST", "MON-27"),
        on_hand(&base, "DC-EAST", "MON-27").map(|u| u - 10)
    );
    assert_eq!(
        on_hand(&wave, "DC-WEST", "MON-27"),
        on_hand(&base, "DC-WEST", "MON-27").map(|u| u + 10)
    );
    assert_eq!(on_hand(&base, "3PL-DFW", "DOCK-USB"), None);
    assert_eq!(on_hand(&wave, "3PL-DFW", "DOCK-USB"), Some(4));
    let total = |w: &Wave| w.inventory.iter().map(|r| r.on_hand).sum::<i64>();
    assert_eq!(
        total(&wave),
        total(&base),
        "a transfer moves units, it makes none"
    );
}

#[test]
fn transfer_stock_cannot_move_safety_stock_or_what_is_not_there() {
    // DC-EAST holds 7 chairs with a safety stock of 1: 6 are available.
    let found = problems(
        r#"{ op = "transfer_stock", sku = "CHAIR-ERGO", from = "DC-EAST", to = "DC-WEST", qty = 7 },
           { op = "transfer_stock", sku = "LAMP-LED", from = "DC-EAST", to = "DC-WEST", qty = 1 },
           { op = "transfer_stock", sku = "KB-WL", from = "DC-NORTH", to = "DC-EAST", qty = 1 },
           { op = "transfer_stock", sku = "KB-WL", from = "DC-EAST", to = "DC-EAST", qty = 0 }"#,
    );
    assert_eq!(
        found,
        vec![
            pair("/edits/0/qty", "insufficient_stock"),
            pair("/edits/1/sku", "unknown_reference"),
            pair("/edits/2/from", "unknown_reference"),
            pair("/edits/3/to", "same_node"),
            pair("/edits/3/qty", "not_positive"),
        ]
    );
    let six = edited(
        r#"{ op = "transfer_stock", sku = "CHAIR-ERGO", from = "DC-EAST", to = "DC-WEST", qty = 6 }"#,
    );
    assert_eq!(on_hand(&six, "DC-EAST", "CHAIR-ERGO"), Some(1));
}

#[test]
fn hold_by_customer_channel_or_order_and_the_plan_reports_it_held() {
    let wave = edited(r#"{ op = "hold", customer = "ACME", reason = "credit review" }"#);
    let held: Vec<&str> = wave
        .orders
        .iter()
        .filter(|o| o.hold.is_some())
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(held, ["SO-1001", "SO-1012", "SO-1018"]);
    let acme = wave.orders.iter().find(|o| o.id == "SO-1001").unwrap();
    assert_eq!(acme.hold.as_deref(), Some("credit review"));
    let planned = plan(&wave);
    let status = |id: &str| planned.orders.iter().find(|o| o.id == id).unwrap().status;
    assert_eq!(status("SO-1018"), OrderStatus::Held);

    let by_channel = edited(r#"{ op = "hold", channel = "web" }"#);
    assert!(by_channel
        .orders
        .iter()
        .filter(|o| o.channel == "web")
        .all(|o| o.hold.as_deref() == Some("scenario")));
    // Both filters must match: ACME orders on EDI only.
    let both = edited(r#"{ op = "hold", customer = "ACME", channel = "edi", reason = "x" }"#);
    assert_eq!(
        both.orders
            .iter()
            .filter(|o| o.hold.as_deref() == Some("x"))
            .count(),
        2
    );
}

#[test]
fn release_clears_holds_and_the_order_ships() {
    let wave = edited(r#"{ op = "release", order = "SO-1012" }"#);
    assert!(wave.orders.iter().all(|o| o.hold.is_none()));
    let planned = plan(&wave);
    let order = planned.orders.iter().find(|o| o.id == "SO-1012").unwrap();
    assert_ne!(order.status, OrderStatus::Held);
    assert!(!order.shipments.is_empty());
}

#[test]
fn hold_and_release_problems_point_at_the_edit() {
    let found = problems(
        r#"{ op = "hold" },
           { op = "hold", customer = "NOBODY" },
           { op = "release", channel = "edi" },
           { op = "hold", order = "SO-1001", reason = "" }"#,
    );
    assert_eq!(
        found,
        vec![
            pair("/edits/0", "empty_edit"),
            pair("/edits/1/customer", "unknown_reference"),
            pair("/edits/2", "matches_nothing"),
            pair("/edits/3/reason", "empty_string"),
        ]
    );
}

#[test]
fn set_fixed_cost_by_node_kind_or_everywhere() {
    let wave = edited(r#"{ op = "set_fixed_cost", node = "DS-ATL", fixed_cost = 0.0 }"#);
    let fixed = |w: &Wave, id: &str| w.nodes.iter().find(|n| n.id == id).unwrap().fixed_cost;
    assert_eq!(fixed(&wave, "DS-ATL"), 0.0);
    assert_eq!(fixed(&wave, "3PL-DFW"), 35.0);
    let warehouses = edited(r#"{ op = "set_fixed_cost", kind = "warehouse", fixed_cost = 90.0 }"#);
    assert_eq!(fixed(&warehouses, "DC-EAST"), 90.0);
    assert_eq!(fixed(&warehouses, "DC-WEST"), 90.0);
    assert_eq!(fixed(&warehouses, "DS-ATL"), 60.0);
    let all = edited(r#"{ op = "set_fixed_cost", fixed_cost = 5.0 }"#);
    assert!(all.nodes.iter().all(|n| n.fixed_cost == 5.0));
    assert!(plan(&all).objective.fixed > 0.0);

    let found = problems(
        r#"{ op = "set_fixed_cost", node = "DC-NORTH", fixed_cost = -1.0 },
           { op = "set_fixed_cost", node = "DC-EAST", kind = "store", fixed_cost = 1.0 }"#,
    );
    assert_eq!(
        found,
        vec![
            pair("/edits/0/fixed_cost", "invalid_amount"),
            pair("/edits/0/node", "unknown_reference"),
            pair("/edits/1", "matches_nothing"),
        ]
    );
}

#[test]
fn unknown_fields_of_the_new_edits_are_shape_errors() {
    let text = "base = \"w.json\"\n[[variants]]\nname = \"v\"\nedits = [\n{ op = \"hold\", custmer = \"ACME\" }\n]\n";
    match scenario::parse(text) {
        Err(Error::Invalid(problems)) => {
            assert_eq!(problems[0].code, "unknown_field", "{problems:?}");
            assert!(
                problems[0].path.starts_with("/variants/0/edits/0"),
                "{problems:?}"
            );
        }
        other => panic!("expected a shape error, got {other:?}"),
    }
}

fn three_engines() -> Scenario {
    let text = r#"
base = "wave.json"
[options]
engine = "mip"
time_limit_ms = 4000

[[variants]]
name = "greedy"
options = { engine = "greedy" }
edits = [{ op = "close_node", node = "DC-EAST" }]

[[variants]]
name = "mip 2s"
options = { time_limit_ms = 2000, mip_gap = 0.01 }
edits = [{ op = "close_node", node = "DC-EAST" }]

[[variants]]
name = "naive"
options = { engine = "naive" }
edits = [{ op = "close_node", node = "DC-EAST" }]
"#;
    let file = scenario::parse(text).unwrap_or_else(|e| panic!("{e}: {:?}", e.details()));
    Scenario {
        name: "engines".into(),
        description: None,
        base: sample(),
        options: file.options,
        variants: file.variants,
    }
}

#[test]
fn per_variant_options_override_the_scenarios_for_that_variant_only() {
    let cases = scenario::prepare(&three_engines()).expect("prepares");
    let options: Vec<(&str, Engine, i64, f64)> = cases
        .iter()
        .map(|c| {
            let o = &c.wave.options;
            (c.name.as_str(), o.engine, o.time_limit_ms, o.mip_gap)
        })
        .collect();
    let default_gap = sample().options.mip_gap;
    assert_eq!(
        options,
        vec![
            ("base", Engine::Mip, 4000, default_gap),
            ("greedy", Engine::Greedy, 4000, default_gap),
            ("mip 2s", Engine::Mip, 2000, 0.01),
            ("naive", Engine::Naive, 4000, default_gap),
        ]
    );
    assert!(cases.iter().all(|c| c.wave.options.threads == Some(1)));
    let result = scenario::run(&three_engines(), &|_| {}, &AtomicBool::new(false)).expect("runs");
    let engines: Vec<&str> = result
        .comparison
        .variants
        .iter()
        .map(|v| v.engine.as_str())
        .collect();
    assert_eq!(engines, ["mip", "greedy", "mip", "naive"]);
    let solved_by: Vec<&str> = result
        .runs
        .iter()
        .map(|r| r.plan.solver.engine.as_str())
        .collect();
    assert_eq!(solved_by[1], "greedy");
    assert_ne!(solved_by[0], "greedy");
}

#[test]
fn a_bad_variant_option_is_reported_at_the_variant() {
    let mut s = three_engines();
    s.variants[1].options.time_limit_ms = Some(-5);
    s.variants[2].options.mip_gap = Some(f64::NAN);
    let found: Vec<(String, String)> = match scenario::prepare(&s) {
        Err(e) => e.details().into_iter().map(|p| (p.path, p.code)).collect(),
        Ok(_) => panic!("expected problems"),
    };
    assert!(
        found
            .iter()
            .any(|(p, _)| p == "/variants/1/options/time_limit_ms"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(p, _)| p == "/variants/2/options/mip_gap"),
        "{found:?}"
    );
}
