//! Running one MIP stage in HiGHS, with the settings that make results honest and repeatable:
//! a time limit, the relative gap, a fixed thread count and seed, and a complete MIP start.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use highs::{HighsModelStatus, Sense};

use super::callback::SolveWatch;
use super::program::{Program, StageModel};
use super::push::Pusher;
use super::threads::use_threads;
use super::{has_feasible_solution, RunStatus};

#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub time_limit_s: f64,
    pub mip_gap: f64,
    pub threads: u32,
    /// When set (from outside), HiGHS is interrupted and the stage keeps its incumbent.
    pub cancel: Option<&'a AtomicBool>,
    /// Branch-and-bound nodes HiGHS may explore (`mip_max_nodes`): a limit that, unlike the
    /// time limit, gives the same answer on any machine.
    pub max_nodes: Option<i32>,
}

/// What HiGHS said about one stage.
#[derive(Debug, Clone)]
pub struct RunResult {
    pub status: RunStatus,
    pub proven: bool,
    pub objective: f64,
    pub bound: f64,
    pub gap: f64,
    pub values: Option<Vec<f64>>,
    pub time_ms: u64,
}

/// HiGHS's random seed, fixed so that the same model gives the same answer.
pub(super) const SEED: i32 = 20_261_126;

/// HiGHS's absolute gap: a MIP whose objective is within this of its bound is proven.
const MIP_ABS_GAP: f64 = 1e-6;

/// Feasibility tolerance when this module re-checks a point HiGHS handed back.
const FEASIBILITY_TOLERANCE: f64 = 1e-6;

/// Solves one stage. The answer's columns are always re-checked here: the solution returned,
/// HiGHS's last improving solution (from the callback) and the start are candidates, and the
/// best feasible one by this stage's objective is kept. HiGHS's dual bound stays valid whatever
/// point is kept; when the kept point is not the one HiGHS reported, the gap is recomputed from
/// it, and the stage counts as proven only if that gap is within `mip_gap`.
///
/// A start is first improved by one-column moves ([`super::push`]). When HiGHS still reports a
/// better objective than any point it hands back (HiGHS issue #3510: its presolve improved the
/// start in its reduced space, found nothing better, and returned the start's own columns),
/// the stage runs again in the time left (when a tenth of its limit is left, or always when the
/// first run claimed a proof) from the kept point with presolve off, where the start is the
/// point HiGHS works on; the better of the two runs is kept, with the better bound.
pub fn run(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
    start: Option<&[f64]>,
) -> RunResult {
    let started = Instant::now();
    let pusher = Pusher::new(program, stage);
    let start = start.map(|s| {
        let mut pushed = s.to_vec();
        pusher.push(&mut pushed);
        pushed
    });
    let (result, reported) = checked_run(&pusher, settings, start.as_deref(), true);
    let left = settings.time_limit_s - started.elapsed().as_secs_f64();
    let lost = result.values.is_some()
        && reported < result.objective - objective_tolerance(reported)
        && left >= settings.time_limit_s * RETRY_MIN_TIME_SHARE;
    if start.is_none() || !(lost || result.status == RunStatus::Inconsistent) {
        return result;
    }
    let settings = Settings {
        time_limit_s: left.max(0.05),
        ..settings
    };
    let retry_start = result.values.clone().or(start);
    let (again, _) = checked_run(&pusher, settings, retry_start.as_deref(), false);
    let bound = [result.bound, again.bound]
        .into_iter()
        .filter(|b| b.is_finite())
        .fold(f64::NEG_INFINITY, f64::max);
    let again_status = again.status;
    let again_better =
        again.values.is_some() && (result.values.is_none() || again.objective < result.objective);
    let mut best = if again_better { again } else { result };
    best.bound = bound;
    best.gap = relative_gap(best.objective, best.bound);
    best.proven = best.values.is_some()
        && (best.gap <= settings.mip_gap + 1e-9 || best.objective - best.bound <= MIP_ABS_GAP);
    best.status = if best.proven {
        RunStatus::Optimal
    } else {
        again_status
    };
    best.time_ms = started.elapsed().as_millis() as u64;
    best
}

