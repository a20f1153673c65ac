//! The Lagrangian bound, with Kelley's master (started from nothing, and from the optimal plan's
//! own covers), never passes a cost HiGHS proved optimal at gap 0, on random small waves from
//! the generator (reservations at both levels, capacities, ship-complete, fill-or-kill, holds),
//! under both policies, with shipment capacities as they come and cut to a few per node so that
//! the capacity rows bind.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use waveopt::format::{Allocation as Policy, PlanStatus};
use waveopt::generate::{generate_with, GeneratorConfig};
use waveopt::model::Model;
use waveopt::solver::bound::lagrangian_bound;
use waveopt::solver::mip::solution::tier_fills;
use waveopt::solver::plan_score;
use waveopt::solver::tuning::Tuning;

fn small_wave(seed: u64, orders: usize, nodes: usize, skus: usize) -> waveopt::Wave {
    let config = GeneratorConfig {
        name: "bound-prop".to_string(),
        orders,
        nodes,
        skus,
        ..GeneratorConfig::default()
    };
    let mut wave = generate_with(&config, seed);
    wave.options.time_limit_ms = 60_000;
    wave.options.mip_gap = 0.0;
    wave.options.threads = Some(1);
    wave
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
        let model = Model::from_wave(&wave).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        let outcome = waveopt::solver::mip::solve(
            &model,
            &wave.options,
            &Tuning::default(),
            deadline,
            &AtomicBool::new(false),
        );
        prop_assume!(outcome.status == PlanStatus::Optimal);
        let fills = tier_fills(&model, &outcome.allocation);
        let optimum = plan_score::score(&model, &outcome.allocation).1;
        let tolerance = 1e-6 * optimum.abs().max(1.0);
        for seeded in [None, Some(&outcome.allocation)] {
            let deadline = Instant::now() + Duration::from_secs(20);
            let bound = lagrangian_bound(&model, &fills, None, (optimum, seeded), deadline, None, None)
                .expect("a bound within 20 s");
            prop_assert!(
                bound.value <= optimum + tolerance,
                "seeded {}: bound {} above the proven optimum {optimum}",
                seeded.is_some(),
                bound.value
            );
            if seeded.is_none() && outcome.allocation.shipments.len() > 1 {
                // Unseeded, the first evaluation's covers are all new: the master must have run.
                prop_assert!(bound.master_rounds >= 1, "the master never ran");
            }
        }
    }
}
