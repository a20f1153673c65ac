//! Criterion benches, each named as a sentence: parse, validate, model build and solve timed
//! separately on the named fixtures (`datasets/sample`, the S preset) and on the M preset
//! generated in memory. Whole-wave solves at scale belong to `waveopt bench`, which compares
//! the engines in one run; these benches track the pieces between commits.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use waveopt::format::{self, Engine};
use waveopt::generate::{self, Preset};
use waveopt::model::Model;
use waveopt::solver::mip::formulation::{self, BuildFlags};
use waveopt::Wave;

fn dataset(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("datasets")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pruned() -> BuildFlags {
    BuildFlags {
        prune: true,
        names: false,
    }
}

fn with_engine(wave: &Wave, engine: Engine) -> Wave {
    let mut wave = wave.clone();
    wave.options.engine = engine;
    wave.options.threads = Some(1);
    wave
}

fn parsing(c: &mut Criterion) {
    let sample = dataset("sample/wave.json");
    let s = dataset("presets/s.wave.json");
    let m = format::to_pretty_json(&generate::generate(Preset::M, 1));
    c.bench_function("parse the sample wave", |b| {
        b.iter(|| format::parse_wave(black_box(&sample)).unwrap())
    });
    c.bench_function("parse the S preset", |b| {
        b.iter(|| format::parse_wave(black_box(&s)).unwrap())
    });
    c.bench_function("parse the M preset", |b| {
        b.iter(|| format::parse_wave(black_box(&m)).unwrap())
    });
}

fn validating(c: &mut Criterion) {
    let s = format::parse_wave(&dataset("presets/s.wave.json")).unwrap();
    let m = generate::generate(Preset::M, 1);
    c.bench_function("validate the S preset and build its domain model", |b| {
        b.iter(|| Model::from_wave(black_box(&s)).unwrap())
    });
    c.bench_function("validate the M preset and build its domain model", |b| {
        b.iter(|| Model::from_wave(black_box(&m)).unwrap())
    });
}

fn building(c: &mut Criterion) {
    let s =
        Model::from_wave(&format::parse_wave(&dataset("presets/s.wave.json")).unwrap()).unwrap();
    let m = Model::from_wave(&generate::generate(Preset::M, 1)).unwrap();
    c.bench_function("build the pruned MIP of the S preset", |b| {
        b.iter(|| formulation::build(black_box(&s), pruned()))
    });
    c.bench_function("build the pruned MIP of the M preset", |b| {
        b.iter(|| formulation::build(black_box(&m), pruned()))
    });
}

fn solving(c: &mut Criterion) {
    let sample = format::parse_wave(&dataset("sample/wave.json")).unwrap();
    let s = format::parse_wave(&dataset("presets/s.wave.json")).unwrap();
    let m = generate::generate(Preset::M, 1);
    let sample_mip = with_engine(&sample, Engine::Mip);
    c.bench_function("plan the sample wave to proven optimality", |b| {
        b.iter(|| waveopt::plan(black_box(&sample_mip), &sample_mip.options).unwrap())
    });
    let sample_naive = with_engine(&sample, Engine::Naive);
    c.bench_function("plan the sample wave with the naive monolithic MIP", |b| {
        b.iter(|| waveopt::plan(black_box(&sample_naive), &sample_naive.options).unwrap())
    });
    let s_greedy = with_engine(&s, Engine::Greedy);
    c.bench_function("route the S preset greedily", |b| {
        b.iter(|| waveopt::plan(black_box(&s_greedy), &s_greedy.options).unwrap())
    });
    let m_greedy = with_engine(&m, Engine::Greedy);
    c.bench_function("route the M preset greedily", |b| {
        b.iter(|| waveopt::plan(black_box(&m_greedy), &m_greedy.options).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = parsing, validating, building, solving
}
criterion_main!(benches);
