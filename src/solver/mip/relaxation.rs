//! The LP-relaxation floor: the least objective any plan with the given tier fills can reach,
//! from the formulation with integrality dropped. Benchmarks quote `cost ÷ floor`, so the floor
//! must hold for every plan, however it was found. It is computed on the pruned candidate set:
//! pruning only drops columns no plan can use (nodes without the SKUs, ship-complete orders at
//! nodes that cannot hold them) or that another column of the same node beats on both cost and
//! ETA, so every plan maps onto a pruned plan with the same fills and no higher cost, and the
//! pruned LP's optimum is a floor for all of them.

use std::time::Instant;

use super::formulation::{self, weighted_objective, BuildFlags};
use crate::format::Allocation as AllocationMode;
use crate::model::Model;
use crate::solver::highs::program::{Row, StageModel};
use crate::solver::highs::run::{self as highs_run, Settings};

/// A floor that takes longer than this is reported as unknown rather than holding up a benchmark.
const LP_TIME_LIMIT_S: f64 = 120.0;

/// The LP floor and how long it took.
#[derive(Debug, Clone, Copy)]
pub struct Floor {
    pub value: f64,
    pub time_ms: u64,
}

/// Strict allocation: minimum cost subject to each tier filling at least `tier_fills[k]` units.
/// Weighted: minimum of cost plus unfilled penalties (the fills are free). `None` when HiGHS does
/// not prove the LP optimal (for instance, fills no LP can reach), or when the model is above
/// [`super::MAX_COLUMNS_FOR_TIER_STAGES`] columns and could not be solved within the cap anyway.
pub fn lp_floor(model: &Model, tier_fills: &[i64], threads: u32) -> Option<Floor> {
    let started = Instant::now();
    // M's LP (159k columns) already takes over a minute; far larger ones would only hit the cap.
    let limit = super::MAX_COLUMNS_FOR_TIER_STAGES;
    if formulation::column_estimate(model, limit) > limit {
        return None;
    }
    let flags = BuildFlags {
        prune: true,
        names: false,
    };
    let (program, layout) = formulation::build(model, flags);
    let stage = match model.policy.allocation {
        AllocationMode::Weighted => StageModel {
            objective: weighted_objective(model, &layout),
            extra_rows: Vec::new(),
            upper: None,
        },
        AllocationMode::Strict => StageModel {
            objective: layout.cost.clone(),
            extra_rows: (0..model.tiers.len())
                .filter(|&k| tier_fills.get(k).is_some_and(|&f| f > 0))
                .map(|k| {
                    let fill = layout.tier_fill(model, k);
                    Row::new(
                        format!("fill{k}"),
                        tier_fills[k] as f64,
                        f64::INFINITY,
                        fill,
                    )
                })
                .collect(),
            upper: None,
        },
    };
    let settings = Settings {
        time_limit_s: LP_TIME_LIMIT_S,
        mip_gap: 0.0,
        threads,
        cancel: None,
        max_nodes: None,
    };
    let value = highs_run::lp_relaxation(&program, &stage, settings)?;
    Some(Floor {
        value,
        time_ms: started.elapsed().as_millis() as u64,
    })
}
