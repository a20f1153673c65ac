//! The large-neighbourhood search (`solver::mip::lns`) and the residual model it re-solves, on
//! every feature fixture and the S preset: each plan passes the checker, is never worse than its
//! start in the policy's order, and the same rounds give the same plan when no round is cut short
//! by its time cap (rounds of the S preset can be, so determinism is tested on the fixtures).

mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use waveopt::format::Allocation as Policy;
use waveopt::format::PlanStatus;
use waveopt::model::Model;
use waveopt::solver::mip::lns::{self, Limits};
use waveopt::solver::tuning::Tuning;
use waveopt::solver::{greedy, plan_score, Allocation};
use waveopt::Wave;

fn limits(cancel: &AtomicBool, rounds: usize, staged: bool) -> Limits<'_> {
    Limits {
        deadline: Instant::now() + Duration::from_secs(600),
        max_rounds: rounds,
        mip_gap: 1e-4,
        threads: 1,
        cancel,
        staged_rounds: staged,
        prices: None,
        tuning: Tuning::default(),
    }
}

fn assert_checked(wave: &Wave, model: &Model, allocation: Allocation) {
    common::assert_allocation_checked(wave, model, allocation);
}

fn not_worse(model: &Model, after: &Allocation, before: &Allocation) -> bool {
    let (fa, ca) = plan_score::score(model, after);
    let (fb, cb) = plan_score::score(model, before);
    fa > fb || (fa == fb && ca <= cb + 1e-6 * cb.abs().max(1.0))
}

fn waves() -> Vec<Wave> {
    let mut out = common::feature_waves();
    let s = common::load_wave("presets/s.wave.json");
    let mut weighted = s.clone();
    weighted.wave_id.push_str("-weighted");
    weighted.policy.allocation = Policy::Weighted;
    out.push(s);
    out.push(weighted);
    out
}

#[test]
fn every_round_keeps_the_plan_valid_and_never_worse() {
    for wave in waves() {
        let model = Model::from_wave(&wave).unwrap();
        let start = greedy::route(&model);
        for staged in [true, false] {
            let cancel = AtomicBool::new(false);
            let (after, report) = lns::improve(&model, start.clone(), &limits(&cancel, 6, staged));
            assert!(report.rounds <= 6);
            assert!(
                not_worse(&model, &after, &start),
                "{}: {:?} worse than {:?}",
                wave.wave_id,
                plan_score::score(&model, &after),
                plan_score::score(&model, &start)
            );
            if !staged {
                assert_eq!(
                    after.filled(&model),
                    start.filled(&model),
                    "{}: routing rounds must hold every line's fill",
                    wave.wave_id
                );
            }
            assert_checked(&wave, &model, after);
        }
    }
}

#[test]
fn the_search_lowers_the_s_presets_greedy_cost() {
    for policy in [Policy::Strict, Policy::Weighted] {
        let mut wave = common::load_wave("presets/s.wave.json");
        wave.policy.allocation = policy;
        let model = Model::from_wave(&wave).unwrap();
        let start = greedy::route(&model);
        let cancel = AtomicBool::new(false);
        let (after, report) = lns::improve(&model, start.clone(), &limits(&cancel, 8, true));
        assert!(report.improved > 0, "{policy:?}: no round improved");
        let (fa, ca) = plan_score::score(&model, &after);
        let (fb, cb) = plan_score::score(&model, &start);
        assert!(fa > fb || ca < cb, "{policy:?}: {ca} not below {cb}");
    }
}

#[test]
fn the_same_rounds_give_the_same_plan() {
    for wave in waves().iter().filter(|w| !w.wave_id.contains("gen-s")) {
        let model = Model::from_wave(wave).unwrap();
        let start = greedy::route(&model);
        let cancel = AtomicBool::new(false);
        let (a, _) = lns::improve(&model, start.clone(), &limits(&cancel, 10, true));
        let (b, _) = lns::improve(&model, start, &limits(&cancel, 10, true));
        assert_eq!(a.shipments, b.shipments, "{}", wave.wave_id);
    }
}

#[test]
fn the_search_route_returns_a_checked_plan_with_the_relaxation_bound() {
    // One thread: the flow LP runs before the search; two: alongside it. Either way S's small LP
    // is solved, stands (the search never lowers a tier's fill) and is the bound reported.
    let wave = common::load_wave("presets/s.wave.json");
    let model = Model::from_wave(&wave).unwrap();
    for threads in [1, 2] {
        let mut options = wave.options.clone();
        options.threads = Some(threads);
        let cancel = AtomicBool::new(false);
        let deadline = Instant::now() + Duration::from_secs(3);
        let outcome = waveopt::solver::mip::solve_by_search(
            &model,
            &options,
            &Tuning::default(),
            deadline,
            &cancel,
            greedy::route(&model),
            "test".to_string(),
        );
        assert_eq!(outcome.status, PlanStatus::Feasible);
        assert!(outcome
            .notes
            .iter()
            .any(|n| n.contains("large-neighbourhood")));
        if threads == 1 {
            // The relaxations ran first, so the search had the Lagrangian's prices from its
            // first round and steered by them.
            assert!(
                outcome
                    .notes
                    .iter()
                    .any(|n| n.contains("passes re-sourcing every order")),
                "{:?}",
                outcome.notes
            );
        }
        let stage_bound = |name: &str| {
            outcome
                .stages
                .iter()
                .find(|s| s.name == name)
                .and_then(|s| s.bound)
                .unwrap_or_else(|| panic!("threads {threads}: no {name} stage"))
        };
        let (flow, per_unit) = (stage_bound("bound:flow"), stage_bound("bound:per_unit"));
        let lagrangian = stage_bound("bound:lagrangian");
        assert!(flow > per_unit, "threads {threads}: {flow} vs {per_unit}");
        // Started from the flow LP's duals, the Lagrangian bound is at least the flow bound.
        assert!(
            lagrangian >= flow - 1e-6 * flow,
            "threads {threads}: {lagrangian} vs {flow}"
        );
        assert_eq!(outcome.bound, lagrangian, "threads {threads}");
        let plan = waveopt::report::assemble(&model, outcome, false, 0);
        assert!(
            plan.gap > 0.0,
            "a plan with no bound must not claim a zero gap"
        );
        assert!(waveopt::checker::check(&wave, &plan).is_empty());
    }
}

