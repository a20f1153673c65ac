//! `waveopt bench`: every preset in every shape (and optionally the large OR-Library
//! instances) with three engines in one run — greedy, the naive monolithic MIP and the
//! optimizer. Each run happens in a child process (`waveopt bench-run`), so its peak RSS is its
//! own. Results go to Markdown tables (`bench/results.md`: the runs, the ratios, and the
//! optimizer's tier stages) and are appended to `bench/history.csv` with the git revision and
//! the machine. `bench/README.md` explains the tables.

pub mod measure;
mod table;
mod tiers;

use std::path::{Path, PathBuf};
use std::process::Command;

use indicatif::{ProgressBar, ProgressStyle};

use crate::error::Error;
use crate::format::{to_pretty_json, Engine};
use crate::generate::{self, Preset, Shape};
pub use measure::{RunMetrics, TierStage};
pub use table::{history_rows, markdown};
pub use tiers::tier_table;

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    pub presets: Vec<Preset>,
    /// Each preset runs in each of these shapes: case `m` (standard), `tight-m`, ….
    pub shapes: Vec<Shape>,
    pub engines: Vec<Engine>,
    pub repeat: u32,
    pub seed: u64,
    /// Overrides each wave's `options.time_limit_ms`.
    pub time_limit_ms: Option<i64>,
    pub threads: Option<i64>,
    /// Also run capa/capb/capc (minutes each).
    pub orlib: bool,
    /// Where `results.md` and `history.csv` go.
    pub out_dir: PathBuf,
    /// The waveopt binary that runs each measurement.
    pub exe: PathBuf,
}

/// One case (a preset or a benchmark instance), one engine, one repetition.
#[derive(Debug, Clone)]
pub struct BenchRow {
    pub case: String,
    pub repeat: u32,
    pub metrics: RunMetrics,
}

struct Case {
    name: String,
    wave_path: PathBuf,
    time_limit_ms: Option<i64>,
}

/// Runs the suite and writes the table and the history. Returns every row.
pub fn run(config: &BenchConfig) -> Result<Vec<BenchRow>, Error> {
    let work = std::env::temp_dir().join("waveopt-bench");
    create_dir(&work)?;
    let cases = cases(config, &work)?;
    let total = cases.len() * config.engines.len() * config.repeat as usize;
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut rows = Vec::new();
    for case in &cases {
        for &engine in &config.engines {
            for repeat in 1..=config.repeat {
                bar.set_message(format!("{} {}", case.name, measure::engine_name(engine)));
                let metrics = run_child(config, case, engine)?;
                bar.inc(1);
                rows.push(BenchRow {
                    case: case.name.clone(),
                    repeat,
                    metrics,
                });
            }
        }
    }
    bar.finish_and_clear();
    create_dir(&config.out_dir)?;
    let machine = table::machine();
    let revision = git_revision();
    let md = markdown(&rows, &machine, &revision);
    crate::io::write_text(&config.out_dir.join("results.md"), &md)?;
    append_history(
        &config.out_dir.join("history.csv"),
        &rows,
        &machine,
        &revision,
    )?;
    Ok(rows)
}

fn cases(config: &BenchConfig, work: &Path) -> Result<Vec<Case>, Error> {
    let mut cases = Vec::new();
    for &preset in &config.presets {
        for &shape in &config.shapes {
            let generator = shape.config(preset);
            let wave = generate::generate_with(&generator, config.seed);
            let path = work.join(format!("{}-seed{}.wave.json", generator.name, config.seed));
            crate::io::write_text(&path, &to_pretty_json(&wave))?;
            cases.push(Case {
                name: generator.name,
                wave_path: path,
                time_limit_ms: config.time_limit_ms,
            });
        }
    }
    if config.orlib {
        for (name, capacity) in [("capa", 14000.0), ("capb", 8000.0), ("capc", 7250.0)] {
            let source = Path::new("datasets/orlib-cflp").join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&source).map_err(|e| Error::Io {
                path: source.display().to_string(),
                source: e,
            })?;
            let mut wave = crate::import::orlib_cap_to_wave(&text, Some(capacity), name)?;
            // Time to the proven optimum: the published optima need a tight gap.
            wave.options.mip_gap = 1e-9;
            let path = work.join(format!("{name}.wave.json"));
            crate::io::write_text(&path, &to_pretty_json(&wave))?;
            cases.push(Case {
                name: name.to_string(),
                wave_path: path,
                time_limit_ms: Some(config.time_limit_ms.unwrap_or(0).max(600_000)),
            });
        }
    }
    Ok(cases)
}

fn run_child(config: &BenchConfig, case: &Case, engine: Engine) -> Result<RunMetrics, Error> {
    let mut cmd = Command::new(&config.exe);
    cmd.arg("bench-run")
        .arg(&case.wave_path)
        .arg("--engine")
        .arg(measure::engine_name(engine));
    if let Some(t) = case.time_limit_ms {
        cmd.arg("--time-limit-ms").arg(t.to_string());
    }
    if let Some(t) = config.threads {
        cmd.arg("--threads").arg(t.to_string());
    }
    let output = cmd.output().map_err(|e| Error::Io {
        path: config.exe.display().to_string(),
        source: e,
    })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(Error::Solver(format!(
            "bench run {} {} failed: {}",
            case.name,
            measure::engine_name(engine),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    serde_json::from_str(stdout.trim())
        .map_err(|e| Error::Solver(format!("bench run {}: unreadable metrics: {e}", case.name)))
}

fn append_history(
    path: &Path,
    rows: &[BenchRow],
    machine: &str,
    revision: &str,
) -> Result<(), Error> {
    use std::io::Write;
    upgrade_history_header(path)?;
    let new = !path.exists();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
    let text = history_rows(rows, machine, revision, new);
    file.write_all(text.as_bytes()).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// A history written before the last columns were added gets the current header, and its
/// rows empty fields for those columns, so every line has the header's columns.
fn upgrade_history_header(path: &Path) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(());
    };
    let Some(header) = text.lines().next() else {
        return Ok(());
    };
    if header == table::HISTORY_HEADER {
        return Ok(());
    }
    let missing = table::HISTORY_HEADER.matches(',').count() - header.matches(',').count();
    let Some(extra) = table::HISTORY_HEADER.strip_prefix(header) else {
        return Ok(()); // Not a header this code wrote: leave the file alone.
    };
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(header);
    out.push_str(extra);
    out.push('\n');
    for line in text.lines().skip(1) {
        out.push_str(line);
        out.push_str(&",".repeat(missing));
        out.push('\n');
    }
    std::fs::write(path, out).map_err(io)
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })
}

fn git_revision() -> String {
    Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_history_gains_the_new_columns_empty() {
        let dir = std::env::temp_dir().join(format!("waveopt-history-{}", std::process::id()));
        create_dir(&dir).unwrap();
        let path = dir.join("history.csv");
        let old_header = table::HISTORY_HEADER
            .strip_suffix(",waveopt,highs")
            .unwrap();
        std::fs::write(&path, format!("{old_header}\n1,2\n")).unwrap();
        upgrade_history_header(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, format!("{}\n1,2,,\n", table::HISTORY_HEADER));
        upgrade_history_header(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