/// Share of a run's time limit that must be left for a second run after HiGHS kept a better
/// point than it returned, unless the first run claimed a proof (then it always runs).
const RETRY_MIN_TIME_SHARE: f64 = 0.1;

/// How far two objective values may differ and still count as the same.
fn objective_tolerance(objective: f64) -> f64 {
    1e-6 * objective.abs().max(1.0)
}

/// One run of `pusher`'s stage, its answer re-checked; with the objective HiGHS reported.
fn checked_run(
    pusher: &Pusher,
    settings: Settings,
    start: Option<&[f64]>,
    presolve: bool,
) -> (RunResult, f64) {
    let (program, stage) = (pusher.program(), pusher.stage());
    let (mut result, last_improving) = run_once(program, stage, settings, start, presolve);
    let reported = result.objective;
    let returned = result.values.take();
    let candidates = [returned, last_improving, start.map(<[f64]>::to_vec)];
    if std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
        for (i, c) in candidates.iter().enumerate() {
            if let Some(v) = c {
                eprintln!(
                    "candidate {i}: violation {:e}, objective {}",
                    program.violation(stage, v),
                    Program::evaluate_dense(&stage.objective, v)
                );
            }
        }
    }
    let best = candidates
        .into_iter()
        .flatten()
        .filter(|v| program.violation(stage, v) <= FEASIBILITY_TOLERANCE)
        .map(|mut v| {
            pusher.push(&mut v);
            v
        })
        .map(|v| (Program::evaluate_dense(&stage.objective, &v), v))
        .fold(None, |best: Option<(f64, Vec<f64>)>, (obj, v)| match best {
            Some((b, _)) if b <= obj + 1e-9 * obj.abs().max(1.0) => best,
            _ => Some((obj, v)),
        });
    let Some((objective, values)) = best else {
        if result.status == RunStatus::Optimal {
            result.status = RunStatus::Inconsistent;
        }
        result.proven = false;
        return (result, reported);
    };
    let same_as_reported = (objective - reported).abs() <= objective_tolerance(reported);
    if !same_as_reported {
        if std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
            eprintln!(
                "HiGHS reported objective {reported}; the best checked point has {objective}"
            );
        }
        result.gap = relative_gap(objective, result.bound);
        if result.proven && result.gap > settings.mip_gap + 1e-9 {
            result.proven = false;
            result.status = RunStatus::Inconsistent;
        }
    }
    result.objective = objective;
    result.values = Some(values);
    (result, reported)
}

/// The optimum of the stage's LP relaxation (a bound on the MIP), or `None` when HiGHS does not
/// prove it within the time limit.
pub fn lp_relaxation(program: &Program, stage: &StageModel, settings: Settings) -> Option<f64> {
    lp_solution(program, stage, settings).map(|lp| lp.value)
}

/// [`lp_relaxation`] by HiGHS's interior-point method (then crossover): on the tier stages'
/// flow-like LPs, whose simplex pivots are highly degenerate, it is the faster one from tens of
/// thousands of columns up (`models/formulation.md`, the tier engine).
pub fn lp_relaxation_by_ipm(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
) -> Option<f64> {
    solve_relaxed(program, stage, settings, Some("ipm")).map(|lp| lp.value)
}

/// An LP relaxation's optimum: its value, column values and row duals.
#[derive(Debug, Clone)]
pub struct LpSolution {
    pub value: f64,
    pub columns: Vec<f64>,
    /// Rows in the program's order, then the stage's extra rows; HiGHS's sign: reduced cost =
    /// c − Aᵀy.
    pub duals: Vec<f64>,
}

/// The stage's LP relaxation solved, or `None` when HiGHS does not prove it within the time
/// limit.
pub fn lp_solution(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
) -> Option<LpSolution> {
    solve_relaxed(program, stage, settings, None)
}

