//! `waveopt scenario FILE [--out DIR]`: load, plan every variant in parallel behind a progress
//! bar (stderr, hidden when it is not a terminal), write the report folder, print a summary.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Error;

/// The default output folder: `out/scenarios/<file stem>`.
fn default_out(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or("scenario".to_string(), |s| s.to_string_lossy().to_string());
    PathBuf::from("out").join("scenarios").join(stem)
}

pub fn run(file: &Path, out: Option<&Path>) -> Result<ExitCode, Error> {
    let scenario = super::load(file)?;
    let cases = super::prepare(&scenario)?;
    let bar = ProgressBar::with_draw_target(Some(cases.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} planning [{bar:30}] {pos}/{len} {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    let on_done = |name: &str| {
        bar.inc(1);
        bar.set_message(format!("done: {name}"));
    };
    let result = super::run_cases(&scenario, cases, &on_done, &AtomicBool::new(false));
    bar.finish_and_clear();
    let result = result?;
    let dir = out.map_or_else(|| default_out(file), Path::to_path_buf);
    let written = super::render::write_folder(&result, &dir)?;
    eprintln!(
        "scenario \"{}\": {} plans, each verified by the checker (0 violations)",
        scenario.name,
        result.runs.len()
    );
    for (run, v) in result.runs.iter().zip(&result.comparison.variants) {
        eprintln!(
            "  {:<32} cost {:>11.2}  fill {:>5.1}%  splits {:>4}  on-time {:>5.1}%  {:>6} ms",
            v.name,
            v.cost.total,
            v.fill_rate * 100.0,
            v.split_orders,
            v.on_time_rate * 100.0,
            run.plan.solver.time_ms
        );
    }
    eprintln!("wrote {} files to {}", written.len(), dir.display());
    eprintln!("  open {}", dir.join("report.html").display());
    Ok(ExitCode::SUCCESS)
}
