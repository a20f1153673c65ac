//! What every harness asserts about a result: errors are well-formed, valid waves round-trip,
//! and small valid waves get a greedy plan that the independent checker accepts.

use waveopt::error::Error;
use waveopt::format::{self, Engine, Wave};
use waveopt::model::Model;
use waveopt::validation::validate;

/// Waves up to this size are also planned (greedy) and checked; bigger ones only validated.
const PLAN_MAX_LINES: usize = 200;
const PLAN_MAX_NODES: usize = 20;

/// A parse error is either malformed JSON (400) with a position, or exactly one shape problem.
pub fn check_parse_error(error: &Error) {
    match error {
        Error::Malformed { line, message, .. } => {
            assert!(*line >= 1, "malformed error without a line: {error}");
            assert!(!message.is_empty());
        }
        Error::Invalid(problems) => {
            assert_eq!(
                problems.len(),
                1,
                "parsing reports one problem: {problems:?}"
            );
            let code = problems[0].code.as_str();
            let known = [
                "unknown_field",
                "missing_field",
                "duplicate_field",
                "unknown_variant",
                "wrong_type",
            ];
            assert!(known.contains(&code), "unexpected parse code {code}");
        }
        other => panic!("parsing gave an unexpected error kind: {other:?}"),
    }
    check_body(error);
}

/// The SPEC error body serialises and names the top-level code.
pub fn check_body(error: &Error) {
    let body = serde_json::to_value(error.to_body()).expect("error bodies serialise");
    assert_eq!(body["error"]["code"], error.code());
}

/// A wave read from JSON or CSV: validation is deterministic and its paths point into the wave;
/// a valid wave builds a model, round-trips through JSON, and (when small) plans and checks.
pub fn check_parsed_wave(wave: &Wave, from_json: bool) {
    let problems = validate(wave);
    assert_eq!(problems, validate(wave), "validation is not deterministic");
    let document = serde_json::to_value(wave).expect("waves serialise");
    for p in &problems {
        if from_json || document.pointer(&p.path).is_some() {
            assert!(
                document.pointer(&p.path).is_some(),
                "{p:?} points at nothing"
            );
        }
        assert!(!p.message.is_empty(), "{p:?} has no message");
        assert!(
            !p.code.is_empty() && p.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{p:?} has a malformed code"
        );
    }
    match Model::from_wave(wave) {
        Ok(_) => {
            assert!(problems.is_empty());
            round_trip(wave);
            plan_if_small(wave);
        }
        Err(Error::Invalid(found)) => {
            assert!(!found.is_empty(), "an invalid wave with no problem");
            check_body(&Error::Invalid(found));
        }
        Err(other) => panic!("Model::from_wave gave {other:?}"),
    }
}

fn round_trip(wave: &Wave) {
    let text = format::to_pretty_json(wave);
    let again = format::parse_wave(&text).expect("a valid wave re-parses from its own JSON");
    assert_eq!(&again, wave, "the wave changed in a JSON round trip");
}

fn plan_if_small(wave: &Wave) {
    let lines: usize = wave.orders.iter().map(|o| o.lines.len()).sum();
    if lines > PLAN_MAX_LINES || wave.nodes.len() > PLAN_MAX_NODES {
        return;
    }
    let mut options = wave.options.clone();
    options.engine = Engine::Greedy;
    let plan = waveopt::plan(wave, &options).expect("a valid wave plans");
    let violations = waveopt::checker::check(wave, &plan);
    assert!(
        violations.is_empty(),
        "the greedy plan fails the checker: {violations:#?}"
    );
    let text = format::to_pretty_json(&plan);
    format::parse_plan(&text).expect("a plan re-parses from its own JSON");
}
