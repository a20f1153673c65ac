//! The README's wave is real: the JSON block it shows parses, validates and plans, and the CSV
//! it shows is the plan's assignments CSV, row for row.

use waveopt::format;

/// The text of the first fenced block of `kind` after `marker` in the README.
fn fenced(readme: &str, marker: &str, kind: &str) -> String {
    let from = readme
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} not in README"));
    let open = format!("```{kind}\n");
    let start = from + readme[from..].find(&open).expect("an opening fence") + open.len();
    let end = start + readme[start..].find("```").expect("a closing fence");
    readme[start..end].to_string()
}

#[test]
fn the_readme_wave_plans_to_the_csv_it_shows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let wave = format::parse_wave(&fenced(&readme, "## A wave", "json")).unwrap();
    assert!(waveopt::validation::validate(&wave).is_empty());
    let plan = waveopt::plan(&wave, &wave.options).unwrap();
    assert!(waveopt::checker::check(&wave, &plan).is_empty());
    let console = fenced(&readme, "## A wave", "console");
    let shown = console
        .split_once("$ cat plan.csv\n")
        .expect("the README shows plan.csv")
        .1;
    assert_eq!(shown, format::assignments_csv::assignments_csv(&plan));
    let order = &plan.orders[0];
    assert_eq!(
        order.metadata.as_ref().map(|m| m.json()),
        Some(r#"{"erp_ref": "4711"}"#)
    );
}
