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
    let problem = program.to_highs(stage);
    let mut model = problem.optimise(Sense::Minimise);
    model.make_quiet();
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
