//! The subcommands' bodies.

use std::path::Path;
use std::process::ExitCode;

use super::{Command, ImportSource, ModelFormat, PlanArgs, PlanFormat};
use crate::error::Error;
use crate::format::{self, Options};
use crate::io;

pub fn dispatch(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Plan(args) => plan(args),
        Command::Validate { wave, json } => validate(&wave, json),
        Command::Check { wave, plan } => check(&wave, &plan),
        Command::Generate {
            preset,
            shape,
            seed,
            regions,
            orders,
            nodes,
            skus,
            out,
            csv,
        } => generate(
            (&preset, &shape),
            crate::generate::Variant {
                regions: regions.map(usize::from),
                orders: orders.map(|n| n as usize),
                nodes: nodes.map(usize::from),
                skus: skus.map(|n| n as usize),
            },
            seed,
            out.as_deref(),
            csv.as_deref(),
        ),
        Command::ExportModel { wave, format, out } => export_model(&wave, format, &out),
        Command::Bench(args) => super::bench::bench(args),
        Command::BenchRun(args) => super::bench::bench_run(args),
        Command::Scenario { file, out } => crate::scenario::cli::run(&file, out.as_deref()),
        Command::Import { source } => match source {
            ImportSource::OrlibCap {
                file,
                capacity,
                out,
            } => import_orlib(&file, capacity, out.as_deref()),
        },
        Command::Serve(args) => crate::service::run_cli(args),
    }
}

fn emit(text: &str, out: Option<&Path>) -> Result<(), Error> {
    match out {
        Some(path) => io::write_text(path, text),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn effective_options(wave_options: &Options, args: &PlanArgs) -> Options {
    let mut o = wave_options.clone();
    if let Some(e) = args.engine {
        o.engine = e.into();
    }
    if let Some(t) = args.time_limit_ms {
        o.time_limit_ms = t;
    }
    if let Some(g) = args.mip_gap {
        o.mip_gap = g;
    }
    if let Some(t) = args.threads {
        o.threads = Some(t);
    }
    if args.explain {
        o.explain = true;
    }
    o
}

fn plan(args: PlanArgs) -> Result<ExitCode, Error> {
    let mut wave = io::load_wave(&args.wave)?;
    wave.options = effective_options(&wave.options, &args);
    let plan = crate::plan(&wave, &wave.options)?;
    let text = match args.format {
        PlanFormat::Json => format::to_pretty_json(&plan),
        PlanFormat::Csv => format::assignments_csv::assignments_csv(&plan),
    };
    if !args.summary_only {
        emit(&text, args.out.as_deref())?;
    } else if let Some(out) = &args.out {
        io::write_text(out, &text)?;
    }
    eprint!("{}", crate::report::summary::render(&plan));
    if args.check {
        let violations = crate::checker::check(&wave, &plan);
        if !violations.is_empty() {
            super::print_error(&Error::Invalid(violations));
            return Ok(ExitCode::from(1));
        }
        eprintln!("  checker: plan verified against the wave (0 violations)");
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(path: &Path, json: bool) -> Result<ExitCode, Error> {
    let result = io::load_wave(path).and_then(|wave| {
        let problems = crate::validation::validate(&wave);
        if problems.is_empty() {
            Ok(wave)
        } else {
            Err(Error::Invalid(problems))
        }
    });
    match result {
        Ok(wave) => {
            eprintln!(
                "{}: valid ({} orders, {} nodes, {} inventory records)",
                path.display(),
                wave.orders.len(),
                wave.nodes.len(),
                wave.inventory.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if json => {
            print!("{}", format::to_pretty_json(&e.to_body()));
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e),
    }
}

fn check(wave_path: &Path, plan_path: &Path) -> Result<ExitCode, Error> {
    let wave = io::load_wave(wave_path)?;
    let plan = io::load_plan(plan_path)?;
    let violations = crate::checker::check(&wave, &plan);
    if violations.is_empty() {
        eprintln!(
            "{}: plan verified against {} (0 violations)",
            plan_path.display(),
            wave_path.display()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        super::print_error(&Error::Invalid(violations));
        Ok(ExitCode::from(1))
    }
}

fn generate(
    (preset, shape): (&str, &str),
    variant: crate::generate::Variant,
    seed: u64,
    out: Option<&Path>,
    csv: Option<&Path>,
) -> Result<ExitCode, Error> {
    use crate::generate::{Preset, Shape};
    let (preset, shape) = match (preset.parse::<Preset>(), shape.parse::<Shape>()) {
        (Ok(preset), Ok(shape)) => (preset, shape),
        (preset, shape) => {
            let problems = [
                preset.err().map(|e| ("/preset", "unknown_preset", e)),
                shape.err().map(|e| ("/shape", "unknown_shape", e)),
            ];
            let problems = problems.into_iter().flatten();
            return Err(Error::Invalid(
                problems
                    .map(|(path, code, e)| crate::Problem::new(path, code, e))
                    .collect(),
            ));
        }
    };
    let wave = crate::generate::generate_with(&variant.config(preset, shape), seed);
    match csv {
        Some(dir) => format::csv_folder::write_folder(&wave, dir)?,
        None => emit(&format::to_pretty_json(&wave), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn export_model(wave_path: &Path, fmt: ModelFormat, out: &Path) -> Result<ExitCode, Error> {
    let wave = io::load_wave(wave_path)?;
    let ext = match fmt {
        ModelFormat::Lp => "lp",
        ModelFormat::Mps => "mps",
    };
    crate::solver::mip::export_model(&wave, out, ext)?;
    eprintln!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn import_orlib(file: &Path, capacity: Option<f64>, out: Option<&Path>) -> Result<ExitCode, Error> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Io {
        path: file.display().to_string(),
        source,
    })?;
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "orlib".to_string());
    let wave = crate::import::orlib_cap_to_wave(&text, capacity, &name)?;
    emit(&format::to_pretty_json(&wave), out)?;
    Ok(ExitCode::SUCCESS)
}