/// The LP relaxation by HiGHS's `solver` option (its own choice when `None`).
fn solve_relaxed(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
    solver: Option<&str>,
) -> Option<LpSolution> {
    use_threads(settings.threads);
    let mut model = program.to_highs_relaxed(stage).optimise(Sense::Minimise);
    model.make_quiet();
    model.set_option("time_limit", settings.time_limit_s.max(0.01));
    model.set_option("threads", settings.threads.max(1) as i32);
    model.set_option("random_seed", SEED);
    if let Some(solver) = solver {
        model.set_option("solver", solver);
    }
    let solved = model.try_solve().ok()?;
    if solved.status() != HighsModelStatus::Optimal {
        return None;
    }
    let solution = solved.get_solution();
    Some(LpSolution {
        value: solved.objective_value(),
        columns: solution.columns().to_vec(),
        duals: solution.dual_rows().to_vec(),
    })
}

/// `(objective − bound) / |objective|`, HiGHS's definition, 0 when both are 0.
pub fn relative_gap(objective: f64, bound: f64) -> f64 {
    if !bound.is_finite() {
        return f64::INFINITY;
    }
    let diff = (objective - bound).max(0.0);
    if diff == 0.0 {
        0.0
    } else if objective.abs() > 0.0 {
        diff / objective.abs()
    } else {
        f64::INFINITY
    }
}

fn run_once(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
    start: Option<&[f64]>,
    presolve: bool,
) -> (RunResult, Option<Vec<f64>>) {
    let started = Instant::now();
    use_threads(settings.threads);
    let problem = program.to_highs(stage);
    let mut model = problem.optimise(Sense::Minimise);
    model.make_quiet();
    if std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
        // Debugging aid: HiGHS's own log on stdout.
        model.set_option("output_flag", true);
        model.set_option("log_to_console", true);
    }
    model.set_option("time_limit", settings.time_limit_s.max(0.01));
    model.set_option("mip_rel_gap", settings.mip_gap);
    model.set_option("random_seed", SEED);
    model.set_option("threads", settings.threads.max(1) as i32);
    model.set_option("mip_abs_gap", MIP_ABS_GAP);
    if !presolve {
        model.set_option("presolve", "off");
    }
    if let Some(nodes) = settings.max_nodes {
        model.set_option("mip_max_nodes", nodes.max(1));
    }
    if let Some(start) = start {
        // HiGHS checks the start itself and ignores it when it is not feasible.
        let _ = model.try_set_solution(Some(start), None, None, None);
    }
    let watch = SolveWatch::new(program.num_cols(), settings.cancel);
    // SAFETY: `model` is live, and `watch` outlives the solve below (it is dropped at the end
    // of this function, after `solved`).
    unsafe { watch.attach(model.as_mut_ptr()) };
    let solved = match model.try_solve() {
        Ok(s) => s,
        Err(_) => {
            let failed = RunResult {
                status: RunStatus::SolverError,
                proven: false,
                objective: f64::NAN,
                bound: f64::NEG_INFINITY,
                gap: f64::INFINITY,
                values: None,
                time_ms: started.elapsed().as_millis() as u64,
            };
            return (failed, watch.take_last_improving());
        }
    };
    let has_solution = has_feasible_solution(&solved);
    let values = has_solution.then(|| solved.get_solution().columns().to_vec());
    let objective = solved.objective_value();
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .unwrap_or(f64::NEG_INFINITY);
    let gap = solved.mip_gap();
    let status = RunStatus::of_mip(solved.status());
    let proven = status == RunStatus::Optimal;
    // An LP (no integer columns) reports an infinite mip_gap; an optimal LP has no gap.
    let gap = if proven && !gap.is_finite() { 0.0 } else { gap };
    let bound = if proven && !bound.is_finite() {
        objective
    } else {
        bound
    };
    drop(solved);
    let result = RunResult {
        status,
        proven,
        objective,
        bound,
        gap,
        values,
        time_ms: started.elapsed().as_millis() as u64,
    };
    (result, watch.take_last_improving())
}
