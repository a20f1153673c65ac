//! What-if scenarios for planners (SPEC.md §6, docs/scenarios.md).
//!
//! A scenario names a base wave and variants; a variant is a list of typed [`Edit`]s (close a
//! node, scale demand, re-rank tiers, …). Running it plans the base and every variant in
//! parallel, checks every plan, and compares them: a [`Comparison`] (serde, the JSON of
//! `POST /v1/scenarios`), rendered as Markdown/CSV/JSON tables, bar charts, maps and one
//! self-contained HTML report.
//!
//! Entry points, usable from the CLI and from an HTTP handler alike:
//! - [`parse`] (TOML scenario file text) and [`parse_json`] (a [`Scenario`] with the base wave
//!   inline); [`load`] reads a file and its base dataset;
//! - [`apply`]: one variant's edits on a wave, validated;
//! - [`run`]: everything planned and compared, giving a [`ScenarioResult`];
//! - [`render`]: tables, charts, maps and the report, as strings or into a folder.

mod apply;
pub mod charts;
pub mod cli;
mod comparison;
mod orders_diff;
pub mod render;
mod run;
mod spec;

pub use comparison::{compare, Comparison, Delta, GroupFill, NodeUse, VariantRun, VariantSummary};
pub use orders_diff::{biggest_movers, orders_diff, Change, Mover, OrderDiff, Outcome};
pub use run::{prepare, run_cases, PreparedCase, ScenarioResult, BASE_NAME};
pub use spec::{Edit, Limit, OptionsOverride, PolicyChange, Scenario, ScenarioFile, Variant};

use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::error::{Error, Problem};
use crate::format::Wave;

/// Parses a scenario file (TOML). Syntax errors give [`Error::Malformed`] with line and column;
/// shape errors (unknown fields or edit ops, wrong types) give [`Error::Invalid`] with a JSON
/// pointer such as `/variants/1/edits/0/factor`.
pub fn parse(toml_text: &str) -> Result<ScenarioFile, Error> {
    let deserializer = toml::Deserializer::new(toml_text);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let pointer = pointer_of(err.path());
        let inner = err.into_inner();
        let (line, column) = inner
            .span()
            .map_or((0, 0), |span| line_column(toml_text, span.start));
        let message = inner.message().trim().to_string();
        if pointer.is_empty() {
            Error::Malformed {
                line,
                column,
                message,
            }
        } else {
            let code = if message.starts_with("unknown field") {
                "unknown_field"
            } else if message.starts_with("missing field") {
                "missing_field"
            } else if message.starts_with("unknown variant") {
                "unknown_variant"
            } else {
                "wrong_type"
            };
            Error::Invalid(vec![Problem::new(
                pointer,
                code,
                format!("{message} (line {line}, column {column})"),
            )])
        }
    })
}

/// Parses a [`Scenario`] with its base wave inline, from JSON (the HTTP body form).
pub fn parse_json(text: &str) -> Result<Scenario, Error> {
    crate::format::parse_json(text)
}

/// Reads a scenario file and its base dataset (a wave JSON file or CSV folder, relative to the
/// scenario file). The scenario's name defaults to the file's stem.
pub fn load(path: &Path) -> Result<Scenario, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let file = parse(&text)?;
    let base_path = path.parent().unwrap_or(Path::new(".")).join(&file.base);
    let base = crate::io::load_wave(&base_path)?;
    let stem = path
        .file_stem()
        .map_or("scenario".to_string(), |s| s.to_string_lossy().to_string());
    Ok(Scenario {
        name: file.name.unwrap_or(stem),
        description: file.description,
        base,
        options: file.options,
        variants: file.variants,
    })
}

/// Applies one variant's edits to `base` and validates the result. Problems point into the
/// variant (`/edits/1/node`) and name it; [`run`] reports them under `/variants/<i>`.
pub fn apply(base: &Wave, variant: &Variant) -> Result<Wave, Error> {
    apply::apply_at(base, variant, "")
}

/// Plans the base and every variant in parallel, checks each plan, and compares them.
/// `on_done(name)` is called as each plan completes; setting `cancel` stops solves early.
pub fn run(
    scenario: &Scenario,
    on_done: &(dyn Fn(&str) + Sync),
    cancel: &AtomicBool,
) -> Result<ScenarioResult, Error> {
    let cases = prepare(scenario)?;
    run_cases(scenario, cases, on_done, cancel)
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        let token = match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => crate::error::pointer_token(key),
            Segment::Enum { variant } => crate::error::pointer_token(variant),
            Segment::Unknown => continue,
        };
        pointer.push('/');
        pointer.push_str(&token);
    }
    pointer
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}
