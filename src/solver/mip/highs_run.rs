//! Running one MIP stage in HiGHS, with the settings that make results honest and repeatable:
//! a time limit, the relative gap, a fixed thread count and seed, and a complete MIP start.

use std::ffi::CString;
use std::time::Instant;

use highs::{HighsModelStatus, Sense};

use super::program::{Program, StageModel};

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub time_limit_s: f64,
    pub mip_gap: f64,
    pub threads: u32,
}

/// What HiGHS said about one stage.
#[derive(Debug, Clone)]
pub struct RunResult {
    /// `optimal` (proven within the gap), `time_limit`, `infeasible`, …
    pub status: &'static str,
    pub proven: bool,
    pub objective: f64,
    pub bound: f64,
    pub gap: f64,
    pub values: Option<Vec<f64>>,
    pub time_ms: u64,
}

/// HiGHS's random seed, fixed so that the same model gives the same answer.
const SEED: i32 = 20_261_126;

pub fn run(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
    start: Option<&[f64]>,
) -> RunResult {
    let started = Instant::now();
    let mut result = run_once(program, stage, settings, start);
    let Some(start) = start else { return result };
    if consistent(stage, &result) {
        return result;
    }
    // Seen with HiGHS 1.16 after a MIP start was set: the columns returned are the start's,
    // while the reported objective is not theirs. When the stage stopped early, keep the start
    // (feasible, its objective computed here) with HiGHS's dual bound, which stays valid.
    if !result.proven {
        let objective = Program::evaluate_dense(&stage.objective, start);
        result.values = Some(start.to_vec());
        result.objective = objective;
        result.gap = if result.bound.is_finite() && objective.abs() > 0.0 {
            ((objective - result.bound) / objective.abs()).max(0.0)
        } else {
            f64::INFINITY
        };
        return result;
    }
    // When presolve solved the model outright, the objective is right but the columns are the
    // start's: solve again without the start (quick, since presolve solves it).
    let left = settings.time_limit_s - started.elapsed().as_secs_f64();
    let settings = Settings {
        time_limit_s: left.max(0.05),
        ..settings
    };
    let mut again = run_once(program, stage, settings, None);
    again.time_ms = started.elapsed().as_millis() as u64;
    if !consistent(stage, &again) {
        again.proven = false;
        again.status = "inconsistent";
    }
    again
}

/// Whether the returned columns really have the objective HiGHS reports.
fn consistent(stage: &StageModel, r: &RunResult) -> bool {
    let Some(values) = &r.values else { return true };
    let evaluated = Program::evaluate_dense(&stage.objective, values);
    let ok = (evaluated - r.objective).abs() <= 1e-6 * r.objective.abs().max(1.0);
    if !ok && std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
        eprintln!(
            "inconsistent HiGHS answer: objective {} but columns give {evaluated}",
            r.objective
        );
    }
    ok
}

fn run_once(
    program: &Program,
    stage: &StageModel,
    settings: Settings,
    start: Option<&[f64]>,
) -> RunResult {
    let started = Instant::now();
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
    model.set_option("mip_abs_gap", 1e-6);
    if let Some(start) = start {
        // HiGHS checks the start itself and ignores it when it is not feasible.
        let _ = model.try_set_solution(Some(start), None, None, None);
    }
    let solved = match model.try_solve() {
        Ok(s) => s,
        Err(_) => {
            return RunResult {
                status: "solver_error",
                proven: false,
                objective: f64::NAN,
                bound: f64::NEG_INFINITY,
                gap: f64::INFINITY,
                values: None,
                time_ms: started.elapsed().as_millis() as u64,
            }
        }
    };
    let status = solved.status();
    let has_solution = matches!(
        solved.primal_solution_status(),
        highs::HighsSolutionStatus::Feasible
    );
    let values = has_solution.then(|| solved.get_solution().columns().to_vec());
    let objective = solved.objective_value();
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .unwrap_or(f64::NEG_INFINITY);
    let gap = solved.mip_gap();
    let (label, proven) = match status {
        HighsModelStatus::Optimal => ("optimal", true),
        HighsModelStatus::ReachedTimeLimit => ("time_limit", false),
        HighsModelStatus::Infeasible => ("infeasible", false),
        HighsModelStatus::ModelEmpty => ("optimal", true),
        HighsModelStatus::ReachedInterrupt => ("interrupted", false),
        HighsModelStatus::ReachedMemoryLimit => ("memory_limit", false),
        _ => ("unknown", false),
    };
    // An LP (no integer columns) reports an infinite mip_gap; an optimal LP has no gap.
    let gap = if proven && !gap.is_finite() { 0.0 } else { gap };
    let bound = if proven && !bound.is_finite() {
        objective
    } else {
        bound
    };
    RunResult {
        status: label,
        proven,
        objective,
        bound,
        gap,
        values,
        time_ms: started.elapsed().as_millis() as u64,
    }
}

/// Writes the program with the given objective to a file; HiGHS picks LP or MPS by extension.
pub fn write(program: &Program, stage: &StageModel, path: &std::path::Path) -> Result<(), String> {
    let problem = program.to_highs(stage);
    let mut model = problem.optimise(Sense::Minimise);
    model.make_quiet();
    unsafe {
        let ptr = model.as_mut_ptr();
        for (c, name) in program.col_names.iter().enumerate() {
            if let Ok(name) = CString::new(name.as_str()) {
                highs_sys::Highs_passColName(ptr, c as highs_sys::HighsInt, name.as_ptr());
            }
        }
        for (r, row) in program.rows.iter().chain(&stage.extra_rows).enumerate() {
            if let Ok(name) = CString::new(row.name.as_str()) {
                highs_sys::Highs_passRowName(ptr, r as highs_sys::HighsInt, name.as_ptr());
            }
        }
        let file = CString::new(path.display().to_string()).map_err(|e| e.to_string())?;
        let status = highs_sys::Highs_writeModel(ptr, file.as_ptr());
        if status == highs_sys::kHighsStatusError {
            return Err(format!("HiGHS could not write {}", path.display()));
        }
    }
    Ok(())
}

/// The HiGHS version linked in, e.g. "1.16.0".
pub fn highs_version() -> String {
    unsafe {
        format!(
            "{}.{}.{}",
            highs_sys::Highs_versionMajor(),
            highs_sys::Highs_versionMinor(),
            highs_sys::Highs_versionPatch()
        )
    }
}
