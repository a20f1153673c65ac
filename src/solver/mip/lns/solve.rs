//! One round's exact solve on its residual model, in either mode.

use std::time::{Duration, Instant};

use super::Limits;
use crate::model::Model;
use crate::solver::highs::program::{ColId, Program, Row, StageModel};
use crate::solver::highs::run::{self as highs_run, Settings};
use crate::solver::mip::formulation::{self, BuildFlags};
use crate::solver::mip::{solution, stages};
use crate::solver::Allocation;

/// A round's deadline: a quarter of the time left, capped (never past the overall deadline).
fn round_deadline(limits: &Limits) -> Instant {
    let left = limits.deadline.saturating_duration_since(Instant::now());
    Instant::now()
        + left
            .mul_f64(0.25)
            .clamp(Duration::from_millis(500), limits.tuning.lns_round_time_cap)
            .min(left)
}

/// The pruned program of a residual model.
fn residual_program(model: &Model) -> (Program, formulation::Layout) {
    let flags = BuildFlags {
        prune: true,
        names: false,
    };
    formulation::build(model, flags)
}

/// Minimum cost for the residual orders with each line filled exactly as in `start`.
pub(super) fn reroute_residual(
    model: &Model,
    start: &Allocation,
    limits: &Limits,
) -> (Option<Allocation>, bool) {
    let (program, layout) = residual_program(model);
    let Some(start_values) = solution::start_from_allocation(model, &program, &layout, start)
    else {
        return (None, false);
    };
    let filled = start.filled(model);
    let mut line_terms: Vec<Vec<Vec<(ColId, f64)>>> = model
        .orders
        .iter()
        .map(|o| vec![Vec::new(); o.lines.len()])
        .collect();
    for t in &layout.triples {
        let o = &model.orders[t.order];
        if o.ship_complete {
            for (li, l) in o.lines.iter().enumerate() {
                line_terms[t.order][li].push((t.y, l.qty as f64));
            }
        } else {
            for &(li, col) in &t.x {
                line_terms[t.order][li].push((col, 1.0));
            }
        }
    }
    let mut extra_rows = Vec::new();
    for (o, lines) in line_terms.into_iter().enumerate() {
        for (li, terms) in lines.into_iter().enumerate() {
            let f = filled[o][li] as f64;
            extra_rows.push(Row::new(format!("held[{o},{li}]"), f, f, terms));
        }
    }
    let stage = StageModel {
        objective: match model.policy.allocation {
            crate::format::Allocation::Strict => layout.cost.clone(),
            crate::format::Allocation::Weighted => formulation::weighted_objective(model, &layout),
        },
        extra_rows,
        upper: None,
    };
    let deadline = round_deadline(limits);
    let settings = Settings {
        time_limit_s: deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64(),
        mip_gap: limits.mip_gap.max(limits.tuning.lns_round_gap),
        threads: limits.threads,
        cancel: Some(limits.cancel),
        max_nodes: Some(limits.tuning.lns_nodes_per_stage),
    };
    let r = highs_run::run(&program, &stage, settings, Some(&start_values));
    let allocation = r
        .values
        .as_ref()
        .map(|v| solution::allocation_from_values(model, &layout, v));
    (allocation, r.proven)
}

/// The staged MIP on a residual model, started from the orders' current plan.
pub(super) fn solve_residual(
    model: &Model,
    start: &Allocation,
    limits: &Limits,
) -> (Option<Allocation>, bool) {
    let (program, layout) = residual_program(model);
    let runner = stages::Runner {
        model,
        program: &program,
        layout: &layout,
        deadline: round_deadline(limits),
        mip_gap: limits.mip_gap.max(limits.tuning.lns_round_gap),
        threads: limits.threads,
        greedy: start,
        use_greedy: true,
        cancel: limits.cancel,
        max_nodes: Some(limits.tuning.lns_nodes_per_stage),
        cover_pool: false,
        open_by_lp: false,
        cost_relaxations: stages::CostRelaxations::Off,
        tuning: &limits.tuning,
    };
    let outcome = runner.run();
    if std::env::var_os("WAVEOPT_LNS_LOG").is_some() {
        // Debugging aid: one line per round on stderr.
        let stages: Vec<String> = outcome
            .stages
            .iter()
            .map(|s| format!("{}:{}:{}ms", s.name, s.status, s.time_ms))
            .collect();
        eprintln!(
            "lns round: {} orders, {} cols, {} rows, proven {}, {}",
            model.orders.len(),
            program.num_cols(),
            program.rows.len(),
            outcome.proven,
            stages.join(" ")
        );
    }
    let allocation = outcome
        .values
        .as_ref()
        .map(|v| solution::allocation_from_values(model, &layout, v));
    (allocation, outcome.proven)
}
