//! The Lagrangian bound, with Kelley's master (started from nothing, and from the optimal plan's
//! own covers), never passes a cost HiGHS proved optimal at gap 0, on random small waves from
//! the generator (reservations at both levels, capacities, ship-complete, fill-or-kill, holds),
//! under both policies, with shipment capacities as they come and cut to a few per node so that
//! the capacity rows bind.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use waveopt::format::{Allocation as Policy, PlanStatus};
use waveopt::model::Model;
use waveopt::solver::bound::lagrangian_bound;
use waveopt::solver::mip::solution::tier_fills;
use waveopt::solver::plan_score;
use waveopt::solver::tuning::Tuning;

fn small_wave(seed: u64, orders: usize, nodes: usize, skus: usize) -> waveopt::Wave {
    let mut wave = common::small_generated_wave("bound-prop", seed, (orders, nodes, skus));
    wave.options.mip_gap = 0.0;
    wave.options.threads = Some(1);
    wave
}

/// The bound on one wave at its proven optimum's fills, unseeded and seeded with that plan:
/// (optimum, [(bound, master rounds); 2]), or `None` when HiGHS did not prove the optimum.
fn bounds_at_optimum(wave: &waveopt::Wave) -> Option<(f64, Vec<(f64, usize)>)> {
    let model = Model::from_wave(wave).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let cancel = AtomicBool::new(false);
    let outcome =
        waveopt::solver::mip::solve(&model, &wave.options, &Tuning::default(), deadline, &cancel);
    if outcome.status != PlanStatus::Optimal {
        return None;
    }
    let fills = tier_fills(&model, &outcome.allocation);
    let optimum = plan_score::score(&model, &outcome.allocation).1;
    let bounds = [None, Some(&outcome.allocation)]
        .into_iter()
        .map(|seeded| {
            let deadline = Instant::now() + Duration::from_secs(20);
            let target = (optimum, seeded);
            let bound = lagrangian_bound(
                &model,
                &fills,
                None,
                target,
                &common::lagrangian_effort(deadline),
            )
            .expect("a bound within 20 s");
            (bound.value, bound.master_rounds)
        })
        .collect();
    Some((optimum, bounds))
}

/// The master is not a dead branch: on generated waves of 30 orders its rounds run, and the
/// bound still stays below the optimum.
#[test]
fn kelleys_master_runs_on_small_waves_and_stays_below_the_optimum() {
    let mut rounds = 0;
    for seed in 1..=4 {
        let wave = small_wave(seed, 30, 4, 8);
        let Some((optimum, bounds)) = bounds_at_optimum(&wave) else {
            continue;
        };
        for (value, master_rounds) in bounds {
            assert!(
                value <= optimum + 1e-6 * optimum.abs().max(1.0),
                "seed {seed}"
            );
            rounds += master_rounds;
        }
    }
    assert!(
        rounds >= 4,
        "the master ran {rounds} rounds over four waves"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn the_lagrangian_bound_never_passes_a_proven_optimum(
        seed in 0u64..1_000_000,
        orders in 8usize..24,
        nodes in 3usize..6,
        skus in 3usize..8,
        weighted in any::<bool>(),
        few_shipments in proptest::option::of(1i64..4),
    ) {
        let mut wave = small_wave(seed, orders, nodes, skus);
        if weighted {
            wave.policy.allocation = Policy::Weighted;
        }
        if let Some(cap) = few_shipments {
            for node in &mut wave.nodes {
                node.capacity.shipments = Some(cap);
            }
        }
        let Some((optimum, bounds)) = bounds_at_optimum(&wave) else {
            return Ok(());
        };
        for (seeded, (value, _)) in bounds.into_iter().enumerate() {
            prop_assert!(
                value <= optimum + 1e-6 * optimum.abs().max(1.0),
                "seeded {}: bound {value} above the proven optimum {optimum}",
                seeded == 1
            );
        }
    }
}
