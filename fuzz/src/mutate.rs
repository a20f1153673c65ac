//! A small coverage-blind mutation fuzzer on stable Rust, for machines where the cargo-fuzz
//! build is not available (`scripts/fuzz.sh` falls back to it; `FUZZ_ENGINE=stable` forces it).
//! It runs a harness on mutants of seed inputs for a fixed time, catching panics; the JSON-aware
//! mutations (hostile tokens spliced in at token boundaries) make up for the missing coverage
//! feedback on these text formats.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use waveopt::generate::Rng;

/// Tokens that hostile or broken upstream systems send.
const TOKENS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "1e308",
    "-0",
    "0",
    "-1",
    "-3",
    "0.5",
    "18446744073709551615",
    "9223372036854775807",
    "-9223372036854775808",
    "1e9",
    "1000000001",
    "null",
    "true",
    "false",
    "\"\"",
    "\" \"",
    "\"\\u0000\"",
    "\"\\u202e\"",
    "\"é\"",
    "[]",
    "{}",
    "[[[[[[[[",
    "{\"a\":",
    "\"2026-02-30\"",
    "\"2026-11-26T10:00:00\"",
    "\"x\"",
    ",",
    ":",
    "\n",
    ";",
    "\"",
    "inf",
    "nan",
    "###",
    "### orders.csv\n",
    "### wave.json\n",
];

/// What a run did, for the figures in docs/reliability.md.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub execs: u64,
    pub seconds: f64,
    /// Inputs that panicked (the first few), to be saved as regression fixtures.
    pub crashes: Vec<Vec<u8>>,
}

pub fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input.remove(i);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = boundary(rng, input);
                input.splice(at..at, token.iter().copied());
            }
            3 if len > 0 => {
                // Replace the value after a token boundary by a hostile token.
                let at = boundary(rng, input);
                let end = (at..input.len())
                    .find(|&i| matches!(input[i], b',' | b'}' | b']' | b'\n'))
                    .unwrap_or(input.len());
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..end, token.iter().copied());
            }
            4 if len > 1 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                let chunk = input[a..b].to_vec();
                let at = rng.below(len);
                input.splice(at..at, chunk);
            }
            5 if len > 0 => input.truncate(rng.below(len)),
            6 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + 1 + rng.below(256)).min(other.len());
                    let at = boundary(rng, input);
                    input.splice(at..at, other[a..b].iter().copied());
                }
            }
            _ if len > 0 => {
                let i = rng.below(len);
                input[i] = b"0123456789-+.eE\"[]{}:,"[rng.below(22)];
            }
            _ => input.extend_from_slice(b"{}"),
        }
    }
    input.truncate(1 << 20);
}

/// A random position just after a JSON/CSV separator (or anywhere, sometimes).
fn boundary(rng: &mut Rng, input: &[u8]) -> usize {
    if input.is_empty() {
        return 0;
    }
    let start = rng.below(input.len());
    if rng.chance(0.2) {
        return start;
    }
    (start..input.len())
        .find(|&i| matches!(input[i], b':' | b',' | b'[' | b'\n'))
        .map_or(start, |i| i + 1)
}

/// Runs `harness` on mutants of `seeds` for `duration`, from a fixed `seed` (reproducible up to
/// the time bound). Panics are caught and collected, at most 5.
pub fn run(harness: fn(&[u8]), seeds: &[Vec<u8>], duration: Duration, seed: u64) -> Report {
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut report = Report::default();
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    while started.elapsed() < duration && report.crashes.len() < 5 {
        let mut input = if seeds.is_empty() {
            Vec::new()
        } else {
            seeds[rng.below(seeds.len())].clone()
        };
        mutate(&mut rng, seeds, &mut input);
        if catch_unwind(AssertUnwindSafe(|| harness(&input))).is_err() {
            report.crashes.push(input);
        }
        report.execs += 1;
    }
    std::panic::set_hook(previous_hook);
    report.seconds = started.elapsed().as_secs_f64();
    report
}
