//! Every feature fixture in `datasets/features/` is a valid wave that builds a model.
//!
//! The fixtures are tiny hand-built waves, one rule of SPEC.md each, whose optimal plans are
//! written out in `datasets/features/README.md` and, machine-readably, in `expected.json`. These
//! tests only guard the inputs: they parse, they pass validation, the model builds, and the
//! expectations name exactly the fixtures and orders that exist.

mod common;

use std::collections::BTreeSet;

use common::{dataset_path, load_wave};
use waveopt::model::Model;

const SUFFIX: &str = ".wave.json";

/// Names (`<feature>.<variant>`) of every fixture file, sorted.
fn fixture_names() -> Vec<String> {
    let dir = dataset_path("features");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|file| file.strip_suffix(SUFFIX).map(str::to_string))
        .collect();
    names.sort();
    names
}

fn expected() -> serde_json::Value {
    let path = dataset_path("features/expected.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn there_are_fixtures_and_every_name_reads_feature_dot_variant() {
    let names = fixture_names();
    assert!(names.len() >= 20, "only {} fixtures", names.len());
    for name in &names {
        let parts: Vec<&str> = name.split('.').collect();
        assert_eq!(parts.len(), 2, "{name}: expected <feature>.<variant>");
        assert!(parts.iter().all(|p| !p.is_empty()), "{name}");
    }
}

#[test]
fn every_fixture_parses_validates_and_builds_a_model() {
    for name in fixture_names() {
        let wave = load_wave(&format!("features/{name}{SUFFIX}"));
        assert_eq!(wave.wave_id, format!("features/{name}"));
        assert_eq!(wave.as_of, "2026-11-26T10:00:00Z", "{name}");
        assert!(
            (1..=4).contains(&wave.orders.len()) && (1..=3).contains(&wave.nodes.len()),
            "{name}: fixtures stay tiny"
        );
        let problems = waveopt::validation::validate(&wave);
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        if let Err(e) = Model::from_wave(&wave) {
            panic!("{name}: {e}: {:#?}", e.details());
        }
    }
}

#[test]
fn expected_json_covers_exactly_the_fixtures_and_their_orders() {
    let expected = expected();
    let expected = expected
        .as_object()
        .expect("an object keyed by fixture name");
    let listed: BTreeSet<&str> = expected.keys().map(String::as_str).collect();
    let names = fixture_names();
    let present: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(listed, present);
    for name in &names {
        let wave = load_wave(&format!("features/{name}{SUFFIX}"));
        let orders = expected[name]["orders"].as_object().unwrap();
        let ids: BTreeSet<&str> = wave.orders.iter().map(|o| o.id.as_str()).collect();
        let keys: BTreeSet<&str> = orders.keys().map(String::as_str).collect();
        assert_eq!(ids, keys, "{name}: every order has an expected outcome");
        for order in &wave.orders {
            let outcome = &orders[&order.id];
            let mut units = 0;
            for shipment in outcome["shipments"].as_array().unwrap() {
                let node = shipment["node"].as_str().unwrap();
                assert!(wave.nodes.iter().any(|n| n.id == node), "{name}: {node}");
                for line in shipment["lines"].as_array().unwrap() {
                    units += line["qty"].as_i64().unwrap();
                }
            }
            for line in outcome["unfilled"].as_array().unwrap() {
                units += line["qty"].as_i64().unwrap();
            }
            let demand: i64 = order.lines.iter().map(|l| l.qty).sum();
            assert_eq!(
                units, demand,
                "{name}/{}: every unit accounted for",
                order.id
            );
        }
    }
}
