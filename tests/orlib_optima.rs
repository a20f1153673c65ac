//! Proof against published optima: OR-Library capacitated warehouse location instances
//! (Beasley 1988), imported as waves, must come back at their known optimal cost to 1e-6
//! relative, proven optimal, and pass the checker. The 100 × 1,000 instances (capa/b/c) take
//! minutes each: they are `#[ignore]`d here and run by `make orlib-large` and the benchmarks.

mod common;

use waveopt::format::{Engine, PlanStatus};

struct Instance {
    name: String,
    capacity: Option<f64>,
    optimum: f64,
}

fn instances() -> Vec<Instance> {
    let text = std::fs::read_to_string(common::dataset_path("orlib-cflp/optima.csv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            Instance {
                name: cells[0].to_string(),
                capacity: cells[1].parse().ok(),
                optimum: cells[2].parse().unwrap(),
            }
        })
        .collect()
}

fn reproduce(instance: &Instance) {
    let path = common::dataset_path(&format!("orlib-cflp/{}.txt", instance.name));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut wave =
        waveopt::import::orlib_cap_to_wave(&text, instance.capacity, &instance.name).unwrap();
    wave.options.mip_gap = 1e-9;
    wave.options.time_limit_ms = 600_000;
    let plan = common::plan_checked(&wave, Engine::Mip);
    let relative = (plan.objective.total - instance.optimum).abs() / instance.optimum;
    assert!(
        relative <= 1e-6,
        "{}: total {} but the published optimum is {} (relative error {relative:e})",
        instance.name,
        plan.objective.total,
        instance.optimum
    );
    assert_eq!(plan.status, PlanStatus::Optimal, "{}", instance.name);
    assert_eq!(
        plan.kpis.fill_rate, 1.0,
        "{}: every unit must be served",
        instance.name
    );
}

#[test]
fn every_small_orlib_instance_reproduces_its_published_optimum() {
    for instance in instances().iter().filter(|i| i.capacity.is_none()) {
        reproduce(instance);
    }
}

#[test]
#[ignore = "minutes per instance: run with `make orlib-large`"]
fn the_large_orlib_instances_reproduce_their_optima() {
    for instance in instances().iter().filter(|i| i.capacity.is_some()) {
        let started = std::time::Instant::now();
        reproduce(instance);
        eprintln!(
            "{}: optimum reproduced in {:.1} s",
            instance.name,
            started.elapsed().as_secs_f64()
        );
    }
}
