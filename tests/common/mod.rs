//! Helpers shared by the integration tests: named fixtures from `datasets/`.
#![allow(dead_code)]

use std::path::PathBuf;

use waveopt::format::Wave;

/// Path of a file under the repository's `datasets/` folder.
pub fn dataset_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("datasets")
        .join(relative)
}

/// Loads a named wave from `datasets/` (a JSON file or a CSV folder), panicking with the error.
pub fn load_wave(relative: &str) -> Wave {
    let path = dataset_path(relative);
    waveopt::io::load_wave(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses a wave from inline JSON, panicking with the error.
pub fn wave_from_json(text: &str) -> Wave {
    waveopt::format::parse_wave(text).unwrap_or_else(|e| panic!("{e}: {:?}", e.details()))
}
