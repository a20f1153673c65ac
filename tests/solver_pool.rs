//! The cover pool (`solver::mip::pool`): on every feature fixture and the S preset (both
//! policies, and FIFO), its plan passes the checker, keeps each tier's fill (every line's units
//! under FIFO), and is never worse than its start; on S it finds what one-order moves cannot.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use waveopt::format::{Allocation as Policy, WithinTier};
use waveopt::model::Model;
use waveopt::solver::mip::pool::{self, PoolLimits};
use waveopt::solver::tuning::Tuning;
use waveopt::solver::{greedy, plan_score, polish, Allocation};
use waveopt::Wave;

/// The pool on `start` with one thread, within `seconds`.
fn pooled(
    model: &Model,
    start: &Allocation,
    hold_lines: bool,
    tuning: Tuning,
    seconds: u64,
) -> (Allocation, pool::PoolReport) {
    let cancel = AtomicBool::new(false);
    let limits = PoolLimits {
        tuning,
        hold_lines,
        deadline: Instant::now() + Duration::from_secs(seconds),
        threads: 1,
        cancel: &cancel,
    };
    pool::improve(model, start, &limits)
}

fn waves() -> Vec<Wave> {
    let mut out = common::feature_waves();
    let s = common::load_wave("presets/s.wave.json");
    let mut weighted = s.clone();
    weighted.wave_id.push_str("-weighted");
    weighted.policy.allocation = Policy::Weighted;
    let mut fifo = s.clone();
    fifo.wave_id.push_str("-fifo");
    fifo.policy.within_tier = WithinTier::Fifo;
    out.push(s);
    out.push(weighted);
    out.push(fifo);
    out
}

#[test]
fn the_pool_keeps_fills_and_the_checker_and_never_costs_more() {
    for wave in waves() {
        let model = Model::from_wave(&wave).unwrap();
        let start = polish::improve(&model, &greedy::route(&model));
        let (after, report) = pooled(&model, &start, false, Tuning::default(), 60);
        let id = &wave.wave_id;
        let (before, score) = (
            plan_score::score(&model, &start),
            plan_score::score(&model, &after),
        );
        match (wave.policy.allocation, wave.policy.within_tier) {
            (_, WithinTier::Fifo) => {
                assert!(report.lines_held, "{id}");
                assert_eq!(after.filled(&model), start.filled(&model), "{id}");
            }
            (Policy::Strict, _) => assert_eq!(score.0, before.0, "{id}: tier fills changed"),
            (Policy::Weighted, _) => {}
        }
        assert!(
            score.1 <= before.1 + 1e-9,
            "{id}: {} > {}",
            score.1,
            before.1
        );
        assert!((report.cost_after - score.1).abs() < 1e-6, "{id}");
        common::assert_allocation_checked(&wave, &model, after);
    }
}

#[test]
fn on_the_s_preset_the_pool_beats_one_order_moves_by_a_wide_margin() {
    // The polished start is a local optimum of one-order moves (each order on its cheapest cover
    // of what the others leave); choosing every order's cover at once, each tier's fill held,
    // found 25% less on S (9,269 -> 6,971), with the master MIP proven. It must find at least
    // 15% less.
    let wave = common::load_wave("presets/s.wave.json");
    let model = Model::from_wave(&wave).unwrap();
    let start = polish::improve(&model, &greedy::route(&model));
    let (after, report) = pooled(&model, &start, false, Tuning::default(), 120);
    let before = plan_score::score(&model, &start).1;
    let cost = plan_score::score(&model, &after).1;
    assert!(cost <= 0.85 * before, "{}", report.note());
    assert_eq!(
        plan_score::score(&model, &after).0,
        plan_score::score(&model, &start).0
    );
    assert!(report.pricing_rounds >= 2, "{}", report.note());
    common::assert_allocation_checked(&wave, &model, after);
}

#[test]
fn the_one_mip_route_reports_the_pool_in_its_notes() {
    let wave = common::load_wave("presets/s.wave.json");
    let mut options = wave.options.clone();
    options.time_limit_ms = 5_000;
    options.threads = Some(1);
    let plan = waveopt::plan(&wave, &options).unwrap();
    assert!(
        plan.solver
            .notes
            .iter()
            .any(|n| n.starts_with("cover pool (")),
        "{:?}",
        plan.solver.notes
    );
    let violations = waveopt::checker::check(&wave, &plan);
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn the_master_in_chunks_keeps_the_plan_valid_and_never_worse() {
    // Routes hold one master up to 5,000 orders; force S's 194 orders into chunks of 40 so the
    // chunked path (unsettled orders re-chosen, the rest held) is checked too, in both modes.
    let wave = common::load_wave("presets/s.wave.json");
    let model = Model::from_wave(&wave).unwrap();
    let start = polish::improve(&model, &greedy::route(&model));
    let chunks_of_40 = Tuning {
        pool_one_master_orders: 50,
        pool_chunk_orders: 40,
        ..Tuning::default()
    };
    for hold_lines in [true, false] {
        let (after, report) = pooled(&model, &start, hold_lines, chunks_of_40, 60);
        assert!(report.master_runs >= 2, "{}", report.note());
        let (before, score) = (
            plan_score::score(&model, &start),
            plan_score::score(&model, &after),
        );
        assert_eq!(score.0, before.0, "{}", report.note());
        if hold_lines {
            assert_eq!(after.filled(&model), start.filled(&model));
        }
        assert!(score.1 < before.1, "{}", report.note());
        common::assert_allocation_checked(&wave, &model, after);
    }
}

#[test]
fn with_lines_held_the_plan_built_in_the_lps_order_beats_moving_orders_one_by_one() {
    // Moving orders one at a time from the plan stops wherever another order holds what the LP
    // wants; building from nothing in the LP's order follows it much further. On S: 8,238
    // against 9,190 (LP rounded by moves), from a polished start of 9,269.
    let wave = common::load_wave("presets/s.wave.json");
    let model = Model::from_wave(&wave).unwrap();
    let start = polish::improve(&model, &greedy::route(&model));
    let (after, report) = pooled(&model, &start, true, Tuning::default(), 60);
    let (built, moved) = (report.constructed, report.rounded);
    assert!(
        built.zip(moved).is_some_and(|(b, m)| b < 0.95 * m),
        "{}",
        report.note()
    );
    assert!(
        report.cost_after <= built.unwrap() + 1e-6,
        "{}",
        report.note()
    );
    assert_eq!(after.filled(&model), start.filled(&model));
    common::assert_allocation_checked(&wave, &model, after);
}
