//! The CSV folder form: a folder of spreadsheets that reads to the same wave as its JSON form,
//! with empty cells meaning absent fields, and every bad cell of every file reported at once
//! with a path `/<file>/<data row>/<column>`.
//!
//! `datasets/sample/csv/` is `datasets/sample/wave.json` written by `write_folder`. After an
//! intended change to the sample, rewrite it with `WAVEOPT_BLESS=1 cargo test --test csv_folder`.

mod common;

use std::path::{Path, PathBuf};

use common::{dataset_path, load_wave};
use waveopt::format::csv_folder::{read_folder, write_folder};
use waveopt::format::{NodeKind, Wave};
use waveopt::generate::{generate, Preset};
use waveopt::{Error, Problem};

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("csv_folder")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).unwrap();
}

/// The smallest valid folder: one order of one line, one node with stock.
fn minimal_folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    write(&dir, "wave.json", r#"{"as_of": "2026-11-26T10:00:00Z"}"#);
    write(
        &dir,
        "orders.csv",
        "id,channel,customer,lat,lon\nSO-1,web,C-1,40.7,-74.0\n",
    );
    write(
        &dir,
        "order_lines.csv",
        "order_id,line_id,sku,qty\nSO-1,1,A,2\n",
    );
    write(
        &dir,
        "nodes.csv",
        "id,kind,lat,lon\nDC-1,warehouse,40.6,-75.5\n",
    );
    write(&dir, "inventory.csv", "node,sku,on_hand\nDC-1,A,10\n");
    dir
}

