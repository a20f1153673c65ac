//! How a HiGHS run ended, as a type. Plans and notes carry its name ([`RunStatus::as_str`]).

use highs::HighsModelStatus;

/// How one run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    /// Proven optimal within the relative gap (an empty model counts: nothing to decide).
    Optimal,
    /// Proven by the LP relaxation alone: the start's integral objective meets its bound, so
    /// the MIP was not run.
    LpBoundMetByStart,
    /// Stopped on its time limit.
    TimeLimit,
    Infeasible,
    /// Stopped from outside, through the cancel flag.
    Interrupted,
    /// Stopped on its branch-and-bound node limit (HiGHS's solution limit status).
    NodeLimit,
    IterationLimit,
    MemoryLimit,
    /// HiGHS refused or failed to solve.
    SolverError,
    /// What HiGHS returned did not survive re-checking: no feasible point, or a proof whose
    /// gap does not hold for the point kept.
    Inconsistent,
    /// Any other model status HiGHS reports.
    Unknown,
}

/// Whether HiGHS holds a feasible point. Read as a number: HiGHS leaves the primal solution
/// status unset (-1) on an empty model, which `highs` cannot map and panics on (a neighbourhood
/// of the tier repair can have no columns).
pub fn has_feasible_solution(solved: &highs::SolvedModel) -> bool {
    solved
        .int_info_value(c"primal_solution_status")
        .is_ok_and(|v| v == highs_sys::kHighsSolutionStatusFeasible as i64)
}

impl RunStatus {
    /// The status of a MIP run from HiGHS's model status.
    pub fn of_mip(status: HighsModelStatus) -> RunStatus {
        match status {
            HighsModelStatus::Optimal | HighsModelStatus::ModelEmpty => RunStatus::Optimal,
            HighsModelStatus::ReachedTimeLimit => RunStatus::TimeLimit,
            HighsModelStatus::Infeasible => RunStatus::Infeasible,
            HighsModelStatus::ReachedInterrupt => RunStatus::Interrupted,
            HighsModelStatus::ReachedSolutionLimit => RunStatus::NodeLimit,
            HighsModelStatus::ReachedIterationLimit => RunStatus::IterationLimit,
            HighsModelStatus::ReachedMemoryLimit => RunStatus::MemoryLimit,
            _ => RunStatus::Unknown,
        }
    }

    /// The name plans report in `solver.stages[].status` and notes quote.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Optimal => "optimal",
            RunStatus::LpBoundMetByStart => "lp_bound_met_by_start",
            RunStatus::TimeLimit => "time_limit",
            RunStatus::Infeasible => "infeasible",
            RunStatus::Interrupted => "interrupted",
            RunStatus::NodeLimit => "node_limit",
            RunStatus::IterationLimit => "iteration_limit",
            RunStatus::MemoryLimit => "memory_limit",
            RunStatus::SolverError => "solver_error",
            RunStatus::Inconsistent => "inconsistent",
            RunStatus::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for RunStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
