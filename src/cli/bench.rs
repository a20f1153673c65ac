//! `waveopt bench` and its per-run child, `waveopt bench-run`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::EngineArg;
use crate::bench::{self, BenchConfig};
use crate::error::{Error, Problem};
use crate::format::Engine;
use crate::generate::{Preset, Shape};

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Comma-separated presets: s, m, l, xl.
    #[arg(long, default_value = "s,m")]
    pub presets: String,
    /// Comma-separated shapes run at each preset: standard, tight, regional, multiline. Cases
    /// are named `m` (standard) and `tight-m`, `regional-m`, ….
    #[arg(long, default_value = "standard")]
    pub shapes: String,
    /// Comma-separated engines, run in this order on each preset.
    #[arg(long, default_value = "greedy,naive,mip")]
    pub engines: String,
    /// Repetitions per (preset, engine); times are reported as medians.
    #[arg(long, default_value_t = 1)]
    pub repeat: u32,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Overrides each wave's time limit.
    #[arg(long)]
    pub time_limit_ms: Option<i64>,
    #[arg(long)]
    pub threads: Option<i64>,
    /// Also run the large OR-Library instances capa/capb/capc (minutes each).
    #[arg(long)]
    pub orlib: bool,
    /// Where results.md and history.csv go.
    #[arg(long, default_value = "bench")]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct BenchRunArgs {
    pub wave: PathBuf,
    #[arg(long, value_enum)]
    pub engine: EngineArg,
    #[arg(long)]
    pub time_limit_ms: Option<i64>,
    #[arg(long)]
    pub threads: Option<i64>,
}

fn list<T>(
    text: &str,
    flag: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Vec<T>, Error> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse(s).map_err(|e| Error::Invalid(vec![Problem::new(flag, "bad_argument", e)])))
        .collect()
}

pub fn bench(args: BenchArgs) -> Result<ExitCode, Error> {
    let presets = list(&args.presets, "/presets", |s| s.parse::<Preset>())?;
    let shapes = list(&args.shapes, "/shapes", |s| s.parse::<Shape>())?;
    let engines = list(&args.engines, "/engines", |s| match s {
        "greedy" => Ok(Engine::Greedy),
        "naive" => Ok(Engine::Naive),
        "mip" => Ok(Engine::Mip),
        other => Err(format!(
            "unknown engine {other:?}: use greedy, naive or mip"
        )),
    })?;
    let exe = std::env::current_exe().map_err(|source| Error::Io {
        path: "current executable".to_string(),
        source,
    })?;
    let config = BenchConfig {
        presets,
        shapes,
        engines,
        repeat: args.repeat.max(1),
        seed: args.seed,
        time_limit_ms: args.time_limit_ms,
        threads: args.threads,
        orlib: args.orlib,
        out_dir: args.out.clone(),
        exe,
    };
    let rows = bench::run(&config)?;
    let results = args.out.join("results.md");
    if let Ok(table) = std::fs::read_to_string(&results) {
        print!("{table}");
    }
    eprintln!(
        "results: {}  history: {}",
        args.out.join("results.md").display(),
        args.out.join("history.csv").display()
    );
    let failed = rows.iter().any(|r| r.metrics.check_violations > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn bench_run(args: BenchRunArgs) -> Result<ExitCode, Error> {
    let metrics = bench::measure::measure(
        &args.wave,
        args.engine.into(),
        args.time_limit_ms,
        args.threads,
    )?;
    println!(
        "{}",
        serde_json::to_string(&metrics).map_err(|e| Error::Solver(e.to_string()))?
    );
    Ok(ExitCode::SUCCESS)
}
