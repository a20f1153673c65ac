//! The fuzz harnesses of waveopt, one function per target, shared by the cargo-fuzz entry points
//! (`fuzz/fuzz_targets/*.rs`) and by the regression test `tests/adversarial_fuzz_regressions.rs`,
//! which replays every input in `datasets/adversarial/fuzz-regressions/<target>/` through the
//! same function on stable Rust.
//!
//! Each harness feeds arbitrary bytes to one entry point of the library and asserts its promise
//! (docs/reliability.md): bad input gives a clean error with well-formed problems, never a panic;
//! good input round-trips and, where it is cheap, is planned and re-checked.
//!
//! A scenario-file target is to be added when the scenario module lands.

mod csv;
pub mod mutate;
mod oracles;
mod plans;

pub use csv::{split_sections, CSV_FOLDER_FILES};

use waveopt::format;

/// Target `wave_json`: JSON text → `format::parse_wave` → `validation` / `Model::from_wave`
/// → (small valid waves) the greedy plan, which must pass the checker.
pub fn wave_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match format::parse_wave(text) {
        Ok(wave) => oracles::check_parsed_wave(&wave, true),
        Err(error) => oracles::check_parse_error(&error),
    }
}

/// Target `csv_folder`: the input is cut into files (`### <file name>` lines start each one),
/// written to a scratch folder, and read with `format::csv_folder::read_folder`.
pub fn csv_folder(data: &[u8]) {
    csv::run(data);
}

/// Target `plan_checker`: a plan (JSON) against one of a few valid waves; the first byte, when
/// it is a digit, picks the wave. `checker::check` must never panic, whatever the plan says.
pub fn plan_checker(data: &[u8]) {
    plans::run(data);
}
