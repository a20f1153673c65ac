//! The allocation policies as a sequence of MIP stages over one program.
//!
//! `strict` with `within_tier: cost`: the tier engine ([`crate::solver::tiers`]) proves the
//! fills, which the cost stage holds. The naive reference and FIFO tiers take the MIP stages:
//! for each tier k (highest first) maximise the units filled for tier k with lower
//! tiers switched off and higher tiers held at their proven fills (`fill_j ≥ F_j − ½`, exact for
//! integer fills, so rounding can never make a later stage infeasible); with `within_tier:
//! fifo`, a second stage per tier maximises the age-weighted fill at that level; finally minimise
//! cost with every tier held. Each stage starts from the previous stage's solution, which is
//! feasible for it by construction. A stage is skipped (and counted as proven) when the greedy
//! plan already reaches the trivial upper bound on that tier's fill.
//!
//! `weighted`: one stage minimising cost plus unfilled penalties, started from the greedy plan.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::formulation::{weighted_objective, Layout};
use super::pool;
pub use super::relaxed_bounds::CostRelaxations;
use super::{relaxed_bounds, solution};
use crate::format::{Allocation as AllocationMode, StageStats};
use crate::model::Model;
use crate::solver::highs::program::{Program, StageModel};
use crate::solver::highs::run::{self as highs_run, RunResult, Settings};
use crate::solver::tuning::Tuning;
use crate::solver::{polish, Allocation};

mod opening;
mod strict;

pub struct StageOutcome {
    pub values: Option<Vec<f64>>,
    pub proven: bool,
    pub bound: f64,
    pub gap: f64,
    pub stages: Vec<StageStats>,
    pub notes: Vec<String>,
    /// The last stage's model (objective and fixing rows), for export.
    pub final_stage: StageModel,
}

pub struct Runner<'a> {
    pub model: &'a Model,
    pub program: &'a Program,
    pub layout: &'a Layout,
    pub deadline: Instant,
    pub mip_gap: f64,
    pub threads: u32,
    pub greedy: &'a Allocation,
    /// Whether greedy may be used to skip stages and as a start (the naive reference does not).
    pub use_greedy: bool,
    /// Set from outside to stop: every stage then gets no time and keeps its incumbent.
    pub cancel: &'a AtomicBool,
    /// Branch-and-bound node limit per stage (the neighbourhood search's sub-problems).
    pub max_nodes: Option<i32>,
    /// Whether the cost stage's start is also re-chosen by the cover pool ([`pool`]) within
    /// [`Tuning::one_mip_pool_share`] of the time left (the whole wave's cost stage; not the
    /// search's rounds).
    pub cover_pool: bool,
    /// Whether the last stage's start is also re-chosen over the nodes its LP opens
    /// ([`opening`], on waves with node fixed costs) within [`Tuning::lp_opening_share`] of the
    /// time left (the whole wave's last stage; not the search's rounds).
    pub open_by_lp: bool,
    /// Whether, and how, the last stage's bound (strict: cost; weighted: the only stage) also
    /// comes from the relaxations.
    pub cost_relaxations: CostRelaxations,
    pub tuning: &'a Tuning,
}

