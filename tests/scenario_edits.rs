//! Scenario files: parsing (TOML and JSON), every edit kind on the sample wave, and errors for
//! names the wave does not have, with the variant and the edit's path.

mod common;

use waveopt::format::{Allocation, SlaMode, Wave};
use waveopt::scenario::{self, Edit, Scenario, Variant};
use waveopt::Error;

fn sample() -> Wave {
    common::load_wave("sample/wave.json")
}

/// Parses one variant's edits from TOML (an inline `edits = [...]` array).
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

fn problems(result: Result<Wave, Error>) -> Vec<(String, String)> {
    match result {
        Ok(_) => panic!("expected problems"),
        Err(e) => e.details().into_iter().map(|p| (p.path, p.code)).collect(),
    }
}

fn on_hand(wave: &Wave, node: &str, sku: &str) -> i64 {
    wave.inventory
        .iter()
        .find(|r| r.node == node && r.sku == sku)
        .map_or(-1, |r| r.on_hand)
}

fn units(wave: &Wave, channel: Option<&str>) -> i64 {
    wave.orders
        .iter()
        .filter(|o| channel.is_none_or(|c| o.channel == c))
        .flat_map(|o| &o.lines)
        .map(|l| l.qty)
        .sum()
}

#[test]
fn every_example_scenario_parses() {
    for name in [
        "sample-stock-count",
        "sample-edi-reservations",
        "s-demand-surge",
        "s-close-dc",
    ] {
        let path = common::dataset_path(&format!("scenarios/{name}.toml"));
        let loaded = scenario::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!loaded.variants.is_empty(), "{name}");
        scenario::prepare(&loaded).unwrap_or_else(|e| panic!("{name}: {:#?}", e.details()));
    }
}

#[test]
fn toml_tables_and_inline_edits_give_the_same_variant() {
    let inline = variant(r#"{ op = "close_node", node = "DC-EAST" }"#);
    let tables = scenario::parse(
        "base = \"w.json\"\n[[variants]]\nname = \"v\"\n[[variants.edits]]\nop = \"close_node\"\nnode = \"DC-EAST\"\n",
    )
    .unwrap();
    assert_eq!(tables.variants[0], inline);
    assert_eq!(
        inline.edits[0],
        Edit::CloseNode {
            node: "DC-EAST".into()
        }
    );
}

#[test]
fn the_json_body_form_carries_the_wave_inline() {
    let wave_text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    let body = format!(
        r#"{{"name": "json", "base": {wave_text}, "options": {{"engine": "greedy"}},
            "variants": [{{"name": "surge", "edits": [{{"op": "scale_demand", "factor": 1.3}}]}}]}}"#
    );
    let parsed: Scenario = scenario::parse_json(&body).unwrap();
    assert_eq!(parsed.base, sample());
    assert_eq!(
        parsed.variants[0].edits[0],
        Edit::ScaleDemand {
            factor: 1.3,
            channel: None,
            tier: None
        }
    );
}

