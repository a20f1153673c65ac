//! Scenario files from anywhere never crash waveopt: arbitrary text gives a parse error, and
//! random edits (real and unknown names, negative, huge and non-finite factors, odd limits and
//! dates) applied to the sample wave give either a wave that passes validation or problems
//! with JSON-pointer paths and codes. A bounded stand-in for a scenario fuzz target.

mod common;

use proptest::prelude::*;
use waveopt::model::Model;
use waveopt::Error;

const NODES: &[&str] = &["DC-EAST", "DC-WEST", "3PL-DFW", "NOWHERE", ""];
const SKUS: &[&str] = &["CHAIR-ERGO", "MON-27", "GHOST-SKU"];
const CHANNELS: &[&str] = &["edi", "web", "fax"];
const TIERS: &[&str] = &["strategic", "key", "standard", "platinum"];
const METHODS: &[&str] = &["ground", "express", "teleport"];
const NUMBERS: &[&str] = &[
    "0", "1", "1.3", "0.5", "-1", "1e308", "nan", "inf", "-inf", "2", "1000000",
];
const DAYS: &[&str] = &["0", "1", "-3", "400", "-100000", "2147483647"];

fn pick<'a>(list: &'a [&'a str], i: usize) -> &'a str {
    list[i % list.len()]
}

/// One edit as an inline TOML table, chosen and filled by `seeds`.
fn edit(seeds: &[usize; 4]) -> String {
    let [kind, a, b, c] = *seeds;
    let node = pick(NODES, a);
    let sku = pick(SKUS, b);
    let number = pick(NUMBERS, c);
    match kind % 13 {
        0 => format!(r#"{{ op = "close_node", node = "{node}" }}"#),
        1 => format!(r#"{{ op = "open_node", node = "{node}" }}"#),
        2 => format!(r#"{{ op = "scale_inventory", factor = {number}, sku = "{sku}" }}"#),
        3 => format!(
            r#"{{ op = "scale_demand", factor = {number}, channel = "{}" }}"#,
            pick(CHANNELS, a)
        ),
        4 => format!(
            r#"{{ op = "scale_demand", factor = {number}, tier = "{}" }}"#,
            pick(TIERS, b)
        ),
        5 => format!(r#"{{ op = "set_capacity", node = "{node}", units = {number} }}"#),
        6 => format!(
            r#"{{ op = "add_reservation", channel = "{}", sku = "{sku}", qty = {number} }}"#,
            pick(CHANNELS, a)
        ),
        7 => format!(r#"{{ op = "remove_reservations", sku = "{sku}" }}"#),
        8 => format!(r#"{{ op = "scale_reservations", factor = {number} }}"#),
        9 => format!(
            r#"{{ op = "set_policy", tier_order = ["{}", "{}", "{}"] }}"#,
            pick(TIERS, a),
            pick(TIERS, b),
            pick(TIERS, c)
        ),
        10 => format!(
            r#"{{ op = "scale_ship_costs", factor = {number}, method = "{}" }}"#,
            pick(METHODS, a)
        ),
        11 => format!(r#"{{ op = "shift_as_of", days = {} }}"#, pick(DAYS, c)),
        _ => format!(
            r#"{{ op = "shift_due_dates", days = {}, tier = "{}" }}"#,
            pick(DAYS, a),
            pick(TIERS, b)
        ),
    }
}

fn assert_problems_are_addressed(e: &Error) {
    for p in e.details() {
        assert!(p.path.is_empty() || p.path.starts_with('/'), "{p:?}");
        assert!(!p.code.is_empty(), "{p:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_crashes_the_scenario_parser(text in "\\PC{0,400}") {
        if let Err(e) = waveopt::scenario::parse(&text) {
            assert_problems_are_addressed(&e);
        }
    }

    #[test]
    fn random_edits_give_a_valid_wave_or_addressed_problems(
        variants in prop::collection::vec(
            prop::collection::vec(any::<[usize; 4]>(), 1..5), 1..4),
    ) {
        let base = common::load_wave("sample/wave.json");
        let mut toml = String::from("base = \"../sample/wave.json\"\n");
        for (i, edits) in variants.iter().enumerate() {
            let edits: Vec<String> = edits.iter().map(edit).collect();
            toml.push_str(&format!(
                "\n[[variants]]\nname = \"v{i}\"\nedits = [\n  {}\n]\n",
                edits.join(",\n  ")
            ));
        }
        let file = match waveopt::scenario::parse(&toml) {
            Ok(file) => file,
            Err(e) => {
                assert_problems_are_addressed(&e);
                return Ok(());
            }
        };
        for variant in &file.variants {
            match waveopt::scenario::apply(&base, variant) {
                Ok(wave) => prop_assert!(Model::from_wave(&wave).is_ok(), "{toml}"),
                Err(e) => assert_problems_are_addressed(&e),
            }
        }
    }
}

/// The generator reaches both outcomes: some random variants apply cleanly, others are refused.
#[test]
fn the_edit_generator_exercises_both_outcomes() {
    let base = common::load_wave("sample/wave.json");
    let mut applied = 0;
    let mut refused = 0;
    for kind in 0..13 {
        for a in 0..3 {
            let toml = format!(
                "base = \"x\"\n[[variants]]\nname = \"v\"\nedits = [ {} ]\n",
                edit(&[kind, a, a, a])
            );
            let Ok(file) = waveopt::scenario::parse(&toml) else {
                continue;
            };
            match waveopt::scenario::apply(&base, &file.variants[0]) {
                Ok(_) => applied += 1,
                Err(_) => refused += 1,
            }
        }
    }
    assert!(
        applied >= 10 && refused >= 5,
        "applied {applied}, refused {refused}"
    );
}
