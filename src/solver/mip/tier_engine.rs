//! The tier engine ([`crate::solver::tiers`]) as the optimizer's tier stages: its plan, its
//! stage figures and the rows that hold its fills for the cost stage.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use crate::format::StageStats;
use crate::model::Model;
use crate::solver::tiers::{self, TierLimits, TierPlan};
use crate::solver::tuning::Tuning;
use crate::solver::Allocation;

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
