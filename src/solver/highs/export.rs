//! Writing a program as an LP or MPS file through HiGHS, with names every reader accepts.

use std::ffi::CString;

use highs::Sense;

use super::program::{Program, StageModel};

/// Writes the program with the given objective to a file; HiGHS picks LP or MPS by extension.
pub fn write(program: &Program, stage: &StageModel, path: &std::path::Path) -> Result<(), String> {
    let problem = program.to_highs(stage);
    let mut model = problem.optimise(Sense::Minimise);
    model.make_quiet();
    let col_names = lp_safe_names(program.col_names.iter().map(String::as_str), "c");
    if std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
        eprintln!("export names: {:?}", &col_names[..col_names.len().min(4)]);
        model.set_option("output_flag", true);
        model.set_option("log_to_console", true);
    }
    let row_names = lp_safe_names(
        program
            .rows
            .iter()
            .chain(&stage.extra_rows)
            .map(|r| r.name.as_str()),
        "r",
    );
    unsafe {
        let ptr = model.as_mut_ptr();
        for (c, name) in col_names.iter().enumerate() {
            if let Ok(name) = CString::new(name.as_str()) {
                highs_sys::Highs_passColName(ptr, c as highs_sys::HighsInt, name.as_ptr());
            }
        }
        for (r, name) in row_names.iter().enumerate() {
            if let Ok(name) = CString::new(name.as_str()) {
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

/// Names every LP and MPS reader accepts: letters, digits, `_` and `.` only (brackets, commas,
/// dashes and spaces become `_`), never starting with a digit, and unique (a clash gets a
/// numeric suffix). `y[SO-1,DC-E,ground]` becomes `y_SO_1_DC_E_ground`.
fn lp_safe_names<'a>(names: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .enumerate()
        .map(|(i, name)| {
            let mut safe: String = name
                .chars()
                .map(|ch| {
                    if ch.is_ascii_alphanumeric() || ch == '_' || ch == '.' {
                        ch
                    } else {
                        '_'
                    }
                })
                .collect();
            while safe.contains("__") {
                safe = safe.replace("__", "_");
            }
            let mut safe = safe.trim_matches('_').to_string();
            if safe.is_empty() || safe.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                safe = format!("{fallback}{i}_{safe}");
            }
            let mut unique = safe.clone();
            let mut k = 2;
            while !seen.insert(unique.clone()) {
                unique = format!("{safe}_{k}");
                k += 1;
            }
            unique
        })
        .collect()
}
