//! Nodes opened by the LP: a start for waves whose nodes carry a fixed cost.
//!
//! Moving one order at a time never saves a node's whole fixed cost, and the cover pool does
//! not price it, so on fixed-charge waves (the OR-Library's capacitated facility location) the
//! start keeps nodes open that a cheap plan closes. The last stage's LP relaxation, with its
//! disaggregated `y[t] ≤ w[n]` rows, is close to integral on such waves: the nodes it leaves
//! unused are closed (`w[n] = 0`), and the MIP over the nodes still open is small and quick.
//! Its plan becomes the start when it is cheaper; the last stage then searches the whole
//! program from it, so closing nodes here never costs the stage a plan or its bound.

use super::Runner;
use crate::format::StageStats;
use crate::solver::highs::program::{Program, StageModel};
use crate::solver::highs::run::{self as highs_run};

/// An LP value at or below this leaves the node closed.
const UNUSED: f64 = 1e-6;

impl Runner<'_> {
    /// The start, replaced by the MIP over the nodes the last stage's LP opens when that plan
    /// is cheaper under `stage`'s objective. Runs only for the optimizer's whole-wave stage
    /// ([`Runner::open_by_lp`]) when the start's fixed costs are at least
    /// `Tuning::lp_opening_min_fixed_share` of its cost, and its MIP only when the start pays a
    /// fixed cost at a node the LP leaves unused and the LP leaves at least half of the
    /// fixed-cost nodes unused; the LP, then the MIP, may each take `Tuning::lp_opening_share`
    /// of the time left. Pushes a note whenever its LP runs, and its stage figures
    /// (`lp_opening`) when its MIP runs.
    pub(super) fn opened_by_lp(
        &self,
        stage: &StageModel,
        start: Option<Vec<f64>>,
        (stages, notes): (&mut Vec<StageStats>, &mut Vec<String>),
    ) -> Option<Vec<f64>> {
        let current = start?;
        if !self.open_by_lp || !self.use_greedy {
            return Some(current);
        }
        let node_open = &self.layout.node_open;
        // The fixed costs the start pays, against its whole cost under this stage's objective.
        let fixed_paid: f64 = node_open
            .iter()
            .flatten()
            .filter(|&&w| current[w] > 0.5)
            .map(|&w| stage.objective[w])
            .sum();
        let before = Program::evaluate_dense(&stage.objective, &current);
        if fixed_paid <= 0.0 || fixed_paid < self.tuning.lp_opening_min_fixed_share * before {
            return Some(current);
        }
        let lp_settings = self.settings(self.tuning.lp_opening_share);
        let Some(lp) = highs_run::lp_solution(self.program, stage, lp_settings) else {
            notes.push("LP opening: the LP relaxation did not finish in its time".to_string());
            return Some(current);
        };
        let closed: Vec<bool> = node_open
            .iter()
            .map(|w| w.is_some_and(|w| lp.columns[w] <= UNUSED))
            .collect();
        let start_pays_closed = node_open
            .iter()
            .zip(&closed)
            .any(|(w, &c)| c && w.is_some_and(|w| current[w] > 0.5));
        let fixed_cost_nodes = node_open.iter().flatten().count();
        let closed_count = closed.iter().filter(|&&c| c).count();
        if !start_pays_closed || 2 * closed_count < fixed_cost_nodes {
            // The start already opens only nodes the LP uses, so closing saves it nothing; or
            // the LP keeps most nodes open, and the MIP over them is nearly the whole one: the
            // last stage would do that work again. The LP's time is spent all the same.
            notes.push(format!(
                "LP opening: {closed_count} of {fixed_cost_nodes} fixed-cost nodes unused in the \
                 LP ({:.2}); no MIP ran, as {}",
                lp.value,
                if closed_count == 0 {
                    "the LP uses every one"
                } else if start_pays_closed {
                    "the LP keeps most of them open"
                } else {
                    "the start opens only nodes the LP uses"
                }
            ));
            return Some(current);
        }
        // The closed nodes' columns at 0 themselves, not only through `y[t] ≤ w[n]`, so that
        // HiGHS's presolve drops them at once.
        let mut upper = stage
            .upper
            .clone()
            .unwrap_or_else(|| self.program.upper.clone());
        for w in node_open
            .iter()
            .zip(&closed)
            .filter_map(|(w, &c)| w.filter(|_| c))
        {
            upper[w] = 0.0;
        }
        for t in self.layout.triples.iter().filter(|t| closed[t.node]) {
            upper[t.y] = 0.0;
            for &(_, x) in &t.x {
                upper[x] = 0.0;
            }
        }
        let restricted = StageModel {
            upper: Some(upper),
            ..stage.clone()
        };
        let settings = self.settings(self.tuning.lp_opening_share);
        let r = highs_run::run(self.program, &restricted, settings, None);
        let cost = |v: &[f64]| Program::evaluate_dense(&stage.objective, v);
        let found = r.values.as_deref().map(cost);
        // HiGHS's bound here holds only over the open nodes: not one on the stage.
        let figures = self.stats("lp_opening", &r, r.objective, f64::INFINITY);
        stages.push(StageStats {
            gap: None,
            ..figures
        });
        notes.push(format!(
            "LP opening: {} of {} fixed-cost nodes unused in the LP ({:.2}) closed; \
             the MIP over the rest ({}) {}",
            closed_count,
            fixed_cost_nodes,
            lp.value,
            r.status,
            match found {
                Some(c) if c < before => format!("lowered the start's cost {before:.2} -> {c:.2}"),
                Some(c) => format!("found {c:.2}, no cheaper than the start's {before:.2}"),
                None => "found no plan".to_string(),
            }
        ));
        match (r.values, found) {
            (Some(v), Some(c)) if c < before => Some(v),
            _ => Some(current),
        }
    }
}
