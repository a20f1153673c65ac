//! The naive reference (`--engine naive`): the plain monolithic MIP a planner would write from
//! SPEC.md, in good_lp, solved by HiGHS stage after stage. It is the baseline the optimizer is
//! measured against, and an independent check of it: it shares no model code with
//! `src/solver/mip` (the property test `tests/solver_properties.rs` holds the two to the same
//! proven optimum). `models/naive.md` has the model in math.
//!
//! The pipeline: candidates → (strict) one stage per tier maximising its units with the higher
//! tiers held, and with `within_tier: fifo` one more maximising its age-weighted units → the cost
//! stage with every result held; (weighted) one stage, cost plus unfilled penalties → the plan.

pub mod program;
pub mod run;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::format::{Allocation as AllocationMode, Options, PlanStatus, StageStats, WithinTier};
use crate::model::Model;
use crate::solver::highs::RunStatus;
use crate::solver::{greedy, Allocation, ShipmentDecision, SolveOutcome};
use program::{Candidate, Goal, Held};
use run::{StageLimits, StageResult};

/// Above this many columns (candidates × (1 + lines)) the model is not built: the greedy plan
/// comes back with a note, so a benchmark of a large preset still completes.
pub const MAX_COLUMNS: usize = 2_000_000;

/// Solves the wave with the naive model within `deadline`; stops between stages once `cancel`
/// is set.
pub fn solve(
    model: &Model,
    options: &Options,
    deadline: Instant,
    cancel: &AtomicBool,
) -> SolveOutcome {
    let candidates = program::candidates(model);
    let columns: usize = candidates
        .iter()
        .map(|c| 1 + model.orders[c.order].lines.len())
        .sum();
    if columns > MAX_COLUMNS {
        let mut outcome = greedy::solve(model);
        outcome.engine = "naive";
        outcome.notes.push(format!(
            "the naive model would have {columns} columns, above the {MAX_COLUMNS} it is built \
             for: not built, greedy plan returned"
        ));
        return outcome;
    }
    let mut stages = Stages {
        model,
        candidates: &candidates,
        deadline,
        cancel,
        limits: StageLimits {
            time_limit_s: 0.0,
            mip_gap: options.mip_gap,
            threads: crate::solver::highs::threads::threads_for(options),
        },
        held: Held {
            fills: vec![None; model.tiers.len()],
            fifo: vec![None; model.tiers.len()],
        },
        stats: Vec::new(),
        notes: Vec::new(),
        incumbent: None,
        proven: true,
        size: (0, 0),
    };
    let last = stages.run_all();
    stages.finish(last)
}

struct Stages<'a> {
    model: &'a Model,
    candidates: &'a [Candidate],
    deadline: Instant,
    cancel: &'a AtomicBool,
    limits: StageLimits,
    held: Held,
    stats: Vec<StageStats>,
    notes: Vec<String>,
    /// The plan of the last stage that found one.
    incumbent: Option<Allocation>,
    /// Whether every stage so far was proven.
    proven: bool,
    /// Columns and rows of the last stage built.
    size: (usize, usize),
}

