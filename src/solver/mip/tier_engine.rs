//! The tier engine ([`crate::solver::tiers`]) as the optimizer's tier stages: its plan, its
//! stage figures and the rows that hold its fills for the cost stage.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use crate::format::StageStats;
use crate::model::Model;
use crate::solver::highs::run::relative_gap;
use crate::solver::plan_score;
use crate::solver::tiers::{self, TierLimits, TierPlan};
use crate::solver::tuning::Tuning;
use crate::solver::{Allocation, SolveOutcome};

/// Runs the engine until `deadline` (it stops earlier once every tier is proven).
pub fn run(
    model: &Model,
    greedy: &Allocation,
    deadline: Instant,
    cancel: &AtomicBool,
    threads: u32,
    tuning: &Tuning,
) -> TierPlan {
    tiers::solve(
        model,
        greedy,
        TierLimits {
            deadline,
            cancel,
            threads,
            rounds_share: tuning.tier_rounds_share,
            exact_seconds_per_column: tuning.tier_exact_seconds_per_column,
            lp_seconds_per_column: tuning.tier_lp_seconds_per_column,
            repair: tuning.tier_repair,
        },
    )
}

/// A `tier_flow` stage (the flow rounds: the engine's time outside its exact stages; no
/// objective or bound of its own), then one `tier:<name>` stage per tier: the fill as
/// objective, the proven bound, their gap, the exact stage's time and columns.
pub fn stages(model: &Model, plan: &TierPlan) -> Vec<StageStats> {
    let exact_ms: u64 = plan.stages.iter().map(|s| s.time_ms).sum();
    let flow = StageStats {
        name: "tier_flow".to_string(),
        status: "rounds".to_string(),
        objective: None,
        bound: None,
        gap: None,
        time_ms: plan.time_ms.saturating_sub(exact_ms),
        variables: plan.size.1 as u64,
        constraints: plan.size.0 as u64,
    };
    std::iter::once(flow)
        .chain(plan.stages.iter().map(|s| {
            StageStats {
                name: format!("tier:{}", model.tiers[s.tier].name),
                status: s.status.to_string(),
                objective: Some(s.fill as f64),
                bound: s.bound.map(|b| b as f64),
                gap: s
                    .bound
                    .map(|b| fill_gap(s.fill, b))
                    .filter(|g| g.is_finite()),
                time_ms: s.time_ms,
                variables: s.columns as u64,
                constraints: 0,
            }
        }))
        .collect()
}

/// `(bound − fill) / fill`, HiGHS's relative gap for a maximum; 0 when both are 0.
fn fill_gap(fill: i64, bound: i64) -> f64 {
    let diff = (bound - fill).max(0) as f64;
    if diff == 0.0 {
        0.0
    } else if fill > 0 {
        diff / fill as f64
    } else {
        f64::INFINITY
    }
}

/// The engine's note for the plan.
pub fn note(plan: &TierPlan) -> String {
    let proven = plan.stages.iter().filter(|s| s.proven()).count();
    format!(
        "tier engine: {proven} of {} tier fills proven by the flow relaxation ({} vertices, {} \
         arcs) and exact stages, {} flow round(s)",
        plan.stages.len(),
        plan.size.0,
        plan.size.1,
        plan.rounds,
    )
}

/// The finished plan topped up ([`tiers::top_up`]) until `deadline`: its cost and gap, the `tier:<name>` stages'
/// fills and gaps follow, and a note says what was added. Every stage bound stays valid: it
/// bounds the plans whose higher tiers fill at least the engine's fills, and topping up only
/// raises fills. The cost bound stays valid too: it is at most the cheapest cost of plans with
/// the search's units, and with every cost non-negative, more units never cost less.
pub fn top_up(model: &Model, outcome: &mut SolveOutcome, deadline: Instant, movers: usize) {
    let before = outcome.allocation.tier_fills(model);
    let topped = tiers::top_up::top_up(model, &outcome.allocation, Some(deadline), movers);
    let after = topped.plan.tier_fills(model);
    let stopped = if topped.finished {
        ""
    } else {
        " (stopped at its time limit before it tried every order)"
    };
    if after == before {
        if !topped.finished {
            outcome.notes.push(format!(
                "top-up after the cost search: nothing added{stopped}"
            ));
        }
        return;
    }
    let added: i64 = after.iter().sum::<i64>() - before.iter().sum::<i64>();
    outcome.allocation = topped.plan;
    outcome.gap = relative_gap(
        plan_score::score(model, &outcome.allocation).1,
        outcome.bound,
    );
    for (k, &fill) in after.iter().enumerate() {
        let name = format!("tier:{}", model.tiers[k].name);
        let Some(stage) = outcome.stages.iter_mut().find(|s| s.name == name) else {
            continue;
        };
        stage.objective = Some(fill as f64);
        if let Some(bound) = stage.bound {
            let bound = bound.round() as i64;
            debug_assert!(
                fill <= bound,
                "tier {k}: topped-up fill {fill} above bound {bound}"
            );
            if fill >= bound && stage.gap.is_some_and(|g| g > 0.0) {
                stage.status = "bound_met_after_top_up".to_string();
            }
            stage.gap = Some(fill_gap(fill, bound)).filter(|g| g.is_finite());
        }
    }
    outcome.notes.push(format!(
        "top-up after the cost search: {added} units the search had freed, tier fills {before:?} \
         -> {after:?}{stopped}"
    ));
}
