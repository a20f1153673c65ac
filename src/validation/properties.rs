//! Property tests of the module's promise, on random waves (see `arbitrary.rs`): validation never
//! panics, is deterministic, and every path it reports points at a value of the wave; and a wave
//! it passes always builds a model whose every quote is finite.

use proptest::prelude::*;

use super::arbitrary::{wave, EDGE_HOSTILE, EDGE_RARE};
use super::validate;
use crate::model::Model;

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_and_every_path_points_into_the_wave(wave in wave(EDGE_HOSTILE)) {
        let problems = validate(&wave);
        let document = serde_json::to_value(&wave).expect("waves serialise");
        for p in &problems {
            prop_assert!(document.pointer(&p.path).is_some(), "{p:?} points at nothing");
            prop_assert!(!p.message.is_empty());
            prop_assert!(p.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{p:?}");
        }
        prop_assert_eq!(validate(&wave), problems);
    }

    #[test]
    fn a_wave_that_passes_validation_always_builds_a_model(wave in wave(EDGE_RARE)) {
        if validate(&wave).is_empty() {
            let model = Model::from_wave(&wave);
            prop_assert!(model.is_ok(), "{:?}", model.err().map(|e| e.details()));
            let model = model.unwrap();
            for (o, order) in model.orders.iter().enumerate() {
                for n in 0..model.nodes.len() {
                    for m in 0..model.methods.len() {
                        if let Some(quote) = model.quote(o, n, m) {
                            let cost = quote.shipment_cost(order.units())
                                + quote.per_shipment_total(model.policy.late_penalty_per_day);
                            prop_assert!(cost.is_finite(), "{quote:?}");
                        }
                    }
                }
            }
            let _ = model.priority_order();
        }
    }
}

#[test]
fn mostly_valid_waves_are_often_valid_so_the_build_property_is_not_vacuous() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = wave(EDGE_RARE);
    let valid = (0..200)
        .filter(|_| validate(&strategy.new_tree(&mut runner).unwrap().current()).is_empty())
        .count();
    eprintln!("{valid} of 200 mostly-valid waves are valid");
    assert!(
        valid >= 60,
        "only {valid} of 200 mostly-valid waves are valid"
    );
}
