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

/// On a fixed-charge wave the cost stage's start comes from the nodes its LP opens: cap131's
/// greedy start, with nodes closed one at a time, keeps nodes open that the optimum closes, and
/// the MIP over the nodes the LP uses finds the published optimum before the last stage runs.
/// That MIP's bound holds only over those nodes, so its stage reports none.
#[test]
fn the_lp_opening_gives_cap131s_cost_stage_the_optimum_as_its_start() {
    let instance = instances()
        .into_iter()
        .find(|i| i.name == "cap131")
        .expect("cap131 in optima.csv");
    let path = common::dataset_path("orlib-cflp/cap131.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut wave = waveopt::import::orlib_cap_to_wave(&text, None, "cap131").unwrap();
    wave.options.mip_gap = 1e-9;
    let plan = common::plan_checked(&wave, Engine::Mip);
    let opening = plan
        .solver
        .stages
        .iter()
        .find(|s| s.name == "lp_opening")
        .expect("an lp_opening stage on a fixed-charge wave whose start opens too many nodes");
    let found = opening.objective.expect("the opening found a plan");
    assert!(
        (found - instance.optimum).abs() / instance.optimum <= 1e-6,
        "the opening found {found}, the optimum is {}",
        instance.optimum
    );
    assert_eq!(opening.bound, None, "a bound over the open nodes only");
    assert!(plan
        .solver
        .notes
        .iter()
        .any(|n| n.contains("lowered the start's cost")));
    assert_eq!(plan.status, PlanStatus::Optimal);
}

/// The opening's LP is spent only where closing nodes can pay: with cap131's fixed costs cut a
/// thousandfold they are under 2% of any plan's cost (`Tuning::lp_opening_min_fixed_share`),
/// the step does not run, and the plan is still proven.
#[test]
fn the_lp_opening_is_skipped_where_fixed_costs_are_a_small_share_of_the_cost() {
    let path = common::dataset_path("orlib-cflp/cap131.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut wave = waveopt::import::orlib_cap_to_wave(&text, None, "cap131").unwrap();
    for node in &mut wave.nodes {
        node.fixed_cost /= 1000.0;
    }
    let plan = common::plan_checked(&wave, Engine::Mip);
    let fixed = plan.objective.fixed;
    assert!(
        fixed < 0.02 * plan.objective.total,
        "fixed {fixed} of {}",
        plan.objective.total
    );
    assert!(
        !plan
            .solver
            .notes
            .iter()
            .any(|n| n.starts_with("LP opening")),
        "notes: {:?}",
        plan.solver.notes
    );
    assert!(plan.solver.stages.iter().all(|s| s.name != "lp_opening"));
    assert_eq!(plan.status, PlanStatus::Optimal);
}
