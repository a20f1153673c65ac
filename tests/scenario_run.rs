//! Running scenarios end to end: every example into a temporary folder with every file, every
//! plan verified by the checker, and the same file giving the same comparison twice.

mod common;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use waveopt::scenario::{self, render, Comparison, ScenarioResult};

fn run_example(name: &str) -> ScenarioResult {
    let path = common::dataset_path(&format!("scenarios/{name}.toml"));
    let loaded = scenario::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    scenario::run(&loaded, &|_| {}, &AtomicBool::new(false))
        .unwrap_or_else(|e| panic!("{name}: {e}: {:#?}", e.details()))
}

fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("scenario-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_example_runs_end_to_end_into_a_report_folder() {
    for name in [
        "sample-stock-count",
        "sample-edi-reservations",
        "s-demand-surge",
    ] {
        let result = run_example(name);
        for run in &result.runs {
            let violations = waveopt::checker::check(&run.wave, &run.plan);
            assert!(
                violations.is_empty(),
                "{name}/{}: {violations:#?}",
                run.name
            );
            assert_eq!(
                run.wave.options.threads,
                Some(1),
                "one HiGHS thread per plan"
            );
        }
        let c = &result.comparison;
        assert_eq!(c.variants.len(), result.runs.len());
        assert_eq!(c.variants[0].name, "base");
        assert!(c.variants[0].delta.is_none());
        assert!(c.variants[1..].iter().all(|v| v.delta.is_some()));

        let dir = out_dir(name);
        let written = render::write_folder(&result, &dir).unwrap();
        let mut expected: Vec<String> = [
            "comparison.md",
            "comparison.csv",
            "comparison.json",
            "orders_diff.csv",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for stem in render::plan_stems(&result) {
            expected.push(format!("{stem}.plan.json"));
            expected.push(format!("{stem}.assignments.csv"));
        }
        for stem in ["cost-breakdown", "fill-by-tier", "node-utilisation"] {
            expected.push(format!("{stem}.svg"));
            expected.push(format!("{stem}.png"));
        }
        for (i, run) in result.runs.iter().enumerate() {
            let stem = format!("map-{i:02}-{}", render::slug(&run.name));
            expected.push(format!("{stem}.svg"));
            expected.push(format!("{stem}.png"));
        }
        expected.push("report.html".to_string());
        for file in &expected {
            let path = dir.join(file);
            let size = std::fs::metadata(&path)
                .unwrap_or_else(|_| panic!("{name}: {file} missing"))
                .len();
            assert!(size > 200, "{name}: {file} is only {size} bytes");
            assert!(written.contains(&path), "{name}: {file} not reported");
        }
        assert_eq!(written.len(), expected.len());
        let png = std::fs::read(dir.join("cost-breakdown.png")).unwrap();
        assert_eq!(&png[1..4], b"PNG");

        let json = std::fs::read_to_string(dir.join("comparison.json")).unwrap();
        let back: Comparison = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, c);
        let csv = std::fs::read_to_string(dir.join("comparison.csv")).unwrap();
        assert_eq!(csv.lines().count(), 1 + c.variants.len());

        let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
        assert_eq!(
            html.matches("<svg").count(),
            3 + result.runs.len(),
            "{name}: charts and maps inline"
        );
        for external in ["src=\"http", "href=\"http", "<script src", "<link"] {
            assert!(
                !html.contains(external),
                "{name}: report.html loads {external}"
            );
        }
    }
}

#[test]
fn the_same_file_twice_gives_the_same_comparison_and_report() {
    let first = run_example("sample-edi-reservations");
    let second = run_example("sample-edi-reservations");
    assert_eq!(
        render::json(&first.comparison),
        render::json(&second.comparison)
    );
    let (a, b) = (render::render(&first), render::render(&second));
    assert_eq!(a.markdown, b.markdown);
    assert_eq!(a.csv, b.csv);
    assert_eq!(a.html, b.html);
}

#[test]
fn the_comparison_shows_what_closing_a_dc_does() {
    let result = run_example("sample-stock-count");
    let c = &result.comparison;
    let closed = &c.variants[1];
    assert_eq!(closed.name, "DC-EAST closed");
    let east = c.nodes.iter().position(|n| n == "DC-EAST").unwrap();
    assert!(!closed.nodes[east].active);
    assert_eq!(closed.nodes[east].units, 0);
    assert!(c.variants[0].nodes[east].units > 0);
    let delta = closed.delta.as_ref().unwrap();
    assert!(delta.total_cost > 0.0, "closing the main DC costs more");
    assert!(delta.fill_rate < 0.0, "and fills less");
    assert_eq!(c.tiers, ["strategic", "key", "standard"]);
    let markdown = render::markdown(c);
    assert!(markdown.contains("| DC-EAST closed |"));
    assert!(markdown.contains("closed"));
}
