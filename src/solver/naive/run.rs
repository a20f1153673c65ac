//! One stage of the naive model through good_lp's HiGHS backend. good_lp's own `solve()` reports
//! neither the objective, nor the dual bound, nor the gap, so the problem good_lp built is taken
//! as HiGHS's model (`HighsProblem::try_into_inner`) and those figures are read from HiGHS.

use super::program::Built;
use crate::solver::highs::run::relative_gap;
use crate::solver::highs::threads::use_threads;
use crate::solver::highs::{has_feasible_solution, RunStatus};

/// HiGHS's random seed, fixed so that the same model gives the same answer.
const SEED: i32 = 20_261_126;

/// How a stage may run.
#[derive(Debug, Clone, Copy)]
pub struct StageLimits {
    pub time_limit_s: f64,
    pub mip_gap: f64,
    pub threads: u32,
}

/// What HiGHS said about one stage.
#[derive(Debug, Clone)]
pub struct StageResult {
    pub status: RunStatus,
    pub proven: bool,
    /// The objective at the incumbent, constant included (NaN without one).
    pub objective: f64,
    /// HiGHS's dual bound, constant included (±∞ when none).
    pub bound: f64,
    pub gap: f64,
    /// Column values of the incumbent.
    pub values: Option<Vec<f64>>,
    pub time_ms: u64,
}

pub fn run(built: Built, limits: StageLimits) -> StageResult {
    let started = std::time::Instant::now();
    let constant = built.constant;
    let start = built.start;
    if built.columns == 0 {
        // Nothing to decide (no candidate in the stage's scope): the empty plan is optimal.
        return StageResult {
            status: RunStatus::Optimal,
            proven: true,
            objective: constant,
            bound: constant,
            gap: 0.0,
            values: Some(Vec::new()),
            time_ms: 0,
        };
    }
    let (objective_expr, variables) = (built.objective, built.variables);
    let failed = |status: RunStatus| StageResult {
        status,
        proven: false,
        objective: f64::NAN,
        bound: f64::NAN,
        gap: f64::INFINITY,
        values: None,
        time_ms: started.elapsed().as_millis() as u64,
    };
    use_threads(limits.threads);
    let Ok(mut model) = built.problem.try_into_inner() else {
        return failed(RunStatus::SolverError);
    };
    model.make_quiet();
    model.set_option("time_limit", limits.time_limit_s.max(0.01));
    model.set_option("mip_rel_gap", limits.mip_gap);
    model.set_option("random_seed", SEED);
    model.set_option("threads", limits.threads.max(1) as i32);
    if let Some(start) = &start {
        // HiGHS checks the start itself and ignores it when it is not feasible.
        let _ = model.try_set_solution(Some(start), None, None, None);
    }
    let Ok(solved) = model.try_solve() else {
        return failed(RunStatus::SolverError);
    };
    let status = RunStatus::of_mip(solved.status());
    let proven = status == RunStatus::Optimal;
    let has_solution = has_feasible_solution(&solved);
    let values = has_solution.then(|| solved.get_solution().columns().to_vec());
    let reported = solved.objective_value() + constant;
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .map_or(f64::NAN, |b| b + constant);
    let gap = solved.mip_gap();
    // The objective at the returned point, evaluated here: HiGHS can report another point's.
    let objective = values.as_ref().map_or(reported, |v| {
        let at: std::collections::HashMap<good_lp::Variable, f64> =
            variables.iter().copied().zip(v.iter().copied()).collect();
        objective_expr.eval_with(&at) + constant
    });
    let consistent = (objective - reported).abs() <= 1e-6 * reported.abs().max(1.0);
    let (status, proven) = if consistent {
        (status, proven)
    } else {
        (RunStatus::Inconsistent, false)
    };
    // A model HiGHS solves without branching (or an empty one) reports no MIP figures.
    let (bound, gap) = if proven && !(bound.is_finite() && gap.is_finite()) {
        (objective, 0.0)
    } else if consistent {
        (bound, gap)
    } else {
        (bound, relative_gap(objective, bound))
    };
    StageResult {
        status,
        proven: proven && values.is_some(),
        objective: if values.is_some() {
            objective
        } else {
            f64::NAN
        },
        bound,
        gap,
        values,
        time_ms: started.elapsed().as_millis() as u64,
    }
}