#[test]
fn shape_errors_point_into_the_file() {
    let unknown_op = scenario::parse(
        "base = \"w.json\"\n[[variants]]\nname = \"v\"\nedits = [{ op = \"teleport\" }]\n",
    )
    .unwrap_err();
    let details = unknown_op.details();
    assert_eq!(details[0].path, "/variants/0/edits/0/op", "{details:?}");
    assert_eq!(details[0].code, "unknown_variant");

    let unknown_field = scenario::parse(
        "base = \"w.json\"\n[[variants]]\nname = \"v\"\nedits = [{ op = \"close_node\", node = \"A\", when = 1 }]\n",
    )
    .unwrap_err();
    assert!(
        unknown_field.details()[0].message.contains("unknown field"),
        "{:?}",
        unknown_field.details()
    );

    match scenario::parse("base = \"w.json\"\n[[variants]\n") {
        Err(Error::Malformed { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn close_and_open_nodes() {
    let closed = edited(r#"{ op = "close_node", node = "DC-EAST" }"#);
    assert!(!closed.nodes[0].active);
    let reopened = edited(
        r#"{ op = "close_node", node = "DC-EAST" }, { op = "open_node", node = "DC-EAST" }"#,
    );
    assert!(reopened.nodes[0].active);
}

#[test]
fn scale_inventory_by_node_sku_and_kind() {
    let base = sample();
    let by_node = edited(r#"{ op = "scale_inventory", node = "DC-EAST", factor = 0.5 }"#);
    assert_eq!(
        on_hand(&by_node, "DC-EAST", "CHAIR-ERGO"),
        4,
        "7 × 0.5 rounds half up"
    );
    assert_eq!(on_hand(&by_node, "DC-EAST", "DESK-STAND"), 10);
    assert_eq!(
        on_hand(&by_node, "DC-WEST", "DESK-STAND"),
        10,
        "other nodes kept"
    );
    let by_sku = edited(r#"{ op = "scale_inventory", sku = "MON-27", factor = 2 }"#);
    assert_eq!(on_hand(&by_sku, "DC-EAST", "MON-27"), 60);
    assert_eq!(on_hand(&by_sku, "STORE-CHI", "MON-27"), 14);
    assert_eq!(on_hand(&by_sku, "DC-EAST", "KB-WL"), 40);
    let by_kind = edited(r#"{ op = "scale_inventory", kind = "warehouse", factor = 0 }"#);
    assert_eq!(on_hand(&by_kind, "DC-WEST", "MON-27"), 0);
    assert_eq!(
        on_hand(&by_kind, "3PL-DFW", "MON-27"),
        on_hand(&base, "3PL-DFW", "MON-27")
    );
    let all = edited(r#"{ op = "scale_inventory", factor = 1.5 }"#);
    assert_eq!(on_hand(&all, "DS-ATL", "LAMP-LED"), 75);
}

#[test]
fn scale_demand_keeps_the_scaled_total_and_integer_quantities() {
    let base = sample();
    let total = units(&base, None);
    let surge = edited(r#"{ op = "scale_demand", factor = 1.3 }"#);
    assert_eq!(units(&surge, None), (total as f64 * 1.3).round() as i64);
    assert!(surge
        .orders
        .iter()
        .flat_map(|o| &o.lines)
        .all(|l| l.qty >= 1));

    let web = edited(r#"{ op = "scale_demand", channel = "web", factor = 2 }"#);
    assert_eq!(units(&web, Some("web")), 2 * units(&base, Some("web")));
    assert_eq!(units(&web, Some("edi")), units(&base, Some("edi")));

    let strategic = edited(r#"{ op = "scale_demand", tier = "strategic", factor = 0.5 }"#);
    let strategic_units = |w: &Wave| -> i64 {
        w.orders
            .iter()
            .filter(|o| o.tier.as_deref() == Some("strategic"))
            .flat_map(|o| &o.lines)
            .map(|l| l.qty)
            .sum()
    };
    assert_eq!(
        strategic_units(&strategic),
        13,
        "25 × 0.5 = 12.5 rounds to 13"
    );

    let no_web = edited(r#"{ op = "scale_demand", channel = "web", factor = 0 }"#);
    assert!(no_web.orders.iter().all(|o| o.channel != "web"));
    assert_eq!(
        no_web.orders.len(),
        14,
        "orders left without lines are dropped"
    );
}

#[test]
fn set_capacity_with_numbers_and_unlimited() {
    let wave =
        edited(r#"{ op = "set_capacity", node = "DC-WEST", shipments = "unlimited", units = 50 }"#);
    let node = &wave.nodes[1];
    assert_eq!(node.capacity.shipments, None);
    assert_eq!(node.capacity.units, Some(50));
}

#[test]
fn reservations_are_added_removed_and_scaled() {
    let added = edited(
        r#"{ op = "add_reservation", channel = "edi", sku = "MON-27", node = "DC-EAST", qty = 8 }"#,
    );
    assert_eq!(added.reservations.len(), 2);
    assert_eq!(added.reservations[1].qty, Some(8));
    let removed = edited(r#"{ op = "remove_reservations", channel = "edi" }"#);
    assert!(removed.reservations.is_empty());
    let scaled = edited(r#"{ op = "scale_reservations", factor = 2 }"#);
    assert_eq!(scaled.reservations[0].qty, Some(12));
    let shared = edited(
        r#"{ op = "add_reservation", channel = "web", sku = "KB-WL", share = 0.6 },
           { op = "scale_reservations", channel = "web", factor = 2 }"#,
    );
    assert_eq!(shared.reservations[1].share, Some(1.0), "shares cap at 1");
}

#[test]
fn set_policy_changes_tiers_modes_and_penalties() {
    let wave = edited(
        // TOML 1.0 inline tables stay on one line; longer edits read better as
        // [[variants.edits]] tables (see docs/scenarios.md).
        r#"{ op = "set_policy", tier_order = ["standard", "key", "strategic"], allocation = "weighted", sla = "hard", late_penalty_per_day = 50.0, split_penalty = 0.0, unfilled_penalty = { key = 1.0 }, max_shipments_per_order = 2 }"#,
    );
    let p = &wave.policy;
    let names: Vec<&str> = p.tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["standard", "key", "strategic"]);
    assert_eq!(p.allocation, Allocation::Weighted);
    assert_eq!(p.sla, SlaMode::Hard);
    assert_eq!(p.late_penalty_per_day, 50.0);
    assert_eq!(p.split_penalty, 0.0);
    assert_eq!(p.tiers[1].unfilled_penalty, Some(1.0));
    assert_eq!(p.tiers[2].unfilled_penalty, Some(500.0), "others kept");
    assert_eq!(p.max_shipments_per_order, Some(2));
}

#[test]
fn ship_method_costs_are_scaled_and_set() {
    let scaled = edited(r#"{ op = "scale_ship_costs", method = "express", factor = 2 }"#);
    assert_eq!(scaled.ship_methods[1].base_cost, 29.0);
    assert_eq!(scaled.ship_methods[1].per_unit, 1.7);
    assert_eq!(
        scaled.ship_methods[0],
        sample().ship_methods[0],
        "ground kept"
    );
    let set =
        edited(r#"{ op = "set_ship_method", method = "ground", base_cost = 5.0, min_days = 2 }"#);
    assert_eq!(set.ship_methods[0].base_cost, 5.0);
    assert_eq!(set.ship_methods[0].min_days, 2);
    assert_eq!(set.ship_methods[0].per_unit, 0.423);
}

#[test]
fn as_of_and_due_dates_shift_by_days() {
    let wave = edited(
        r#"{ op = "shift_as_of", days = 1 }, { op = "shift_due_dates", channel = "edi", days = -1 }"#,
    );
    assert_eq!(wave.as_of, "2026-11-27T10:00:00Z");
    assert_eq!(wave.orders[0].due_by.as_deref(), Some("2026-11-27"));
    assert_eq!(
        wave.orders[1].due_by.as_deref(),
        Some("2026-11-29"),
        "b2b kept"
    );
}

#[test]
fn missing_names_are_all_reported_with_variant_and_path() {
    let result = scenario::apply(
        &sample(),
        &variant(
            r#"{ op = "close_node", node = "DC-NOWHERE" },
               { op = "scale_inventory", sku = "NOPE", factor = 2 },
               { op = "scale_demand", channel = "fax", factor = 2 },
               { op = "set_policy", tier_order = ["strategic", "key"] },
               { op = "scale_ship_costs", method = "drone", factor = 2 },
               { op = "remove_reservations", channel = "web" },
               { op = "set_capacity", node = "DC-WEST", units = "lots" }"#,
        ),
    );
    let err = result.unwrap_err();
    assert!(err
        .details()
        .iter()
        .all(|p| p.message.starts_with("variant \"v\"")));
    assert_eq!(
        problems(Err(err)),
        [
            ("/edits/0/node", "unknown_reference"),
            ("/edits/1/sku", "unknown_reference"),
            ("/edits/2/channel", "unknown_reference"),
            ("/edits/3/tier_order", "missing_tier"),
            ("/edits/4/method", "unknown_reference"),
            ("/edits/5", "matches_nothing"),
            ("/edits/6/units", "invalid_limit"),
        ]
        .map(|(p, c)| (p.to_string(), c.to_string()))
    );
}

#[test]
fn scenario_problems_carry_the_variant_index() {
    let mut loaded =
        scenario::load(&common::dataset_path("scenarios/sample-stock-count.toml")).unwrap();
    loaded.variants[1].edits.push(Edit::CloseNode {
        node: "DC-MOON".into(),
    });
    loaded.variants[2].edits.push(Edit::ScaleDemand {
        factor: 1.0,
        channel: None,
        tier: Some("platinum".into()),
    });
    loaded.variants.push(Variant {
        name: "base".into(),
        description: None,
        options: Default::default(),
        edits: vec![],
    });
    let details = scenario::prepare(&loaded).unwrap_err().details();
    let paths: Vec<&str> = details.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/variants/3/name",
            "/variants/1/edits/3/node",
            "/variants/2/edits/1/tier"
        ],
        "{details:#?}"
    );
    assert!(details[1].message.contains("DC-EAST closed + express"));
}

#[test]
fn an_edited_wave_must_still_validate() {
    let err = scenario::apply(
        &sample(),
        &variant(r#"{ op = "set_policy", late_penalty_per_day = -1.0 }"#),
    )
    .unwrap_err();
    let details = err.details();
    assert_eq!(details[0].path, "/wave/policy/late_penalty_per_day");
    assert!(details[0].message.contains("variant \"v\""));
}

#[test]
fn a_csv_folder_works_as_the_base() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scenario-csv-base");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("csv-base.toml");
    let base = common::dataset_path("sample/csv");
    std::fs::write(
        &file,
        format!(
            "base = {:?}\n[[variants]]\nname = \"closed\"\nedits = [{{ op = \"close_node\", node = \"DC-WEST\" }}]\n",
            base.display().to_string()
        ),
    )
    .unwrap();
    let loaded = scenario::load(&file).unwrap_or_else(|e| panic!("{e}: {:?}", e.details()));
    assert_eq!(
        loaded.name, "csv-base",
        "the name defaults to the file stem"
    );
    assert_eq!(loaded.base.orders.len(), sample().orders.len());
    let cases = scenario::prepare(&loaded).unwrap();
    assert_eq!(cases.len(), 2);
    assert!(!cases[1].wave.nodes[1].active);
}
