//! OR-Library capacitated warehouse location files import as waves whose costs are exact.
//!
//! cap41 has 16 warehouses of capacity 5000 (fixed cost 7500, except warehouse 11 at 0) and
//! 50 customers; the mapping puts each customer in its own zone, with one lane per warehouse
//! priced so that shipping the customer's whole demand costs exactly the file's number.

mod common;

use common::dataset_path;
use waveopt::import::{orlib_cap_to_wave, CapInstance};
use waveopt::model::Model;

fn read(instance: &str) -> String {
    let path = dataset_path(&format!("orlib-cflp/{instance}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(instance, capacity, optimum)` rows of `datasets/orlib-cflp/optima.csv`.
fn optima() -> Vec<(String, Option<f64>, f64)> {
    let text = std::fs::read_to_string(dataset_path("orlib-cflp/optima.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("instance,capacity,optimum"));
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 3, "{line}");
            let capacity = (!fields[1].is_empty()).then(|| fields[1].parse().unwrap());
            (fields[0].to_string(), capacity, fields[2].parse().unwrap())
        })
        .collect()
}

#[test]
fn cap41_becomes_16_nodes_50_orders_and_a_lane_per_pair() {
    let wave = orlib_cap_to_wave(&read("cap41"), None, "cap41").unwrap();
    assert_eq!(wave.wave_id, "cap41");
    assert_eq!(wave.nodes.len(), 16);
    assert_eq!(wave.orders.len(), 50);
    assert_eq!(wave.lanes.len(), 16 * 50);
    assert_eq!(wave.nodes[0].id, "W001");
    assert_eq!(wave.orders[0].id, "C0001");
    assert_eq!(wave.orders[0].ship_to.zone.as_deref(), Some("Z0001"));
    assert_eq!(wave.orders[0].lines[0].qty, 146);
    for (i, node) in wave.nodes.iter().enumerate() {
        assert_eq!(node.capacity.units, Some(5000), "{}", node.id);
        let fixed = if i == 10 { 0.0 } else { 7500.0 };
        assert_eq!(node.fixed_cost, fixed, "{}", node.id);
        assert!(node.location.is_none());
    }
    let total: i64 = wave.orders.iter().map(|o| o.lines[0].qty).sum();
    assert_eq!(total, 58268);
    assert!(wave.inventory.iter().all(|r| r.on_hand >= total));
    let mut pairs: Vec<(&str, &str)> = wave
        .lanes
        .iter()
        .map(|l| (l.from.as_str(), l.to_zone.as_str()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    assert_eq!(
        pairs.len(),
        16 * 50,
        "one lane per (node, zone), no duplicates"
    );
}

#[test]
fn cap41_lane_prices_reproduce_the_file_costs_through_the_routing_model() {
    let text = read("cap41");
    let instance = CapInstance::parse(&text, None).unwrap();
    let wave = orlib_cap_to_wave(&text, None, "cap41").unwrap();
    let model = Model::from_wave(&wave).unwrap();
    // Every (customer, warehouse) pair, not just one: the check is cheap.
    for (order, customer) in instance.customers.iter().enumerate() {
        for (node, &cost) in customer.costs.iter().enumerate() {
            let quote = model
                .quote(order, node, 0)
                .expect("a lane covers every pair");
            let priced = quote.shipping_cost(customer.demand);
            assert!(
                (priced - cost).abs() <= 1e-9 * cost.abs().max(1.0),
                "C{:04} from W{:03}: {priced} vs {cost}",
                order + 1,
                node + 1
            );
            assert_eq!(quote.handling_cost(customer.demand), 0.0);
            assert!(quote.on_time());
        }
    }
    // The file's first cost, by hand: customer 1 (146 units) from warehouse 1.
    let quote = model.quote(0, 0, 0).unwrap();
    assert!((quote.shipping_cost(146) - 6739.725).abs() < 1e-9 * 6739.725);
}

#[test]
fn capa_without_a_capacity_is_an_error_and_with_one_imports() {
    let text = read("capa");
    let Err(err) = orlib_cap_to_wave(&text, None, "capa") else {
        panic!("capa imported without a capacity");
    };
    let details = err.details();
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].code, "orlib_parse");
    assert_eq!(details[0].path, "/line/2");

    let wave = orlib_cap_to_wave(&text, Some(14000.0), "capa-14000").unwrap();
    assert_eq!(wave.nodes.len(), 100);
    assert_eq!(wave.orders.len(), 1000);
    assert!(wave.nodes.iter().all(|n| n.capacity.units == Some(14000)));
    assert_eq!(wave.nodes[0].fixed_cost, 2141200.0);
}

#[test]
fn every_instance_in_optima_csv_imports_builds_a_model_and_is_feasible() {
    let rows = optima();
    assert_eq!(rows.len(), 27);
    for (name, capacity, optimum) in rows {
        let text = read(&name);
        let instance = CapInstance::parse(&text, capacity)
            .unwrap_or_else(|e| panic!("{name}: {e}: {:?}", e.details()));
        let capacity_total: i64 = instance.warehouses.iter().map(|w| w.capacity).sum();
        assert!(
            capacity_total >= instance.total_demand(),
            "{name}: capacity {capacity_total} < demand {}",
            instance.total_demand()
        );
        assert!(optimum > 0.0);
        let wave = instance.to_wave(&name);
        Model::from_wave(&wave).unwrap_or_else(|e| panic!("{name}: {e}: {:?}", e.details()));
    }
}

#[test]
fn truncated_and_garbage_files_are_errors_not_panics() {
    let text = read("cap41");
    // Cuts at line starts (a cut inside the last number would leave a shorter valid number).
    let last_line = text.trim_end().rfind('\n').unwrap();
    let middle = text[..text.len() / 2].rfind('\n').unwrap();
    for cut in [0, 1, 7, middle, last_line] {
        let Err(err) = orlib_cap_to_wave(&text[..cut], None, "cut") else {
            panic!("a file cut at byte {cut} imported");
        };
        assert!(err.details().iter().all(|p| p.code == "orlib_parse"));
        assert!(err.details()[0].path.starts_with("/line/"));
    }
    let garbage = text.replacen("6739.72500", "6739,72500", 1);
    let Err(err) = orlib_cap_to_wave(&garbage, None, "garbage") else {
        panic!("a file with a comma in a number imported");
    };
    assert_eq!(err.details()[0].path, "/line/19");
}
