//! Helpers shared by the integration tests: named fixtures from `datasets/`.
#![allow(dead_code)]

use std::path::PathBuf;

use waveopt::format::Wave;

/// Path of a file under the repository's `datasets/` folder.
pub fn dataset_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("datasets")
        .join(relative)
}

/// Loads a named wave from `datasets/` (a JSON file or a CSV folder), panicking with the error.
pub fn load_wave(relative: &str) -> Wave {
    let path = dataset_path(relative);
    waveopt::io::load_wave(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every feature fixture (`datasets/features/*.wave.json`), in file-name order.
pub fn feature_waves() -> Vec<Wave> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dataset_path("features"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".wave.json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| wave_from_json(&std::fs::read_to_string(p).unwrap()))
        .collect()
}

/// Parses a wave from inline JSON, panicking with the error.
pub fn wave_from_json(text: &str) -> Wave {
    waveopt::format::parse_wave(text).unwrap_or_else(|e| panic!("{e}: {:?}", e.details()))
}

use waveopt::format::{Engine, Plan};

/// Plans a wave with the given engine and runs the plan through the independent checker,
/// panicking with every violation. Every solver test goes through here.
pub fn plan_checked(wave: &Wave, engine: Engine) -> Plan {
    let mut options = wave.options.clone();
    options.engine = engine;
    let plan = waveopt::plan(wave, &options)
        .unwrap_or_else(|e| panic!("plan failed: {e}: {:?}", e.details()));
    let violations = waveopt::checker::check(wave, &plan);
    assert!(
        violations.is_empty(),
        "{} plan of {} fails the checker:\n{:#?}",
        engine.as_str(),
        wave.wave_id,
        violations
    );
    plan
}

/// Units filled per tier, in policy order.
pub fn tier_fills(wave: &Wave, plan: &Plan) -> Vec<i64> {
    wave.policy
        .tiers
        .iter()
        .map(|t| {
            plan.kpis
                .by_tier
                .get(&t.name)
                .map_or(0, |g| g.units_allocated)
        })
        .collect()
}

/// A solver's raw allocation assembled into a full plan and run through the checker, panicking
/// with every violation: for tests of the solver's parts (search, polish) below `plan`.
pub fn assert_allocation_checked(
    wave: &Wave,
    model: &waveopt::model::Model,
    allocation: waveopt::solver::Allocation,
) {
    let outcome = waveopt::solver::SolveOutcome {
        allocation,
        status: waveopt::format::PlanStatus::Feasible,
        bound: 0.0,
        gap: f64::INFINITY,
        engine: "mip",
        stages: Vec::new(),
        variables: 0,
        constraints: 0,
        components: 1,
        notes: Vec::new(),
    };
    let plan = waveopt::report::assemble(model, outcome, false, 0);
    let violations = waveopt::checker::check(wave, &plan);
    assert!(violations.is_empty(), "{}: {violations:#?}", wave.wave_id);
}

/// A small generated wave (`orders` × `nodes` × `skus`, every contract feature the generator
/// draws) with a 60 s time limit, for the property tests.
pub fn small_generated_wave(
    name: &str,
    seed: u64,
    (orders, nodes, skus): (usize, usize, usize),
) -> Wave {
    let config = waveopt::generate::GeneratorConfig {
        name: name.to_string(),
        orders,
        nodes,
        skus,
        ..waveopt::generate::GeneratorConfig::default()
    };
    let mut wave = waveopt::generate::generate_with(&config, seed);
    wave.options.time_limit_ms = 60_000;
    wave
}

/// The Lagrangian relaxation's effort in the tests: until `deadline`, never stopped, no price
/// board, the default master limits.
pub fn lagrangian_effort(deadline: std::time::Instant) -> waveopt::solver::bound::Effort<'static> {
    waveopt::solver::bound::Effort {
        deadline,
        stop: None,
        board: None,
        master: Default::default(),
    }
}
