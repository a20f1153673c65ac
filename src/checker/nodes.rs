//! `plan.nodes`: every input node exactly once, with the shipments and units it ships and its
//! utilization of each capacity.

use std::collections::HashSet;

use super::capacity::node_usage;
use super::context::{close, num, Ctx};
use crate::error::Problem;

/// Expected utilization: `used / capacity` when the limit exists and is > 0, `0.0` when it is
/// 0 (or negative), `None` when absent.
fn utilization(used: i64, capacity: Option<i64>) -> Option<f64> {
    capacity.map(|cap| {
        if cap > 0 {
            used as f64 / cap as f64
        } else {
            0.0
        }
    })
}

fn same(written: Option<f64>, expected: Option<f64>) -> bool {
    match (written, expected) {
        (None, None) => true,
        (Some(w), Some(x)) => close(w, x),
        _ => false,
    }
}

fn show(value: Option<f64>) -> String {
    value.map_or("null".to_string(), num)
}

/// `unknown_node_result`, `duplicate_node_result`, `missing_node_result`, `wrong_node_result`.
pub fn check_node_results(ctx: &Ctx, out: &mut Vec<Problem>) {
    let usage = node_usage(ctx);
    let mut seen: HashSet<usize> = HashSet::new();
    for (i, result) in ctx.plan.nodes.iter().enumerate() {
        let Some(&n) = ctx.node_of.get(result.id.as_str()) else {
            out.push(Problem::new(
                format!("/nodes/{i}/id"),
                "unknown_node_result",
                format!(
                    "plan.nodes lists '{}', which is not a node of the wave",
                    result.id
                ),
            ));
            continue;
        };
        if !seen.insert(n) {
            out.push(Problem::new(
                format!("/nodes/{i}/id"),
                "duplicate_node_result",
                format!("plan.nodes lists node '{}' more than once", result.id),
            ));
            continue;
        }
        let node = &ctx.model.nodes[n];
        let (shipments, units) = usage[n];
        let mut wrong = |field: &str, written: String, expected: String| {
            out.push(Problem::new(
                format!("/nodes/{i}/{field}"),
                "wrong_node_result",
                format!(
                    "node '{}' {} is {written} but should be {expected} (from its {shipments} shipment(s), {units} unit(s))",
                    node.id,
                    field.replace('/', ".")
                ),
            ));
        };
        if result.shipments != shipments {
            wrong(
                "shipments",
                result.shipments.to_string(),
                shipments.to_string(),
            );
        }
        if result.units != units {
            wrong("units", result.units.to_string(), units.to_string());
        }
        let exp = utilization(shipments, node.capacity_shipments);
        if !same(result.utilization.shipments, exp) {
            wrong(
                "utilization/shipments",
                show(result.utilization.shipments),
                show(exp),
            );
        }
        let exp = utilization(units, node.capacity_units);
        if !same(result.utilization.units, exp) {
            wrong(
                "utilization/units",
                show(result.utilization.units),
                show(exp),
            );
        }
    }
    for (n, node) in ctx.model.nodes.iter().enumerate() {
        if ctx.node_of.get(node.id.as_str()) == Some(&n) && !seen.contains(&n) {
            out.push(Problem::new(
                "/nodes",
                "missing_node_result",
                format!("plan.nodes has no entry for node '{}'; list every node of the wave, idle ones included", node.id),
            ));
        }
    }
}
