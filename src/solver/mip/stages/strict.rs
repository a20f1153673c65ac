//! The strict policy's stages: the tier engine's proven fills (or, for the naive reference and
//! FIFO tiers, one MIP stage per tier), then the cost stage with every fill held.

use std::time::Instant;

use super::{unproven, Runner, StageOutcome};
use crate::format::{StageStats, WithinTier};
use crate::solver::highs::program::{ColId, Program, Row, StageModel};
use crate::solver::highs::run::{self as highs_run, RunResult};
use crate::solver::highs::RunStatus;
use crate::solver::mip::formulation::fifo_weights;
use crate::solver::mip::{solution, tier_engine};
use crate::solver::{greedy, Allocation};

impl Runner<'_> {
    /// Trivial upper bound on a tier's fill: each line capped by the stock its candidates hold.
    fn tier_upper_bound(&self, tier: usize) -> i64 {
        let m = self.model;
        let mut total = 0;
        for (oi, o) in m.orders.iter().enumerate() {
            if o.tier != tier || self.layout.triples_of_order[oi].is_empty() {
                continue;
            }
            for l in &o.lines {
                let mut nodes: Vec<usize> = self.layout.triples_of_order[oi]
                    .iter()
                    .map(|&t| self.layout.triples[t].node)
                    .collect();
                nodes.dedup();
                let stock: i64 = nodes.iter().map(|&n| m.available(n, l.sku)).sum();
                total += l.qty.min(stock);
            }
        }
        total
    }

    pub(super) fn strict(&self) -> StageOutcome {
        let m = self.model;
        let tiers = m.tiers.len();
        let greedy_fills = solution::tier_fills(m, self.greedy);
        let mut fixed: Vec<Row> = Vec::new();
        let mut stages = Vec::new();
        let mut notes = Vec::new();
        let mut proven = true;
        let mut greedy_matches = self.use_greedy;
        let mut incumbent: Option<Vec<f64>> = None;
        // The tier engine proves the fills of cost-ordered tiers; the naive reference and FIFO
        // tiers (whose age weighting the engine does not hold) take the MIP stages below.
        let engine = (self.use_greedy && m.policy.within_tier == WithinTier::Cost).then(|| {
            let left = self.deadline.saturating_duration_since(Instant::now());
            let deadline = Instant::now() + left.mul_f64(self.tuning.staged_tier_engine_share);
            tier_engine::run(
                m,
                self.greedy,
                deadline,
                self.cancel,
                self.threads,
                self.tuning,
            )
        });
        if let Some(plan) = &engine {
            stages.extend(tier_engine::stages(m, plan));
            notes.push(tier_engine::note(plan));
            for s in &plan.stages {
                let fill = self.layout.tier_fill(m, s.tier);
                let name = &m.tiers[s.tier].name;
                fixed.push(at_least(&fill, s.fill as f64, format!("tier[{name}]")));
            }
            proven = plan.proven();
            greedy_matches = plan.fills() == greedy_fills;
            incumbent = self.greedy_start(&plan.allocation);
        }
        let mip_tiers = if engine.is_some() { 0 } else { tiers };
        #[allow(clippy::needless_range_loop)] // k is the tier rank, used well beyond indexing
        for k in 0..mip_tiers {
            let name = &m.tiers[k].name;
            let fill = self.layout.tier_fill(m, k);
            if fill.is_empty() {
                continue;
            }
            let upper_bound = self.tier_upper_bound(k);
            if greedy_matches && greedy_fills[k] == upper_bound {
                fixed.push(at_least(
                    &fill,
                    greedy_fills[k] as f64,
                    format!("tier[{name}]"),
                ));
                stages.push(StageStats {
                    name: format!("tier:{name}"),
                    status: "bound_met_by_greedy".to_string(),
                    objective: Some(greedy_fills[k] as f64),
                    bound: Some(upper_bound as f64),
                    gap: Some(0.0),
                    time_ms: 0,
                    variables: 0,
                    constraints: 0,
                });
                continue;
            }
            let upper = self.upper_without_tiers_below(k);
            let stage = StageModel {
                objective: negated(&fill, self.program.num_cols()),
                extra_rows: fixed.clone(),
                upper: Some(upper.clone()),
            };
            let start = match &incumbent {
                Some(values) => {
                    let kept = self.repaired(zero_tiers_below(values, &upper));
                    let base = solution::allocation_from_values(m, self.layout, &kept);
                    let extended = greedy::extend(m, &base, k);
                    self.greedy_start(&extended).or(Some(kept))
                }
                None => self.greedy_start(&self.restricted_greedy(k)),
            };
            let stages_left = (tiers - k) as f64 + 1.0;
            let stage_started = Instant::now();
            let mut r =
                match self.start_meets_lp_bound(&stage, &fill, start.as_deref(), stages_left) {
                    Some(proven) => proven,
                    None => highs_run::run(
                        self.program,
                        &stage,
                        self.settings(1.0 / stages_left),
                        start.as_deref(),
                    ),
                };
            // The stage's time includes its LP attempt.
            r.time_ms = stage_started.elapsed().as_millis() as u64;
            let Some(values) = r.values.clone() else {
                notes.push(format!(
                    "stage tier:{name} found no solution ({})",
                    r.status
                ));
                return self.failed(stages, notes, stage);
            };
            let achieved = Program::evaluate(&fill, &values).round();
            stages.push(self.stats(&format!("tier:{name}"), &r, achieved, -r.bound));
            proven &= r.proven;
            greedy_matches &= greedy_fills[k] as f64 == achieved;
            fixed.push(at_least(&fill, achieved, format!("tier[{name}]")));
            let mut values = values;
            if m.policy.within_tier == WithinTier::Fifo {
                let weights = fifo_weights(m, self.layout, k);
                let stage = StageModel {
                    objective: negated(&weights, self.program.num_cols()),
                    extra_rows: fixed.clone(),
                    upper: Some(upper),
                };
                let r = highs_run::run(
                    self.program,
                    &stage,
                    self.settings(1.0 / stages_left),
                    Some(&values),
                );
                if let Some(v) = r.values.clone() {
                    let achieved = Program::evaluate(&weights, &v).round();
                    stages.push(self.stats(&format!("fifo:{name}"), &r, achieved, -r.bound));
                    proven &= r.proven;
                    greedy_matches = false;
                    fixed.push(at_least(&weights, achieved, format!("fifo[{name}]")));
                    values = v;
                } else {
                    proven = false;
                    notes.push(format!(
                        "stage fifo:{name} found no solution ({})",
                        r.status
                    ));
                }
            }
            incumbent = Some(values);
        }

        let stage = StageModel {
            objective: self.layout.cost.clone(),
            extra_rows: fixed,
            upper: None,
        };
        let mut start = incumbent;
        if greedy_matches {
            let greedy = self.greedy_start(self.greedy);
            start = cheaper(&self.layout.cost, start, greedy);
        }
        let start = start.map(|v| self.repaired(v));
        let start = self.last_stage_start(&stage, start, (&mut stages, &mut notes));
        let last = (&mut stages, &mut notes);
        let r = self.run_last_stage("cost", &stage, start.as_deref(), last);
        let (values, gap) = match (r.values, start) {
            (Some(v), _) => (Some(v), r.gap),
            // No better plan in time: the incumbent from the tier stages holds every tier's fill.
            (None, Some(start)) => {
                notes.push(format!(
                    "cost stage found no better plan ({}): keeping the tier stages' incumbent",
                    r.status
                ));
                let cost = Program::evaluate_dense(&self.layout.cost, &start);
                (Some(start), highs_run::relative_gap(cost, r.bound))
            }
            (None, None) => {
                notes.push(format!("cost stage found no solution ({})", r.status));
                return self.failed(stages, notes, stage);
            }
        };
        StageOutcome {
            proven: proven && r.proven,
            bound: if r.bound.is_finite() { r.bound } else { 0.0 },
            gap,
            values,
            stages,
            notes,
            final_stage: stage,
        }
    }

    /// When the start's fill already equals the floor of the stage's LP bound, the start is
    /// optimal (fills are integers) and the MIP need not run. Only for the optimizer, not for the
    /// naive reference.
    fn start_meets_lp_bound(
        &self,
        stage: &StageModel,
        fill: &[(ColId, f64)],
        start: Option<&[f64]>,
        stages_left: f64,
    ) -> Option<RunResult> {
        let start = start.filter(|_| self.use_greedy)?;
        let started = Instant::now();
        let start_fill = Program::evaluate(fill, start).round();
        let lp = -highs_run::lp_relaxation(self.program, stage, self.settings(0.5 / stages_left))?;
        let bound = (lp + 1e-6).floor();
        (start_fill >= bound).then(|| RunResult {
            status: RunStatus::LpBoundMetByStart,
            proven: true,
            objective: -start_fill,
            bound: -bound,
            gap: 0.0,
            values: Some(start.to_vec()),
            time_ms: started.elapsed().as_millis() as u64,
        })
    }

    fn failed(
        &self,
        stages: Vec<StageStats>,
        notes: Vec<String>,
        stage: StageModel,
    ) -> StageOutcome {
        unproven(None, stages, notes, stage)
    }

    /// The program's upper bounds with every column of orders in tiers below `k` set to 0.
    fn upper_without_tiers_below(&self, k: usize) -> Vec<f64> {
        let mut upper = self.program.upper.clone();
        for t in &self.layout.triples {
            if self.model.orders[t.order].tier > k {
                upper[t.y] = 0.0;
                for &(_, col) in &t.x {
                    upper[col] = 0.0;
                }
            }
        }
        for (oi, a) in self.layout.fill_or_kill.iter().enumerate() {
            if let Some(a) = *a {
                if self.model.orders[oi].tier > k {
                    upper[a] = 0.0;
                }
            }
        }
        upper
    }

    /// The greedy plan's shipments for tiers up to `k` (feasible on its own: greedy serves
    /// higher tiers first).
    fn restricted_greedy(&self, k: usize) -> Allocation {
        Allocation {
            shipments: self
                .greedy
                .shipments
                .iter()
                .filter(|s| self.model.orders[s.order].tier <= k)
                .cloned()
                .collect(),
        }
    }
}

/// `Σ expr ≥ value − ½`: exact for integer-valued expressions, immune to rounding.
fn at_least(expr: &[(ColId, f64)], value: f64, name: String) -> Row {
    Row::new(name, value - 0.5, f64::INFINITY, expr.to_vec())
}

fn negated(expr: &[(ColId, f64)], cols: usize) -> Vec<f64> {
    let mut c = vec![0.0; cols];
    for &(col, a) in expr {
        c[col] -= a;
    }
    c
}

fn zero_tiers_below(values: &[f64], upper: &[f64]) -> Vec<f64> {
    values.iter().zip(upper).map(|(&v, &u)| v.min(u)).collect()
}

fn cheaper(cost: &[f64], a: Option<Vec<f64>>, b: Option<Vec<f64>>) -> Option<Vec<f64>> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let cheaper_b = Program::evaluate_dense(cost, &b) < Program::evaluate_dense(cost, &a);
            Some(if cheaper_b { b } else { a })
        }
        (a, b) => a.or(b),
    }
}
