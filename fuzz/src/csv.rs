//! The `csv_folder` harness: bytes → a folder of files → `read_folder`.

use std::path::PathBuf;

use waveopt::error::Error;
use waveopt::format::csv_folder::read_folder;

use super::oracles;

/// The files a CSV folder may hold; a `### <name>` line in the input starts one of them.
pub const CSV_FOLDER_FILES: [&str; 8] = [
    "wave.json",
    "orders.csv",
    "order_lines.csv",
    "nodes.csv",
    "inventory.csv",
    "reservations.csv",
    "ship_methods.csv",
    "lanes.csv",
];

/// Cuts the input into `(file, contents)`: each `### <file>` line (a name from
/// [`CSV_FOLDER_FILES`]) starts a file; bytes before the first such line are ignored. Contents
/// are raw bytes (not necessarily UTF-8). A file named twice keeps its last contents.
pub fn split_sections(data: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let mut files: Vec<(&'static str, Vec<u8>)> = Vec::new();
    let mut current: Option<usize> = None;
    for line in data.split(|&b| b == b'\n') {
        let header = line.strip_prefix(b"### ").and_then(|name| {
            CSV_FOLDER_FILES
                .iter()
                .find(|f| f.as_bytes() == name.trim_ascii())
        });
        if let Some(&name) = header {
            files.retain(|(f, _)| *f != name);
            files.push((name, Vec::new()));
            current = Some(files.len() - 1);
        } else if let Some(i) = current {
            files[i].1.extend_from_slice(line);
            files[i].1.push(b'\n');
        }
    }
    files
}

fn scratch_folder() -> PathBuf {
    std::env::temp_dir().join(format!("waveopt-fuzz-csv-{}", std::process::id()))
}

pub fn run(data: &[u8]) {
    let dir = scratch_folder();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    for (name, contents) in split_sections(data) {
        std::fs::write(dir.join(name), contents).expect("scratch file");
    }
    match read_folder(&dir) {
        Ok(wave) => oracles::check_parsed_wave(&wave, false),
        Err(Error::Invalid(problems)) => {
            assert!(!problems.is_empty(), "an invalid folder with no problem");
            for p in &problems {
                assert!(p.path.starts_with('/'), "{p:?}");
                assert!(!p.message.is_empty(), "{p:?}");
            }
            oracles::check_body(&Error::Invalid(problems));
        }
        Err(other) => panic!("read_folder gave {other:?}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
