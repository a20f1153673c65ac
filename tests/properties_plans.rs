//! Property tests of the optimizer on small random waves that use every feature of the contract:
//! reservations at node and network level, node capacities, ship-complete, fill-or-kill, holds,
//! hard and soft SLA, lanes, three tiers, strict and weighted allocation. For each wave:
//! - the MIP plan (and greedy's) passes the independent checker;
//! - every unit of every line is shipped or unfilled, exactly once;
//! - when the MIP is proven optimal it is never worse than greedy: under `strict`, its vector of
//!   per-tier fills is lexicographically ≥ greedy's (tier 1 first; the contract's order), and
//!   when the vectors are equal its cost is ≤ greedy's (+1e-6 relative); under `weighted`, its
//!   total (cost + unfilled penalties) is ≤ greedy's;
//! - the same wave twice gives the same plan, byte for byte once timings are blanked;
//! - shuffling the input order of orders, nodes and inventory gives the same plan: the same
//!   per-tier fills and objective (1e-6 relative), and the same assignment per (order, line)
//!   unless a tie allowed another one of equal objective.
//!
//! Solves use one thread, `mip_gap: 0` (so "optimal" means exactly optimal and comparisons
//! are sharp) and a per-solve time limit; the case count keeps the file near a minute in release.

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use waveopt::format::{
    Allocation, Capacity, Engine, Lane, Plan, PlanStatus, Reservation, ShipTo, SlaMode, Wave,
    WithinTier,
};
use waveopt::generate::{generate_with, GeneratorConfig, Rng};
use waveopt::validation::validate;

const CASES: u32 = 64;
const TIME_LIMIT_MS: i64 = 20_000;

/// The knobs a case varies on top of the generator's seed.
#[derive(Debug, Clone)]
struct Shape {
    seed: u64,
    orders: usize,
    nodes: usize,
    skus: usize,
    hard_sla: bool,
    fifo: bool,
    weighted: bool,
    shuffle_seed: u64,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        0u64..1_000_000,
        8usize..14,
        2usize..5,
        3usize..7,
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.25),
        any::<u64>(),
    )
        .prop_map(
            |(seed, orders, nodes, skus, hard_sla, fifo, weighted, shuffle_seed)| Shape {
                seed,
                orders,
                nodes,
                skus,
                hard_sla,
                fifo,
                weighted,
                shuffle_seed,
            },
        )
}

/// A generated wave with every feature forced in (the generator's shares may round to zero on
/// a wave this small), and the policy the shape asks for.
fn wave_of(shape: &Shape) -> Wave {
    let config = GeneratorConfig {
        name: "props".to_string(),
        orders: shape.orders,
        nodes: shape.nodes,
        skus: shape.skus,
        ..GeneratorConfig::default()
    };
    let mut wave = generate_with(&config, shape.seed);
    wave.options.time_limit_ms = TIME_LIMIT_MS;
    wave.options.mip_gap = 0.0;
    wave.options.threads = Some(1);
    wave.policy.sla = if shape.hard_sla {
        SlaMode::Hard
    } else {
        SlaMode::Soft
    };
    wave.policy.within_tier = if shape.fifo {
        WithinTier::Fifo
    } else {
        WithinTier::Cost
    };
    wave.policy.allocation = if shape.weighted {
        Allocation::Weighted
    } else {
        Allocation::Strict
    };
    force_every_feature(&mut wave);
    wave
}

fn force_every_feature(wave: &mut Wave) {
    let tiers: Vec<String> = wave.policy.tiers.iter().map(|t| t.name.clone()).collect();
    for (i, order) in wave.orders.iter_mut().enumerate() {
        order.tier = Some(tiers[i % tiers.len()].clone());
    }
    wave.orders[0].hold = Some("credit".to_string());
    wave.orders[1].ship_complete = true;
    wave.orders[2].fill_or_kill = true;
    let zone_order = &mut wave.orders[3];
    zone_order.ship_to = ShipTo {
        zone: Some("Z-PROPS".to_string()),
        ..zone_order.ship_to.clone()
    };
    let first = wave.nodes[0].id.clone();
    let second = wave.nodes[1].id.clone();
    wave.lanes.push(Lane {
        from: first.clone(),
        to_zone: "Z-PROPS".to_string(),
        method: None,
        per_shipment: Some(6.0),
        per_unit: Some(0.3),
        days: Some(2),
    });
    let line = &wave.orders[4].lines[0];
    let (channel, sku) = (wave.orders[4].channel.clone(), line.sku.clone());
    wave.reservations.push(Reservation {
        channel: channel.clone(),
        sku: sku.clone(),
        node: Some(second),
        qty: Some(2),
        share: None,
    });
    wave.reservations.push(Reservation {
        channel: "props-network".to_string(),
        sku,
        node: None,
        qty: None,
        share: Some(0.25),
    });
    let capacity = &mut wave.nodes[0].capacity;
    *capacity = Capacity {
        shipments: Some(capacity.shipments.unwrap_or(4).min(4)),
        units: capacity.units,
    };
}

fn plan(wave: &Wave, engine: Engine) -> Plan {
    common::plan_checked(wave, engine)
}

/// The plan with its timing fields blanked, as JSON.
fn without_timings(plan: &Plan) -> String {
    let mut p = plan.clone();
    p.solver.time_ms = 0;
    for stage in &mut p.solver.stages {
        stage.time_ms = 0;
    }
    serde_json::to_string(&p).unwrap()
}

/// `(order id, line id)` → the `(node, method, qty)` it ships, sorted.
type Assignment = BTreeMap<(String, String), Vec<(String, String, i64)>>;

