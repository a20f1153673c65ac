//! Rendering a scenario's result: `comparison.{md,csv,json}`, the charts and maps (SVG and
//! PNG), and `report.html`. [`render`] gives every text artefact as strings (for an HTTP
//! handler); [`write_folder`] writes them all, PNGs included, into a directory.

mod html;
mod orders;
mod tables;

pub use orders::{movers_table, orders_diff_csv};
pub use tables::{csv, markdown, markdown_with, tables, Table};

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::scenario::charts::{Figure, MapFrame};
use crate::scenario::orders_diff::biggest_movers;
use crate::scenario::run::ScenarioResult;
use crate::scenario::Comparison;

/// One chart or map, drawn as SVG; `stem` is its file name without extension.
#[derive(Debug, Clone)]
pub struct RenderedFigure {
    pub stem: String,
    pub title: String,
    pub svg: String,
}

/// Every text artefact of a report.
#[derive(Debug, Clone)]
pub struct RenderedReport {
    pub markdown: String,
    pub csv: String,
    pub json: String,
    pub charts: Vec<RenderedFigure>,
    pub maps: Vec<RenderedFigure>,
    pub html: String,
    /// `orders_diff.csv`.
    pub orders_diff: String,
}

/// Rows of the "biggest movers" table in `report.html` and `comparison.md`.
pub const MOVERS_SHOWN: usize = 12;

/// `comparison.json`.
pub fn json(c: &Comparison) -> String {
    crate::format::to_pretty_json(c)
}

/// A file-name-safe form of a variant name: lowercase letters and digits, dashes between.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The file stem of each plan (base first): the variant's [`slug`], made unique with `-2`, `-3`…
/// when two names slug alike, and `variant-<i>` when a name has no letter or digit.
pub fn plan_stems(result: &ScenarioResult) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    for (i, run) in result.runs.iter().enumerate() {
        let mut stem = slug(&run.name);
        if stem.is_empty() {
            stem = format!("variant-{i}");
        }
        let mut unique = stem.clone();
        let mut n = 2;
        while stems.contains(&unique) {
            unique = format!("{stem}-{n}");
            n += 1;
        }
        stems.push(unique);
    }
    stems
}

struct Named<'a> {
    stem: String,
    title: String,
    figure: Figure<'a>,
}

fn chart_figures(c: &Comparison) -> Vec<Named<'_>> {
    vec![
        Named {
            stem: "cost-breakdown".into(),
            title: "Cost breakdown per variant".into(),
            figure: Figure::CostBreakdown(c),
        },
        Named {
            stem: "fill-by-tier".into(),
            title: "Fill rate by tier per variant".into(),
            figure: Figure::FillByTier(c),
        },
        Named {
            stem: "node-utilisation".into(),
            title: "Node utilisation per variant".into(),
            figure: Figure::NodeUtilisation(c),
        },
    ]
}

fn map_figures<'a>(result: &'a ScenarioResult, frame: Option<&'a MapFrame>) -> Vec<Named<'a>> {
    let Some(frame) = frame else {
        return Vec::new();
    };
    result
        .runs
        .iter()
        .enumerate()
        .map(|(i, run)| Named {
            stem: format!("map-{i:02}-{}", slug(&run.name)),
            title: format!("Map: {}", run.name),
            figure: Figure::Map(run, frame, &result.comparison.nodes),
        })
        .collect()
}

fn to_svg(named: Vec<Named<'_>>) -> Vec<RenderedFigure> {
    named
        .into_iter()
        .map(|n| RenderedFigure {
            svg: n.figure.svg(),
            stem: n.stem,
            title: n.title,
        })
        .collect()
}

/// Every text artefact of the report (no PNGs), deterministic for a given result.
pub fn render(result: &ScenarioResult) -> RenderedReport {
    let c = &result.comparison;
    let frame = result.runs.first().and_then(|r| MapFrame::of(&r.wave));
    let charts = to_svg(chart_figures(c));
    let maps = to_svg(map_figures(result, frame.as_ref()));
    let movers = || {
        vec![movers_table(&biggest_movers(
            &result.orders_diff,
            MOVERS_SHOWN,
        ))]
    };
    let html = html::report(c, movers(), &charts, &maps);
    RenderedReport {
        markdown: markdown_with(c, movers()),
        csv: csv(c),
        json: json(c),
        charts,
        maps,
        html,
        orders_diff: orders_diff_csv(&result.orders_diff),
    }
}

/// Writes the whole report into `dir` (created if needed) and returns the files written:
/// `comparison.{md,csv,json}`, `orders_diff.csv`, each plan as `<variant>.plan.json` and
/// `<variant>.assignments.csv`, each chart and map as `.svg` and `.png`, and `report.html`.
pub fn write_folder(result: &ScenarioResult, dir: &Path) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let report = render(result);
    let mut written = Vec::new();
    let mut text = |name: &str, content: &str| -> Result<(), Error> {
        let path = dir.join(name);
        crate::io::write_text(&path, content)?;
        written.push(path);
        Ok(())
    };
    text("comparison.md", &report.markdown)?;
    text("comparison.csv", &report.csv)?;
    text("comparison.json", &report.json)?;
    text("orders_diff.csv", &report.orders_diff)?;
    for (stem, run) in plan_stems(result).iter().zip(&result.runs) {
        text(
            &format!("{stem}.plan.json"),
            &crate::format::to_pretty_json(&run.plan),
        )?;
        text(
            &format!("{stem}.assignments.csv"),
            &crate::format::assignments_csv(&run.plan),
        )?;
    }
    for figure in report.charts.iter().chain(&report.maps) {
        text(&format!("{}.svg", figure.stem), &figure.svg)?;
    }
    text("report.html", &report.html)?;
    let frame = result.runs.first().and_then(|r| MapFrame::of(&r.wave));
    let figures = chart_figures(&result.comparison)
        .into_iter()
        .chain(map_figures(result, frame.as_ref()));
    for named in figures {
        let path = dir.join(format!("{}.png", named.stem));
        named.figure.png(&path)?;
        written.push(path);
    }
    Ok(written)
}