/// No relaxation reported on the search routes (per-unit, flow, Lagrangian) ever exceeds a cost
/// HiGHS proved optimal, on every fixture and both policies; the per-unit and flow bounds stay
/// below the LP floor of the S preset (both relax that LP further; the Lagrangian one keeps each
/// order's shipments whole and may rise above it). The flow relaxation is never weaker than the
/// per-unit one, and the Lagrangian one started from the flow LP's duals never weaker than flow.
#[test]
fn the_relaxation_bounds_are_below_every_proven_optimum_and_the_lp_floor() {
    use waveopt::format::Engine;
    use waveopt::solver::bound::{flow_bound, lagrangian_bound, per_unit_bound};
    let flow_solution = |model: &Model, fills: &[i64]| {
        flow_bound(model, fills, 60.0, 1, None)
            .unwrap_or_else(|| panic!("no flow bound for {}", model.wave_id))
    };
    let flow = |model: &Model, fills: &[i64]| flow_solution(model, fills).bound.value;
    let mut checked = 0;
    for wave in waves().into_iter().filter(|w| !w.wave_id.contains("gen-s")) {
        for policy in [Policy::Strict, Policy::Weighted] {
            let mut wave = wave.clone();
            wave.policy.allocation = policy;
            let plan = common::plan_checked(&wave, Engine::Mip);
            if plan.status != PlanStatus::Optimal {
                continue;
            }
            let model = Model::from_wave(&wave).unwrap();
            let fills = common::tier_fills(&wave, &plan);
            let bound = per_unit_bound(&model, &fills);
            let stronger = flow(&model, &fills);
            let total = plan.objective.total;
            let tolerance = 1e-6 * total.abs().max(1.0);
            assert!(
                bound <= total + tolerance && stronger <= total + tolerance,
                "{} {policy:?}: bounds {bound} / {stronger} above the proven optimum {total}",
                wave.wave_id
            );
            assert!(
                stronger >= bound - tolerance,
                "{} {policy:?}: flow {stronger} below per-unit {bound}",
                wave.wave_id
            );
            // The Lagrangian bound, from per-unit prices and from the flow LP's duals.
            let deadline = Instant::now() + Duration::from_secs(10);
            let flow_prices = flow_solution(&model, &fills).prices;
            for (start, prices) in [("per-unit", None), ("flow", Some(flow_prices))] {
                let lagrangian = lagrangian_bound(
                    &model,
                    &fills,
                    prices,
                    (total, None),
                    &common::lagrangian_effort(deadline),
                )
                .unwrap_or_else(|| panic!("{}: no Lagrangian bound", wave.wave_id))
                .value;
                assert!(
                    lagrangian <= total + tolerance,
                    "{} {policy:?}: Lagrangian ({start}) {lagrangian} above the proven \
                     optimum {total}",
                    wave.wave_id
                );
                if start == "flow" {
                    assert!(
                        lagrangian >= stronger - tolerance,
                        "{} {policy:?}: Lagrangian {lagrangian} below flow {stronger}",
                        wave.wave_id
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} proven plans to compare with");
    let wave = common::load_wave("presets/s.wave.json");
    let model = Model::from_wave(&wave).unwrap();
    let fills = waveopt::solver::mip::solution::tier_fills(&model, &greedy::route(&model));
    // One thread, after this thread ran two-thread solves above: HiGHS refused that before
    // `highs_run::use_threads` reset its per-thread scheduler.
    let floor = waveopt::solver::mip::relaxation::lp_floor(&model, &fills, 1)
        .unwrap_or_else(|| panic!("no LP floor at fills {fills:?}"));
    let bound = per_unit_bound(&model, &fills);
    let stronger = flow(&model, &fills);
    assert!(
        bound > 0.0 && bound <= floor.value + 1e-6 * floor.value,
        "{bound} vs {}",
        floor.value
    );
    assert!(
        stronger > bound && stronger <= floor.value + 1e-6 * floor.value,
        "flow {stronger} vs per-unit {bound} and floor {}",
        floor.value
    );
}

/// The flow LP runs beside the search and must not hold the call once told to stop (the search
/// returned, or the client went away).
#[test]
fn the_flow_bound_gives_up_when_told_to_stop() {
    use waveopt::solver::bound::flow_bound;
    let wave = common::load_wave("presets/s.wave.json");
    let model = Model::from_wave(&wave).unwrap();
    let fills = waveopt::solver::mip::solution::tier_fills(&model, &greedy::route(&model));
    let go = AtomicBool::new(false);
    assert!(flow_bound(&model, &fills, 60.0, 1, Some(&go)).is_some());
    let stop = AtomicBool::new(true);
    assert!(flow_bound(&model, &fills, 60.0, 1, Some(&stop)).is_none());
}