fn assignment(plan: &Plan) -> Assignment {
    let mut map = Assignment::new();
    for order in &plan.orders {
        for s in &order.shipments {
            for l in &s.lines {
                map.entry((order.id.clone(), l.line.clone()))
                    .or_default()
                    .push((s.node.clone(), s.method.clone(), l.qty));
            }
        }
    }
    map.values_mut().for_each(|v| v.sort());
    map
}

fn shuffled(wave: &Wave, seed: u64) -> Wave {
    fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
        for i in (1..items.len()).rev() {
            items.swap(i, rng.below(i + 1));
        }
    }
    let mut rng = Rng::new(seed);
    let mut w = wave.clone();
    shuffle(&mut w.orders, &mut rng);
    shuffle(&mut w.nodes, &mut rng);
    shuffle(&mut w.inventory, &mut rng);
    w
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn assert_units_accounted(wave: &Wave, plan: &Plan) -> Result<(), TestCaseError> {
    for order in &wave.orders {
        let result = plan.orders.iter().find(|r| r.id == order.id);
        let result = result.ok_or_else(|| TestCaseError::fail(format!("{} missing", order.id)))?;
        for line in &order.lines {
            let shipped: i64 = result
                .shipments
                .iter()
                .flat_map(|s| s.lines.iter().filter(|l| l.line == line.id).map(|l| l.qty))
                .sum();
            let unfilled: i64 = result
                .unfilled
                .iter()
                .filter(|u| u.line == line.id)
                .map(|u| u.qty)
                .sum();
            prop_assert_eq!(
                shipped + unfilled,
                line.qty,
                "{} line {}",
                order.id,
                line.id
            );
        }
    }
    prop_assert_eq!(plan.orders.len(), wave.orders.len());
    Ok(())
}

fn assert_not_worse_than_greedy(
    wave: &Wave,
    mip: &Plan,
    greedy: &Plan,
) -> Result<(), TestCaseError> {
    if mip.status != PlanStatus::Optimal {
        return Ok(());
    }
    let tolerance = 1e-6 * greedy.objective.total.abs().max(1.0);
    if wave.policy.allocation == Allocation::Weighted {
        prop_assert!(
            mip.objective.total <= greedy.objective.total + tolerance,
            "weighted total {} above greedy's {}",
            mip.objective.total,
            greedy.objective.total
        );
        return Ok(());
    }
    let (m, g) = (
        common::tier_fills(wave, mip),
        common::tier_fills(wave, greedy),
    );
    prop_assert!(m >= g, "per-tier fills {:?} below greedy's {:?}", m, g);
    // Under `within_tier: fifo` a stage per tier holds the most FIFO-weighted fill, which can
    // rank above greedy's at equal tier fills (gen-props-seed785874: standard tier 23 vs 22) and
    // then cost more: greedy's plan is lexicographically worse there, not cheaper-and-equal.
    let fifo = wave.policy.within_tier == waveopt::format::WithinTier::Fifo;
    if m == g && !fifo {
        prop_assert!(
            mip.objective.total <= greedy.objective.total + tolerance,
            "same fills, cost {} above greedy's {}",
            mip.objective.total,
            greedy.objective.total
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn mip_plans_are_checked_complete_no_worse_than_greedy_deterministic_and_order_free(shape in shape()) {
        let wave = wave_of(&shape);
        prop_assert!(validate(&wave).is_empty(), "{:?}", validate(&wave));

        let mip = plan(&wave, Engine::Mip);
        let greedy = plan(&wave, Engine::Greedy);
        assert_units_accounted(&wave, &mip)?;
        assert_units_accounted(&wave, &greedy)?;
        assert_not_worse_than_greedy(&wave, &mip, &greedy)?;

        let again = plan(&wave, Engine::Mip);
        prop_assert_eq!(without_timings(&mip), without_timings(&again), "same wave, different plan");

        let permuted = shuffled(&wave, shape.shuffle_seed);
        let other = plan(&permuted, Engine::Mip);
        if mip.status == PlanStatus::Optimal && other.status == PlanStatus::Optimal {
            prop_assert_eq!(common::tier_fills(&wave, &mip), common::tier_fills(&wave, &other));
            prop_assert!(close(mip.objective.total, other.objective.total),
                "shuffled input: objective {} vs {}", mip.objective.total, other.objective.total);
            if assignment(&mip) != assignment(&other) {
                // A tie: another assignment of the same objective. Nothing else may differ.
                eprintln!("{}: shuffled input broke a tie differently (same objective {})",
                    wave.wave_id, mip.objective.total);
            }
        }
    }
}

#[test]
fn the_forced_features_are_all_present_and_valid() {
    for seed in 0..20 {
        let shape = Shape {
            seed,
            orders: 8,
            nodes: 2,
            skus: 3,
            hard_sla: seed % 2 == 0,
            fifo: false,
            weighted: false,
            shuffle_seed: seed,
        };
        let wave = wave_of(&shape);
        assert!(
            validate(&wave).is_empty(),
            "seed {seed}: {:?}",
            validate(&wave)
        );
        assert!(wave.orders.iter().any(|o| o.hold.is_some()));
        assert!(
            wave.orders.iter().any(|o| o.ship_complete)
                && wave.orders.iter().any(|o| o.fill_or_kill)
        );
        assert!(wave.reservations.iter().any(|r| r.node.is_some()));
        assert!(wave.reservations.iter().any(|r| r.node.is_none()));
        assert!(wave.nodes.iter().any(|n| !n.capacity.is_unlimited()));
        assert!(!wave.lanes.is_empty() && wave.policy.tiers.len() >= 3);
    }
}
