//! The `plan_checker` harness: any plan against a valid wave; the checker must not panic.

use std::sync::OnceLock;

use waveopt::format::{self, Wave};

/// The waves a fuzzed plan is checked against (valid, small, feature-rich).
const WAVES: [&str; 4] = [
    include_str!("../../datasets/sample/wave.json"),
    include_str!("../../datasets/features/reservation.network_level.wave.json"),
    include_str!("../../datasets/features/lanes.zone_override.wave.json"),
    include_str!("../../datasets/features/tiers.weighted_not_economic.wave.json"),
];

fn waves() -> &'static [Wave] {
    static PARSED: OnceLock<Vec<Wave>> = OnceLock::new();
    PARSED.get_or_init(|| {
        WAVES
            .iter()
            .map(|text| format::parse_wave(text).expect("fixture waves parse"))
            .collect()
    })
}

/// The wave a plan input is for, and the plan's JSON: a leading digit picks the wave.
pub fn pick(data: &[u8]) -> (usize, &[u8]) {
    match data.first() {
        Some(d @ b'0'..=b'9') => (usize::from(d - b'0') % WAVES.len(), &data[1..]),
        _ => (0, data),
    }
}

pub fn run(data: &[u8]) {
    let (index, json) = pick(data);
    let Ok(text) = std::str::from_utf8(json) else {
        return;
    };
    let plan = match format::parse_plan(text) {
        Ok(plan) => plan,
        Err(error) => return super::oracles::check_body(&error),
    };
    let wave = &waves()[index];
    let problems = waveopt::checker::check(wave, &plan);
    for p in &problems {
        assert!(!p.code.is_empty() && !p.message.is_empty(), "{p:?}");
    }
    assert_eq!(
        problems,
        waveopt::checker::check(wave, &plan),
        "the checker is not deterministic"
    );
}
