//! Replays the fuzz harnesses (`fuzz/src/lib.rs`, included here so this runs on stable Rust
//! without cargo-fuzz) on every saved crash in `datasets/adversarial/fuzz-regressions/<target>/`,
//! and on the seed inputs `scripts/fuzz.sh` starts from: every wave in `datasets/`, every CSV
//! folder, and plans of the checker's waves. Each input runs under a watchdog thread.

mod common;
#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;
#[path = "adversarial_support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use waveopt::format::Engine;

const LIMIT: Duration = Duration::from_secs(60);

type Harness = fn(&[u8]);

fn harness_of(target: &str) -> Option<Harness> {
    match target {
        "wave_json" => Some(harness::wave_json),
        "csv_folder" => Some(harness::csv_folder),
        "plan_checker" => Some(harness::plan_checker),
        _ => None,
    }
}

fn replay(target: &str, name: &str, data: Vec<u8>) {
    let run = harness_of(target).unwrap_or_else(|| panic!("no harness {target}"));
    support::within(&format!("{target}/{name}"), LIMIT, move || run(&data));
}

fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, keep, found);
        } else if keep(&path) {
            found.push(path);
        }
    }
}

#[test]
fn every_saved_fuzz_crash_is_fixed() {
    let root = common::dataset_path("adversarial/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(harness_of(&target).is_some(), "{target}: not a fuzz target");
        let mut files = Vec::new();
        files_under(&dir, &|_| true, &mut files);
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            replay(&target, &name, std::fs::read(&file).unwrap());
            replayed += 1;
        }
    }
    eprintln!("{replayed} saved crashes replayed");
}

#[test]
fn the_wave_harness_holds_on_every_json_wave_in_the_datasets() {
    let mut files = Vec::new();
    let is_wave = |p: &Path| p.to_string_lossy().ends_with(".json");
    files_under(&common::dataset_path(""), &is_wave, &mut files);
    assert!(files.len() > 50, "only {} JSON files", files.len());
    for file in files {
        let name = file.display().to_string();
        replay("wave_json", &name, std::fs::read(&file).unwrap());
    }
}

/// A CSV folder in the `csv_folder` harness's input form: `### <file>` sections.
fn as_sections(folder: &Path) -> Vec<u8> {
    let mut data = Vec::new();
    for file in harness::CSV_FOLDER_FILES {
        if let Ok(contents) = std::fs::read(folder.join(file)) {
            data.extend_from_slice(format!("### {file}\n").as_bytes());
            data.extend_from_slice(&contents);
            if !contents.ends_with(b"\n") {
                data.push(b'\n');
            }
        }
    }
    data
}

#[test]
fn the_csv_harness_reads_what_it_is_given_and_holds_on_every_csv_folder() {
    let sample = common::dataset_path("sample/csv");
    let data = as_sections(&sample);
    let files = harness::split_sections(&data);
    assert_eq!(
        files.len(),
        7,
        "sections: {:?}",
        files.iter().map(|f| f.0).collect::<Vec<_>>()
    );
    for (file, contents) in &files {
        let original = std::fs::read(sample.join(file)).unwrap();
        assert_eq!(
            contents.trim_ascii_end(),
            original.trim_ascii_end(),
            "{file}"
        );
    }
    for folder in [
        "sample/csv",
        "adversarial/nan_in_csv",
        "adversarial/infinity_in_csv",
    ] {
        replay(
            "csv_folder",
            folder,
            as_sections(&common::dataset_path(folder)),
        );
    }
}

#[test]
fn the_checker_harness_accepts_real_plans_and_odd_ones() {
    for (i, data) in checker_seeds().into_iter().enumerate() {
        replay("plan_checker", &format!("seed {i}"), data);
    }
    for odd in ["", "0", "9{}", "{\"wave_id\": 1}", "1[[[[[[", "\u{0}"] {
        replay("plan_checker", odd, odd.as_bytes().to_vec());
    }
}

fn seeds_of(target: &str) -> Vec<Vec<u8>> {
    match target {
        "wave_json" => {
            let mut files = Vec::new();
            let small_wave = |p: &Path| {
                p.to_string_lossy().ends_with(".wave.json")
                    && std::fs::metadata(p).is_ok_and(|m| m.len() < 64 * 1024)
            };
            files_under(&common::dataset_path(""), &small_wave, &mut files);
            files.iter().map(|f| std::fs::read(f).unwrap()).collect()
        }
        "csv_folder" => [
            "sample/csv",
            "adversarial/nan_in_csv",
            "adversarial/infinity_in_csv",
        ]
        .iter()
        .map(|folder| as_sections(&common::dataset_path(folder)))
        .collect(),
        "plan_checker" => checker_seeds(),
        other => panic!("no seeds for {other}"),
    }
}

const CHECKER_WAVES: [&str; 4] = [
    "sample/wave.json",
    "features/reservation.network_level.wave.json",
    "features/lanes.zone_override.wave.json",
    "features/tiers.weighted_not_economic.wave.json",
];

fn checker_seeds() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for (index, file) in CHECKER_WAVES.iter().enumerate() {
        let wave = common::load_wave(file);
        for engine in [Engine::Greedy, Engine::Mip] {
            let mut data = index.to_string().into_bytes();
            let plan = common::plan_checked(&wave, engine);
            data.extend_from_slice(waveopt::format::to_pretty_json(&plan).as_bytes());
            seeds.push(data);
        }
    }
    seeds
}

/// A short stable name for a crash file.
fn fingerprint(data: &[u8]) -> String {
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("stable-{hash:016x}")
}

/// The stable fuzzer that `scripts/fuzz.sh` falls back to (`FUZZ_ENGINE=stable`):
/// `FUZZ_SECONDS` per target (default 60), `FUZZ_TARGETS` (default all), `FUZZ_SEED`.
/// Crashes are saved to `datasets/adversarial/fuzz-regressions/<target>/` and fail the test.
#[test]
#[ignore = "a bounded fuzzing run; scripts/fuzz.sh runs it"]
fn stable_fuzz() {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let seconds: u64 = env("FUZZ_SECONDS").map_or(60, |v| v.parse().unwrap());
    let seed: u64 = env("FUZZ_SEED").map_or(1, |v| v.parse().unwrap());
    let targets = env("FUZZ_TARGETS").unwrap_or("wave_json csv_folder plan_checker".into());
    let mut crashed = Vec::new();
    for target in targets.split_whitespace() {
        let harness = harness_of(target).unwrap_or_else(|| panic!("no harness {target}"));
        let seeds = seeds_of(target);
        let duration = Duration::from_secs(seconds);
        let report = harness::mutate::run(harness, &seeds, duration, seed);
        println!(
            "stable-fuzz\t{target}\t{:.0}\t{}\t{:.0}\t{}\t{}",
            report.seconds,
            report.execs,
            report.execs as f64 / report.seconds.max(1e-9),
            seeds.len(),
            report.crashes.len()
        );
        for data in &report.crashes {
            let dir = common::dataset_path(&format!("adversarial/fuzz-regressions/{target}"));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(fingerprint(data)), data).unwrap();
            crashed.push(format!("{target}/{}", fingerprint(data)));
        }
    }
    assert!(crashed.is_empty(), "crashes saved: {crashed:?}");
}