fn problems(result: Result<Wave, Error>) -> Vec<Problem> {
    match result {
        Err(Error::Invalid(problems)) => problems,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn paths_and_codes(problems: &[Problem]) -> Vec<(&str, &str)> {
    problems
        .iter()
        .map(|p| (p.path.as_str(), p.code.as_str()))
        .collect()
}

#[test]
fn the_sample_csv_folder_loads_to_the_same_wave_as_the_sample_json() {
    let json = load_wave("sample/wave.json");
    if std::env::var_os("WAVEOPT_BLESS").is_some() {
        write_folder(&json, &dataset_path("sample/csv")).unwrap();
    }
    assert_eq!(load_wave("sample/csv"), json);
}

#[test]
fn the_sample_wave_is_valid() {
    let problems = waveopt::validation::validate(&load_wave("sample/wave.json"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn writing_a_generated_wave_and_reading_it_back_gives_the_same_wave() {
    let wave = generate(Preset::S, 1);
    let dir = scratch("round_trip");
    write_folder(&wave, &dir).unwrap();
    assert_eq!(read_folder(&dir).unwrap(), wave);
}

#[test]
fn writing_over_a_folder_removes_optional_files_the_wave_no_longer_has() {
    let mut wave = generate(Preset::S, 1);
    let dir = scratch("rewrite");
    write_folder(&wave, &dir).unwrap();
    wave.lanes.clear();
    wave.ship_methods.clear();
    write_folder(&wave, &dir).unwrap();
    assert!(!dir.join("lanes.csv").exists());
    assert_eq!(read_folder(&dir).unwrap(), wave);
}

#[test]
fn a_minimal_folder_reads_with_json_defaults_for_every_left_out_column() {
    let wave = read_folder(&minimal_folder("minimal")).unwrap();
    assert_eq!(
        wave.wave_id, "minimal",
        "wave_id defaults to the folder name"
    );
    let node = &wave.nodes[0];
    assert_eq!(node.kind, NodeKind::Warehouse);
    assert!(node.active && node.channels.is_none() && node.capacity.is_unlimited());
    assert_eq!(wave.orders[0].lines[0].qty, 2);
    assert!(wave.reservations.is_empty() && wave.ship_methods.is_empty());
    assert_eq!(wave.policy, Default::default());
}

#[test]
fn empty_cells_mean_absent_fields_and_lists_are_split_on_semicolons() {
    let dir = minimal_folder("empty_cells");
    write(
        &dir,
        "nodes.csv",
        "id,kind,lat,lon,active,capacity_units,channels\n\
         DC-1,warehouse,40.6,-75.5,,,\n\
         ST-2,store,41.9,-87.6,false,40, web ; phone \n",
    );
    write(&dir, "ship_methods.csv", "id,base_cost\nground,\n");
    let wave = read_folder(&dir).unwrap();
    assert!(wave.nodes[0].active && wave.nodes[0].channels.is_none());
    assert!(!wave.nodes[1].active);
    assert_eq!(wave.nodes[1].capacity.units, Some(40));
    assert_eq!(
        wave.nodes[1].channels,
        Some(vec!["web".to_string(), "phone".to_string()])
    );
    let ground = &wave.ship_methods[0];
    assert_eq!(
        (ground.base_cost, ground.km_per_day, ground.min_days),
        (0.0, 800.0, 1)
    );
}

#[test]
fn lines_without_a_line_id_are_numbered_within_their_order() {
    let dir = minimal_folder("line_ids");
    write(
        &dir,
        "order_lines.csv",
        "order_id,sku,qty\nSO-1,A,1\nSO-1,B,2\n",
    );
    let wave = read_folder(&dir).unwrap();
    let ids: Vec<&str> = wave.orders[0].lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
}

#[test]
fn every_bad_cell_of_every_file_is_reported_at_once_with_its_path() {
    let dir = minimal_folder("bad_cells");
    write(
        &dir,
        "orders.csv",
        "id,channel,customer,lat,lon,ship_complete\n\
         SO-1,web,C-1,40.7,-74.0,\n\
         SO-2,web,C-2,NaN,-74.0,maybe\n",
    );
    write(
        &dir,
        "order_lines.csv",
        "order_id,line_id,sku,qty\nSO-1,1,A,two\nSO-2,1,,1\nSO-9,1,A,1\n",
    );
    write(&dir, "nodes.csv", "id,kind,lat,lon\nDC-1,depot,40.6,inf\n");
    write(&dir, "inventory.csv", "node,sku,on_hand\nDC-1,A,1.5\n");
    let found = problems(read_folder(&dir));
    assert_eq!(
        paths_and_codes(&found),
        [
            ("/orders.csv/2/lat", "not_finite"),
            ("/orders.csv/2/ship_complete", "bad_cell"),
            ("/order_lines.csv/1/qty", "bad_cell"),
            ("/order_lines.csv/2/sku", "bad_cell"),
            ("/order_lines.csv/3/order_id", "unknown_order"),
            ("/nodes.csv/1/kind", "bad_cell"),
            ("/nodes.csv/1/lon", "not_finite"),
            ("/inventory.csv/1/on_hand", "bad_cell"),
        ]
    );
    assert!(found[2].message.contains("'two'"), "{}", found[2].message);
}

#[test]
fn unknown_duplicate_and_missing_columns_are_reported() {
    let dir = minimal_folder("columns");
    write(
        &dir,
        "orders.csv",
        "id,channel,colour,channel\nSO-1,web,red,web\n",
    );
    let found = problems(read_folder(&dir));
    assert_eq!(
        paths_and_codes(&found),
        [
            ("/orders.csv/0/colour", "unknown_column"),
            ("/orders.csv/0/channel", "duplicate_column"),
            ("/orders.csv/0/customer", "missing_column"),
        ]
    );
}

#[test]
fn every_missing_required_file_is_reported() {
    let dir = scratch("missing_files");
    let found = problems(read_folder(&dir));
    let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/wave.json",
            "/orders.csv",
            "/order_lines.csv",
            "/nodes.csv",
            "/inventory.csv"
        ]
    );
    assert!(found.iter().all(|p| p.code == "missing_file"));
}

#[test]
fn a_bad_wave_json_is_reported_with_its_path_inside_the_file() {
    let dir = minimal_folder("bad_header");
    write(
        &dir,
        "wave.json",
        r#"{"as_of": "2026-11-26T10:00:00Z", "colour": 1}"#,
    );
    let found = problems(read_folder(&dir));
    assert_eq!(
        paths_and_codes(&found),
        [("/wave.json/colour", "unknown_field")]
    );
    write(&dir, "wave.json", "{");
    assert_eq!(problems(read_folder(&dir))[0].path, "/wave.json");
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_reported() {
    let dir = minimal_folder("ragged");
    write(&dir, "inventory.csv", "node,sku,on_hand\nDC-1,A,10,extra\n");
    let found = problems(read_folder(&dir));
    assert_eq!(paths_and_codes(&found), [("/inventory.csv/1", "bad_row")]);
}

#[test]
fn bytes_that_are_not_utf8_are_reported_and_reading_goes_on() {
    let dir = minimal_folder("not_utf8");
    std::fs::write(
        dir.join("inventory.csv"),
        b"node,sku,on_hand\nDC-1,\xff\xfe,3\nDC-1,B,x\n",
    )
    .unwrap();
    let found = problems(read_folder(&dir));
    assert_eq!(
        paths_and_codes(&found),
        [
            ("/inventory.csv/1", "bad_row"),
            ("/inventory.csv/2/on_hand", "bad_cell")
        ]
    );
}

#[test]
fn a_node_with_only_one_coordinate_is_reported() {
    let dir = minimal_folder("half_location");
    write(&dir, "nodes.csv", "id,kind,lat,lon\nDC-1,warehouse,40.6,\n");
    let found = problems(read_folder(&dir));
    assert_eq!(paths_and_codes(&found), [("/nodes.csv/1/lat", "bad_cell")]);
}

#[test]
fn blank_rows_are_skipped_but_keep_their_row_numbers() {
    let dir = minimal_folder("blank_rows");
    write(&dir, "inventory.csv", "node,sku,on_hand\n,,\nDC-1,A,x\n");
    let found = problems(read_folder(&dir));
    assert_eq!(
        paths_and_codes(&found),
        [("/inventory.csv/2/on_hand", "bad_cell")]
    );
}

#[test]
fn a_missing_folder_is_an_io_error() {
    let missing = scratch("gone").join("nothing-here");
    assert!(matches!(read_folder(&missing), Err(Error::Io { .. })));
}
