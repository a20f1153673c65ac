//! Command-line interface: argument parsing and the subcommands, each a thin call into the
//! library. Exit codes: 0 success, 1 invalid input or a failed check, 2 usage error.

mod bench;
mod commands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::format::Engine;

#[derive(Parser, Debug)]
#[command(
    name = "waveopt",
    version,
    about = "Order-sourcing optimizer: plans a wave of orders over fulfillment nodes"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Plan a wave (JSON file or CSV folder) and print the plan as JSON (or its assignments as
    /// CSV).
    Plan(PlanArgs),
    /// Validate a wave and list every problem.
    Validate {
        wave: PathBuf,
        /// Print the error body as JSON (the HTTP shape) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a plan against its wave with the independent checker.
    Check { wave: PathBuf, plan: PathBuf },
    /// Generate a synthetic wave from a preset (its size) and a shape (its structure).
    Generate {
        #[arg(long, default_value = "s")]
        preset: String,
        /// standard, tight (capacity-bound), regional (two independent halves) or multiline.
        #[arg(long, default_value = "standard")]
        shape: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Split the wave into this many disjoint regions (west to east; no shared node or
        /// SKU), whatever the shape; absent: the shape's own (1, or 2 for regional).
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=32))]
        regions: Option<u16>,
        /// Orders instead of the preset's (the shape's settings are kept).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        orders: Option<u32>,
        /// Nodes instead of the preset's.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=2_000))]
        nodes: Option<u16>,
        /// SKUs instead of the preset's.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        skus: Option<u32>,
        /// Output file (JSON); stdout when absent.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write the CSV folder form into this directory instead.
        #[arg(long)]
        csv: Option<PathBuf>,
    },
    /// Write the wave's MIP (the cost stage, or the weighted model) as LP or MPS.
    ExportModel {
        wave: PathBuf,
        #[arg(long, value_enum, default_value = "lp")]
        format: ModelFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Benchmark greedy, the naive MIP and the optimizer on presets; writes bench/results.md
    /// and appends bench/history.csv.
    Bench(bench::BenchArgs),
    /// One measured run (used by `bench`, in its own process so peak RSS is its own).
    #[command(hide = true)]
    BenchRun(bench::BenchRunArgs),
    /// Run a what-if scenario file: the base and every variant, compared in a report folder.
    Scenario {
        /// The scenario file (TOML), see docs/scenarios.md.
        file: PathBuf,
        /// Output folder (default: `out/scenarios/<file stem>`).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Convert a public benchmark instance into a wave.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Serve the HTTP API (docs/http.md); flags fall back to WAVEOPT_* environment variables.
    Serve(crate::service::ServeArgs),
}

#[derive(Subcommand, Debug)]
pub enum ImportSource {
    /// OR-Library capacitated warehouse location (cap41 … capc).
    OrlibCap {
        file: PathBuf,
        /// Capacity to substitute in capa/capb/capc templates.
        #[arg(long)]
        capacity: Option<f64>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelFormat {
    Lp,
    Mps,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Json,
    Csv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum EngineArg {
    Mip,
    Greedy,
    Naive,
}

impl From<EngineArg> for Engine {
    fn from(e: EngineArg) -> Engine {
        match e {
            EngineArg::Mip => Engine::Mip,
            EngineArg::Greedy => Engine::Greedy,
            EngineArg::Naive => Engine::Naive,
        }
    }
}

#[derive(Args, Debug)]
pub struct PlanArgs {
    pub wave: PathBuf,
    /// Overrides `options.engine`.
    #[arg(long, value_enum)]
    pub engine: Option<EngineArg>,
    /// Overrides `options.time_limit_ms`.
    #[arg(long)]
    pub time_limit_ms: Option<i64>,
    /// Overrides `options.mip_gap`.
    #[arg(long)]
    pub mip_gap: Option<f64>,
    /// Overrides `options.threads`.
    #[arg(long)]
    pub threads: Option<i64>,
    /// Sets `options.explain`.
    #[arg(long)]
    pub explain: bool,
    /// `json`: the whole plan; `csv`: its assignments, one row per shipped or unfilled line
    /// (the form `POST /v1/plan?format=csv` answers with).
    #[arg(long, value_enum, default_value = "json")]
    pub format: PlanFormat,
    /// Write the plan here instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Do not print the plan (the summary still goes to stderr).
    #[arg(long)]
    pub summary_only: bool,
    /// Also run the independent checker on the plan and fail if it finds a violation.
    #[arg(long)]
    pub check: bool,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match commands::dispatch(cli.command) {
        Ok(code) => code,
        Err(e) => {
            print_error(&e);
            ExitCode::from(1)
        }
    }
}

/// Prints an error and every problem behind it to stderr.
pub fn print_error(e: &Error) {
    eprintln!("error: {e}");
    for p in e.details() {
        if p.path.is_empty() {
            eprintln!("  [{}] {}", p.code, p.message);
        } else {
            eprintln!("  {}  [{}] {}", p.path, p.code, p.message);
        }
    }
}
