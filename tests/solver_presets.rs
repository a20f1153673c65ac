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
