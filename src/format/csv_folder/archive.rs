//! The CSV folder as one `.zip` (a planner's upload): its files by name, then read like a
//! folder on disk. Entries inside subfolders count by their file name (a zipped folder
//! `wave/orders.csv` gives `orders.csv`); folders, hidden files and macOS's `__MACOSX/` copies
//! are skipped. Decompressed sizes are capped, so a small archive cannot expand without bound.

use std::collections::BTreeMap;
use std::io::Read;

use crate::error::{Error, Problem};
use crate::format::Wave;

/// How much an archive may hold once decompressed.
#[derive(Debug, Clone, Copy)]
pub struct ArchiveLimits {
    /// Entries, folders included.
    pub max_entries: usize,
    /// Bytes of every file together, decompressed.
    pub max_bytes: u64,
}

/// Reads a wave from a `.zip` of the CSV folder; `default_id` is its `wave_id` when
/// `wave.json` gives none. Every problem of every file comes back at once, by file, row and
/// column (`/orders.csv/3/qty`).
pub fn read_zip(bytes: &[u8], default_id: &str, limits: ArchiveLimits) -> Result<Wave, Error> {
    super::read_files(&unzip(bytes, limits)?, default_id)
}

fn bad_archive(message: String) -> Error {
    Error::Invalid(vec![Problem::new("", "bad_archive", message)])
}

/// The archive's files by name. An unreadable archive or entry is `bad_archive`, two files of
/// one name `duplicate_file`, and more than the limits allow [`Error::TooLarge`].
pub fn unzip(bytes: &[u8], limits: ArchiveLimits) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| bad_archive(format!("the body is not a readable .zip: {e}")))?;
    if archive.len() > limits.max_entries {
        return Err(Error::TooLarge(format!(
            "the archive has {} entries; at most {} are accepted",
            archive.len(),
            limits.max_entries
        )));
    }
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| bad_archive(format!("entry {index} cannot be read: {e}")))?;
        let path = entry
            .name()
            .map_err(|e| bad_archive(format!("entry {index} has no usable name: {e}")))?
            .to_string();
        let Some(name) = kept_name(&path, entry.is_dir()) else {
            continue;
        };
        let remaining = limits.max_bytes.saturating_sub(total);
        let mut content = Vec::new();
        (&mut entry)
            .take(remaining + 1)
            .read_to_end(&mut content)
            .map_err(|e| bad_archive(format!("{path} cannot be decompressed: {e}")))?;
        total += content.len() as u64;
        if total > limits.max_bytes {
            return Err(Error::TooLarge(format!(
                "the archive's files hold more than {} bytes decompressed",
                limits.max_bytes
            )));
        }
        match files.entry(name) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(content);
            }
            std::collections::btree_map::Entry::Occupied(taken) => {
                problems.push(Problem::new(
                    format!("/{}", crate::error::pointer_token(taken.key())),
                    "duplicate_file",
                    format!(
                        "the archive holds {} twice (the second is {path})",
                        taken.key()
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The file name an entry counts as, or `None` for what is skipped.
fn kept_name(path: &str, is_dir: bool) -> Option<String> {
    if is_dir || path.starts_with("__MACOSX/") || path.contains("/__MACOSX/") {
        return None;
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if name.is_empty() || name.starts_with('.') {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::kept_name;

    #[test]
    fn entries_count_by_file_name_and_clutter_is_skipped() {
        assert_eq!(
            kept_name("orders.csv", false).as_deref(),
            Some("orders.csv")
        );
        assert_eq!(
            kept_name("wave/orders.csv", false).as_deref(),
            Some("orders.csv")
        );
        assert_eq!(kept_name("wave/", true), None);
        assert_eq!(kept_name("__MACOSX/wave/._orders.csv", false), None);
        assert_eq!(kept_name("wave/.DS_Store", false), None);
    }
}
