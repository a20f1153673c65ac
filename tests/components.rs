//! `solver.components`: the wave's independent parts (src/model/components.rs).

mod common;

use waveopt::format::Engine;
use waveopt::generate::{Preset, Shape};
use waveopt::model::{components, Model};

#[test]
fn a_two_region_wave_has_two_components_and_the_plan_says_so() {
    let wave = waveopt::generate::generate_shape(Preset::S, Shape::Regional, 7);
    let model = Model::from_wave(&wave).unwrap();
    assert_eq!(components::count(&model), 2);
    let plan = common::plan_checked(&wave, Engine::Mip);
    assert_eq!(plan.solver.components, 2);
}

#[test]
fn the_standard_shape_is_one_component() {
    let wave = waveopt::generate::generate(Preset::S, 7);
    let model = Model::from_wave(&wave).unwrap();
    assert_eq!(components::count(&model), 1);
}

/// The wave with only the orders at `ids` (nodes, stock and policy unchanged).
fn with_orders(wave: &waveopt::Wave, ids: &[String]) -> waveopt::Wave {
    let mut part = wave.clone();
    part.orders.retain(|o| ids.contains(&o.id));
    part
}

/// One shipment as (node, method, [(line, qty)]).
type Shipment = (String, String, Vec<(String, i64)>);

/// Per order id: its shipments, sorted.
fn assignments(plan: &waveopt::format::Plan) -> Vec<(String, Vec<Shipment>)> {
    let mut out: Vec<_> = plan
        .orders
        .iter()
        .map(|o| {
            let mut shipments: Vec<_> = o
                .shipments
                .iter()
                .map(|s| {
                    let lines = s.lines.iter().map(|l| (l.line.clone(), l.qty)).collect();
                    (s.node.clone(), s.method.clone(), lines)
                })
                .collect();
            shipments.sort();
            (o.id.clone(), shipments)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_two_region_wave_is_planned_as_its_regions_apart_at_their_summed_optimum() {
    let mut wave = waveopt::generate::generate_shape(Preset::S, Shape::Regional, 7);
    wave.orders.truncate(80);
    wave.options.time_limit_ms = 60_000;
    let model = Model::from_wave(&wave).unwrap();
    let parts = components::parts(&model);
    assert_eq!(parts.len(), 2, "the truncated wave keeps both regions");
    let whole = common::plan_checked(&wave, Engine::Mip);
    assert_eq!(whole.solver.components, 2);
    let mut cost = 0.0;
    let mut apart = Vec::new();
    // Orders in no part (held, or nothing serves them) go with the larger part.
    let larger = if parts[0].len() >= parts[1].len() {
        0
    } else {
        1
    };
    for (i, part) in parts.iter().enumerate() {
        let mut ids: Vec<String> = part.iter().map(|&o| model.orders[o].id.clone()).collect();
        if i == larger {
            let listed: Vec<usize> = parts.iter().flatten().copied().collect();
            ids.extend(
                (0..model.orders.len())
                    .filter(|o| !listed.contains(o))
                    .map(|o| model.orders[o].id.clone()),
            );
        }
        let plan = common::plan_checked(&with_orders(&wave, &ids), Engine::Mip);
        assert_eq!(plan.solver.components, 1);
        assert_eq!(plan.status, waveopt::format::PlanStatus::Optimal);
        cost += plan.objective.total;
        apart.extend(assignments(&plan));
    }
    apart.sort();
    assert_eq!(whole.status, waveopt::format::PlanStatus::Optimal);
    assert!(
        (whole.objective.total - cost).abs() <= 1e-6 * cost.max(1.0),
        "whole {} against the regions' {cost}",
        whole.objective.total
    );
    assert_eq!(assignments(&whole), apart);
}

/// Every order of the wave exactly once across `parts`.
fn covers_every_order_once(model: &Model, parts: &[Vec<usize>]) {
    let mut seen = vec![0; model.orders.len()];
    for &o in parts.iter().flatten() {
        seen[o] += 1;
    }
    assert!(seen.iter().all(|&n| n == 1), "an order missing or twice");
}

#[test]
fn stray_small_components_are_solved_with_the_largest_and_regions_apart() {
    use waveopt::solver::mip::parts::grouped;
    use waveopt::solver::tuning::Tuning;
    // The M preset: one large component and single orders whose SKU and nodes nobody shares.
    let wave = waveopt::generate::generate(Preset::M, 7);
    let model = Model::from_wave(&wave).unwrap();
    let found = components::parts(&model);
    assert!(found.len() > 1, "the preset has stray orders of their own");
    let parts = grouped(&model, found, &Tuning::default());
    assert_eq!(parts.len(), 1, "strays are not worth a solve of their own");
    covers_every_order_once(&model, &parts);
    // Two regions of similar size: each is a part.
    let wave = waveopt::generate::generate_shape(Preset::S, Shape::Regional, 7);
    let model = Model::from_wave(&wave).unwrap();
    let parts = grouped(&model, components::parts(&model), &Tuning::default());
    assert_eq!(parts.len(), 2);
    covers_every_order_once(&model, &parts);
}
