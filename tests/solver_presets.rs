//! The optimizer on generated waves (the S preset as committed, and M generated here): every
//! plan passes the checker, strict fills are lexicographically at least greedy's, and when the
//! fills per tier equal greedy's the cost is not above greedy's. Time limits are short, so the
//! plans may be `feasible` rather than `optimal`; these properties hold either way, because the
//! greedy plan is the start of every stage.

mod common;

use waveopt::format::{Engine, PlanStatus};
use waveopt::generate::{self, Preset};
use waveopt::Wave;

fn compare_with_greedy(wave: &Wave) {
    let greedy = common::plan_checked(wave, Engine::Greedy);
    let mip = common::plan_checked(wave, Engine::Mip);
    let g = common::tier_fills(wave, &greedy);
    let m = common::tier_fills(wave, &mip);
    assert!(
        m >= g,
        "{}: tier fills {m:?} below greedy {g:?}",
        wave.wave_id
    );
    if m == g {
        assert!(
            mip.objective.total <= greedy.objective.total + 1e-6,
            "{}: cost {} above greedy {} at equal fills",
            wave.wave_id,
            mip.objective.total,
            greedy.objective.total
        );
    }
    if mip.status == PlanStatus::Optimal {
        assert!(mip.gap <= wave.options.mip_gap + 1e-9);
    }
    assert!(mip.bound <= mip.objective.total + 1e-6 * mip.objective.total.abs().max(1.0));
}

#[test]
fn the_s_preset_plans_check_and_beat_greedy() {
    let mut wave = common::load_wave("presets/s.wave.json");
    wave.options.time_limit_ms = 5_000;
    compare_with_greedy(&wave);
}

#[test]
fn the_m_preset_plans_check_and_beat_greedy() {
    let mut wave = generate::generate(Preset::M, 1);
    wave.options.time_limit_ms = 10_000;
    compare_with_greedy(&wave);
}

#[test]
fn explain_lists_the_chosen_option_and_priced_alternatives() {
    let mut wave = common::load_wave("sample/wave.json");
    wave.options.explain = true;
    let plan = common::plan_checked(&wave, Engine::Mip);
    let mut explained = 0;
    for order in &plan.orders {
        let Some(explain) = &order.explain else {
            continue;
        };
        explained += 1;
        assert!(!explain.summary.is_empty(), "{}: empty summary", order.id);
        let chosen: Vec<_> = explain.alternatives.iter().filter(|a| a.chosen).collect();
        // Every node the order ships from is among the alternatives, marked chosen.
        for s in &order.shipments {
            assert!(
                chosen
                    .iter()
                    .any(|a| a.node == s.node && a.method == s.method),
                "{}: shipment from {} by {} not marked chosen",
                order.id,
                s.node,
                s.method
            );
        }
        for a in explain.alternatives.iter().filter(|a| !a.chosen) {
            assert!(
                !a.note.is_empty(),
                "{}: alternative {} has no reason",
                order.id,
                a.node
            );
        }
    }
    assert!(explained > 0, "explain produced nothing");
    let quiet = common::plan_checked(&common::load_wave("sample/wave.json"), Engine::Mip);
    assert!(quiet.orders.iter().all(|o| o.explain.is_none()));
}

/// The one MIP's last stage (strict: cost; weighted: its only one) also runs the search
/// routes' relaxations: beside it with two threads, before it with one. When HiGHS does not prove the stage in time, the plan's bound
/// is the larger of HiGHS's and theirs, and never above the plan's cost. (Given minutes, a large
/// wave switches to the one MIP; before, its bound then fell to whatever HiGHS's unfinished root
/// gave, 0 on tight M at 300 s. With one thread, as each of a wave's independent parts gets when
/// two are solved side by side, there were no relaxations at all.)
#[test]
fn the_one_mips_bound_is_at_least_its_relaxations_when_highs_proves_nothing() {
    let mut checked = 0;
    for threads in [2, 1] {
        let mut wave = common::load_wave("presets/s.wave.json");
        wave.options.time_limit_ms = 1_500;
        wave.options.threads = Some(threads);
        checked += usize::from(bound_at_least_relaxations(&wave));
    }
    let mut regions = generate::generate_regions(Preset::S, generate::Shape::Tight, 2, 3);
    regions.options.time_limit_ms = 2_000;
    regions.options.threads = Some(2);
    checked += usize::from(bound_at_least_relaxations(&regions));
    // The weighted policy's single stage, whose objective (cost plus unfilled penalties) the
    // relaxations bound too.
    for threads in [2, 1] {
        let mut weighted = generate::generate_shape(Preset::S, generate::Shape::Tight, 7);
        weighted.policy.allocation = waveopt::format::Allocation::Weighted;
        weighted.options.time_limit_ms = 1_500;
        weighted.options.threads = Some(threads);
        checked += usize::from(bound_at_least_relaxations(&weighted));
    }
    assert!(
        checked >= 3,
        "HiGHS proved {} of 5 last stages",
        5 - checked
    );
}

/// Checks the plan, and its bound against its stages; false when HiGHS proved the last stage.
fn bound_at_least_relaxations(wave: &Wave) -> bool {
    let plan = common::plan_checked(wave, Engine::Mip);
    let stage = |name: &str| plan.solver.stages.iter().find(|s| s.name == name);
    let cost = stage("cost")
        .or(stage("weighted"))
        .expect("the one MIP has a cost or weighted stage");
    let total = plan.objective.total;
    assert!(plan.bound <= total + 1e-6 * total.abs());
    if cost.status == "optimal" {
        return false;
    }
    let relaxed = stage("bound:lagrangian")
        .or(stage("bound:flow"))
        .expect("relaxations beside an unproven cost stage");
    let best = cost
        .bound
        .unwrap_or(f64::NEG_INFINITY)
        .max(relaxed.bound.unwrap_or(f64::NEG_INFINITY));
    assert!(
        plan.bound >= best - 1e-6 * best.abs().max(1.0),
        "bound {} below HiGHS's {:?} or the relaxations' {:?}",
        plan.bound,
        cost.bound,
        relaxed.bound
    );
    true
}