impl Stages<'_> {
    /// The stages the policy asks for, in order.
    fn goals(&self) -> Vec<Goal> {
        let policy = &self.model.policy;
        if policy.allocation == AllocationMode::Weighted {
            return vec![Goal::Weighted];
        }
        let mut goals = Vec::new();
        for k in 0..self.model.tiers.len() {
            goals.push(Goal::TierFill(k));
            if policy.within_tier == WithinTier::Fifo {
                goals.push(Goal::Fifo(k));
            }
        }
        goals.push(Goal::Cost);
        goals
    }

    /// Runs every stage; returns the last one's result (the cost or weighted stage).
    fn run_all(&mut self) -> Option<StageResult> {
        let goals = self.goals();
        let mut last = None;
        for (i, &goal) in goals.iter().enumerate() {
            if self.cancel.load(Ordering::Relaxed) {
                self.notes
                    .push("solve cancelled: later stages not run".to_string());
                self.proven = false;
                return None;
            }
            if Instant::now() >= self.deadline && self.incumbent.is_some() {
                self.notes.push(format!(
                    "no time left for stage {} and those after it: the last plan is kept",
                    stage_name(self.model, goal)
                ));
                self.proven = false;
                return None;
            }
            // Each stage starts from the last plan, which every result held so far keeps.
            let start = self.incumbent.as_ref().filter(|_| goal != Goal::Weighted);
            let building = Instant::now();
            let built = program::build(self.model, self.candidates, goal, &self.held, start);
            self.size = (built.columns, built.rows);
            // The time left once the model is built (at M, building takes seconds), less as
            // long again for each stage after this one to build its own, shared equally by the
            // stages still to run.
            let later = (goals.len() - i - 1) as f64;
            let left = self
                .deadline
                .saturating_duration_since(Instant::now())
                .as_secs_f64()
                - building.elapsed().as_secs_f64() * later;
            self.limits.time_limit_s = left.max(0.0) / (goals.len() - i) as f64;
            let units = built.units.clone();
            let mut result = run::run(built, self.limits);
            if result.status == RunStatus::Inconsistent {
                // HiGHS #3510 (a start that presolve changes): solve again without the start.
                let left = self.deadline.saturating_duration_since(Instant::now());
                let limits = StageLimits {
                    time_limit_s: left.as_secs_f64() / (goals.len() - i) as f64,
                    ..self.limits
                };
                let built = program::build(self.model, self.candidates, goal, &self.held, None);
                let again = run::run(built, limits);
                if again.values.is_some() {
                    result = again;
                }
            }
            self.record(goal, &result);
            if let Some(values) = &result.values {
                let plan = allocation(self.candidates, &units, values);
                self.hold(goal, &plan);
                self.incumbent = Some(plan);
            } else {
                self.notes.push(format!(
                    "stage {} found no solution ({}): later stages keep the last plan",
                    stage_name(self.model, goal),
                    result.status
                ));
                // What the last plan achieves is what later stages must keep.
                let plan = self.incumbent.clone().unwrap_or_default();
                self.hold(goal, &plan);
            }
            last = Some(result);
        }
        last
    }

    /// Holds what `plan` achieves for `goal` in every later stage.
    fn hold(&mut self, goal: Goal, plan: &Allocation) {
        match goal {
            Goal::TierFill(k) => {
                self.held.fills[k] = Some(plan.tier_fills(self.model)[k] as f64);
            }
            Goal::Fifo(k) => {
                let weights = program::fifo_weights(self.model, self.candidates, k);
                let weighted: f64 = plan
                    .shipments
                    .iter()
                    .filter(|s| self.model.orders[s.order].tier == k)
                    .map(|s| weights[s.order] * s.units() as f64)
                    .sum();
                self.held.fifo[k] = Some(weighted);
            }
            Goal::Cost | Goal::Weighted => {}
        }
    }

    fn record(&mut self, goal: Goal, r: &StageResult) {
        self.proven &= r.proven;
        let finite = |v: f64| v.is_finite().then_some(v);
        self.stats.push(StageStats {
            name: stage_name(self.model, goal),
            status: r.status.to_string(),
            objective: finite(r.objective),
            bound: finite(r.bound),
            gap: finite(r.gap).filter(|_| r.values.is_some()),
            time_ms: r.time_ms,
            variables: self.size.0 as u64,
            constraints: self.size.1 as u64,
        });
    }

    fn finish(mut self, last: Option<StageResult>) -> SolveOutcome {
        let allocation = match self.incumbent.take() {
            Some(plan) => plan,
            None => {
                self.notes.push(
                    "the naive model found no solution in time: returning the greedy plan"
                        .to_string(),
                );
                self.proven = false;
                greedy::route(self.model)
            }
        };
        let (bound, gap) = match &last {
            Some(r) if r.bound.is_finite() => (r.bound, r.gap),
            _ => {
                self.notes
                    .push("HiGHS reported no bound for the last stage".to_string());
                (0.0, f64::INFINITY)
            }
        };
        SolveOutcome {
            allocation,
            status: if self.proven {
                PlanStatus::Optimal
            } else {
                PlanStatus::Feasible
            },
            bound,
            gap,
            engine: "naive",
            stages: self.stats,
            variables: self.size.0 as u64,
            constraints: self.size.1 as u64,
            components: crate::model::components::count(self.model) as u64,
            notes: self.notes,
        }
    }
}

/// `tier:<name>`, `fifo:<name>`, `cost` or `weighted`, as the optimizer names its stages.
fn stage_name(model: &Model, goal: Goal) -> String {
    match goal {
        Goal::TierFill(k) => format!("tier:{}", model.tiers[k].name),
        Goal::Fifo(k) => format!("fifo:{}", model.tiers[k].name),
        Goal::Cost => "cost".to_string(),
        Goal::Weighted => "weighted".to_string(),
    }
}

/// The shipments in a stage's column values: every candidate with units, lines rounded.
fn allocation(
    candidates: &[Candidate],
    units: &[Vec<(usize, usize)>],
    values: &[f64],
) -> Allocation {
    let shipments = candidates
        .iter()
        .zip(units)
        .filter_map(|(c, lines)| {
            let lines: Vec<(usize, i64)> = lines
                .iter()
                .map(|&(l, col)| (l, values[col].round() as i64))
                .filter(|&(_, q)| q > 0)
                .collect();
            (!lines.is_empty()).then_some(ShipmentDecision {
                order: c.order,
                node: c.node,
                method: c.method,
                lines,
            })
        })
        .collect();
    let mut plan = Allocation { shipments };
    plan.normalise();
    plan
}
