//! The CSV folder form of a wave (placeholder until the CSV reader lands).
use std::path::Path;

use crate::error::Error;
use crate::format::Wave;

/// Reads a wave from a folder of CSV files.
pub fn read_folder(path: &Path) -> Result<Wave, Error> {
    Err(Error::Io {
        path: path.display().to_string(),
        source: std::io::Error::other("CSV folders are not supported yet"),
    })
}

/// Writes a wave as a folder of CSV files (placeholder until the CSV writer lands).
pub fn write_folder(_wave: &Wave, path: &Path) -> Result<(), Error> {
    Err(Error::Io {
        path: path.display().to_string(),
        source: std::io::Error::other("CSV folders are not supported yet"),
    })
}
