//! Reading waves and plans from files: a JSON file, or a CSV folder (SPEC.md §5).

use std::path::Path;

use crate::error::Error;
use crate::format::{self, Plan, Wave};

fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Loads a wave from a `.json` file, or from a folder in the CSV form.
pub fn load_wave(path: &Path) -> Result<Wave, Error> {
    if path.is_dir() {
        return format::csv_folder::read_folder(path);
    }
    format::parse_wave(&read_text(path)?)
}

pub fn load_plan(path: &Path) -> Result<Plan, Error> {
    format::parse_plan(&read_text(path)?)
}

pub fn write_text(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.display().to_string(),
                source,
            })?;
        }
    }
    std::fs::write(path, text).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}
