//! Property tests on small random waves from the generator (every contract feature appears:
//! reservations at both levels, capacities, ship-complete, fill-or-kill, holds, lanes, tiers),
//! under every policy combination:
//! - the optimizer's, the naive reference's and greedy's plans all pass the checker;
//! - the optimizer and the naive reference — two independent formulations, the optimizer's own
//!   (`src/solver/mip`) and the plain monolithic model written in good_lp from SPEC.md
//!   (`src/solver/naive`) — both prove their optimum and agree: strict, the same per-tier fills
//!   (never below greedy's) and the same cost within the MIP gap; weighted, the same total;
//! - the same wave twice gives byte-identical plans (timings aside).

mod common;

use proptest::prelude::*;
use waveopt::format::{Allocation, Engine, Plan, PlanStatus, SlaMode, WithinTier};

fn small_wave(seed: u64, orders: usize, nodes: usize, skus: usize) -> waveopt::Wave {
    common::small_generated_wave("prop", seed, (orders, nodes, skus))
}

fn without_timings(plan: &Plan) -> String {
    let mut p = plan.clone();
    p.solver.time_ms = 0;
    for s in &mut p.solver.stages {
        s.time_ms = 0;
    }
    serde_json::to_string(&p).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn optimizer_and_good_lp_naive_model_reach_the_same_proven_optimum(
        seed in 0u64..1_000_000,
        orders in 6usize..14,
        nodes in 2usize..5,
        skus in 3usize..7,
        weighted in any::<bool>(),
        hard in any::<bool>(),
        fifo in any::<bool>(),
    ) {
        let mut wave = small_wave(seed, orders, nodes, skus);
        if weighted { wave.policy.allocation = Allocation::Weighted; }
        if hard { wave.policy.sla = SlaMode::Hard; }
        if fifo { wave.policy.within_tier = WithinTier::Fifo; }

        let greedy = common::plan_checked(&wave, Engine::Greedy);
        let mip = common::plan_checked(&wave, Engine::Mip);
        let naive = common::plan_checked(&wave, Engine::Naive);
        prop_assert_eq!(mip.status, PlanStatus::Optimal);
        prop_assert_eq!(naive.status, PlanStatus::Optimal);

        // Each run stops within its MIP gap, which HiGHS measures on its own objective (under
        // weighted, offset by a constant from the plan's total), so each may sit above the optimum
        // by as much as its own proven bound allows (seed 840142: naive 2,798.06 at gap 9.9e-5 of
        // HiGHS's objective, bound 2,797.09, which the optimizer's plan reached).
        let slack = |p: &Plan| (p.objective.total - p.bound).max(0.0);
        let tolerance = 2e-4 * naive.objective.total.abs().max(1.0) + slack(&naive).max(slack(&mip));
        if weighted {
            prop_assert!((mip.objective.total - naive.objective.total).abs() <= tolerance,
                "weighted totals differ: mip {} naive {}", mip.objective.total, naive.objective.total);
            prop_assert!(mip.objective.total <= greedy.objective.total + tolerance);
        } else {
            let (m, n, g) = (common::tier_fills(&wave, &mip), common::tier_fills(&wave, &naive), common::tier_fills(&wave, &greedy));
            prop_assert_eq!(&m, &n, "strict tier fills differ from the naive reference");
            prop_assert!(m >= g, "tier fills {:?} below greedy {:?}", m, g);
            prop_assert!((mip.objective.total - naive.objective.total).abs() <= tolerance,
                "strict cost differs: mip {} naive {}", mip.objective.total, naive.objective.total);
            // Under FIFO a stage per tier holds the most FIFO-weighted fill, which can rank
            // above greedy's at equal tier fills and then cost more (seed 36043; the same flaw
            // fixed in tests/properties_plans.rs), so cost is compared for cost-ordered tiers.
            if m == g && !fifo {
                prop_assert!(mip.objective.total <= greedy.objective.total + tolerance);
            }
        }

        let again = waveopt::plan(&wave, &{ let mut o = wave.options.clone(); o.engine = Engine::Mip; o }).unwrap();
        prop_assert_eq!(without_timings(&mip), without_timings(&again));
    }
}
