//! The CSV folder form of a wave (SPEC.md §5), for planners who live in spreadsheets.
//!
//! A folder holds `wave.json` (`wave_id`, `as_of`, `policy`, `options`), `orders.csv`,
//! `order_lines.csv`, `nodes.csv`, `inventory.csv`, and optionally `reservations.csv`,
//! `ship_methods.csv` and `lanes.csv`. Each CSV column maps onto one field of the JSON form
//! (nested fields such as `ship_to.lat` are flattened), so an empty cell means exactly what an
//! absent JSON field means. The format is documented in `docs/datasets.md`.
//!
//! The same files also arrive as an upload: one `.zip` ([`read_zip`]) or a multipart form, held
//! in memory by name ([`read_files`]).
//!
//! Reading reports every problem of every file at once, each with a path
//! `/<file>/<data row, 1-based>/<column>` (row 0 is the header).

mod archive;
mod read;
mod sheets;
mod write;

pub use archive::{read_zip, unzip, ArchiveLimits};
pub use read::{read_files, read_folder};
pub use write::write_folder;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::format::{Options, Policy};

const WAVE_JSON: &str = "wave.json";

/// `wave.json`: everything of a wave that is not a table.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wave_id: Option<String>,
    as_of: String,
    #[serde(default)]
    policy: Policy,
    #[serde(default)]
    options: Options,
}

fn io_error(path: &std::path::Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}