impl Runner<'_> {
    fn seconds_left(&self) -> f64 {
        if self.cancel.load(Ordering::Relaxed) {
            return 0.0;
        }
        self.deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64()
    }

    fn settings(&self, share: f64) -> Settings<'_> {
        Settings {
            time_limit_s: (self.seconds_left() * share).max(0.05),
            mip_gap: self.mip_gap,
            threads: self.threads,
            cancel: Some(self.cancel),
            max_nodes: self.max_nodes,
        }
    }

    fn greedy_start(&self, allocation: &Allocation) -> Option<Vec<f64>> {
        if !self.use_greedy {
            return None;
        }
        solution::start_from_allocation(self.model, self.program, self.layout, allocation)
    }

    /// A start HiGHS will accept: integer columns rounded, auxiliaries recomputed from them.
    fn repaired(&self, mut values: Vec<f64>) -> Vec<f64> {
        for (v, &integer) in values.iter_mut().zip(&self.program.integer) {
            if integer {
                *v = v.round();
            }
        }
        solution::complete_auxiliaries(self.model, self.layout, &mut values);
        values
    }

    /// The last stage's start: `start` polished ([`Self::polished`], with the cover pool), then
    /// re-chosen over the nodes the stage's LP opens ([`Self::opened_by_lp`]); their stages and
    /// notes are pushed in that order.
    fn last_stage_start(
        &self,
        stage: &StageModel,
        start: Option<Vec<f64>>,
        (stages, notes): (&mut Vec<StageStats>, &mut Vec<String>),
    ) -> Option<Vec<f64>> {
        let (start, pooled) = start.map(|v| self.polished(v)).unzip();
        if let Some(pool) = pooled.flatten() {
            notes.push(pool.note());
            stages.push(pool.stage());
        }
        self.opened_by_lp(stage, start, (stages, notes))
    }

    /// The start with orders reassigned and nodes closed where cheaper ([`polish::improve`]); fills
    /// per order are kept, so every earlier stage's row still holds. Not for the naive reference.
    /// With the cover pool, also returns its report.
    fn polished(&self, values: Vec<f64>) -> (Vec<f64>, Option<pool::PoolReport>) {
        if !self.use_greedy {
            return (values, None);
        }
        let mut pooled = None;
        let allocation = solution::allocation_from_values(self.model, self.layout, &values);
        let mut polished = polish::improve(self.model, &allocation);
        if self.cover_pool {
            let left = self.deadline.saturating_duration_since(Instant::now());
            // The cost stage that follows re-decides which lines get the units; the pool's
            // master MIP with lines held is the easier one (S at 10 s: 8,383 against 8,643).
            let limits = pool::PoolLimits {
                tuning: *self.tuning,
                hold_lines: true,
                deadline: Instant::now() + left.mul_f64(self.tuning.one_mip_pool_share),
                threads: self.threads,
                cancel: self.cancel,
            };
            let (plan, report) = pool::improve(self.model, &polished, &limits);
            pooled = Some(report);
            polished = plan;
        }
        match solution::start_from_allocation(self.model, self.program, self.layout, &polished) {
            Some(v)
                if Program::evaluate_dense(&self.layout.cost, &v)
                    < Program::evaluate_dense(&self.layout.cost, &values) =>
            {
                (v, pooled)
            }
            _ => (values, pooled),
        }
    }

    pub fn run(&self) -> StageOutcome {
        match self.model.policy.allocation {
            AllocationMode::Weighted => self.weighted(),
            AllocationMode::Strict => self.strict(),
        }
    }

    /// The last stage (strict: cost; weighted: the only one) from `start`, named `name` in
    /// `stages`, with the relaxations beside or before it as [`Runner::cost_relaxations`] says
    /// (none without a start or when off): when HiGHS does not prove the stage, its bound is
    /// raised to theirs and their stages and note follow its own. The relaxations bound the
    /// policy's objective: cost under strict (with the fills held), cost plus unfilled penalties
    /// under weighted, which is the weighted stage's objective.
    fn run_last_stage(
        &self,
        name: &str,
        stage: &StageModel,
        start: Option<&[f64]>,
        (stages, notes): (&mut Vec<StageStats>, &mut Vec<String>),
    ) -> RunResult {
        let run = || highs_run::run(self.program, stage, self.settings(1.0), start);
        let with = (self.model, self.layout, self.deadline, self.tuning);
        let (mut r, relaxed) = match (start, self.cost_relaxations) {
            (Some(plan), CostRelaxations::Beside) => {
                relaxed_bounds::beside_cost_stage(with, plan, run)
            }
            (Some(plan), CostRelaxations::Before) => {
                let relaxed = relaxed_bounds::before_cost_stage(with, plan, self.cancel);
                (run(), Some(relaxed))
            }
            _ => (run(), None),
        };
        stages.push(self.stats(name, &r, r.objective, r.bound));
        let shared = (self.model, self.layout);
        relaxed_bounds::raise_to_relaxations(shared, &mut r, start, relaxed, (stages, notes));
        r
    }

    fn weighted(&self) -> StageOutcome {
        let stage = StageModel {
            objective: weighted_objective(self.model, self.layout),
            extra_rows: Vec::new(),
            upper: None,
        };
        let mut notes = Vec::new();
        let mut stages = Vec::new();
        let greedy = self.greedy_start(self.greedy);
        let start = self.last_stage_start(&stage, greedy, (&mut stages, &mut notes));
        let last = (&mut stages, &mut notes);
        let r = self.run_last_stage("weighted", &stage, start.as_deref(), last);
        let (values, gap) = match (r.values, start) {
            (Some(v), _) => (Some(v), r.gap),
            (None, start) => {
                notes.push(format!("weighted stage found no solution ({})", r.status));
                (start, f64::INFINITY)
            }
        };
        StageOutcome {
            proven: r.proven,
            bound: if r.bound.is_finite() { r.bound } else { 0.0 },
            gap,
            values,
            stages,
            notes,
            final_stage: stage,
        }
    }

    fn stats(&self, name: &str, r: &RunResult, objective: f64, bound: f64) -> StageStats {
        let finite = |v: f64| (r.values.is_some() && v.is_finite()).then_some(v);
        StageStats {
            name: name.to_string(),
            status: r.status.to_string(),
            objective: finite(objective),
            bound: bound.is_finite().then_some(bound),
            gap: (r.values.is_some() && r.gap.is_finite()).then_some(r.gap),
            time_ms: r.time_ms,
            variables: self.program.num_cols() as u64,
            constraints: self.program.rows.len() as u64,
        }
    }
}

/// An outcome that proves nothing: the given values (if any), no bound.
fn unproven(
    values: Option<Vec<f64>>,
    stages: Vec<StageStats>,
    notes: Vec<String>,
    stage: StageModel,
) -> StageOutcome {
    StageOutcome {
        values,
        proven: false,
        bound: 0.0,
        gap: f64::INFINITY,
        stages,
        notes,
        final_stage: stage,
    }
}
