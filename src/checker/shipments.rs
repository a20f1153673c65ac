//! Shape of shipments and unfilled entries: known nodes, methods and lines, matching SKUs,
//! positive quantities, no duplicates and no empty shipments.

use std::collections::{HashMap, HashSet};

use super::context::{path, Ctx};
use crate::error::Problem;
use crate::model::OrderIdx;

/// `unknown_node`, `unknown_method`, `duplicate_shipment`, `empty_shipment`, `unknown_line`,
/// `sku_mismatch`, `not_positive`, `duplicate_shipment_line` for shipments.
pub fn check_shipment_structure(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, entry) in ctx.plan.orders.iter().enumerate() {
        let order = ctx.entry_order[e];
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (s, shipment) in entry.shipments.iter().enumerate() {
            let resolved = &ctx.ships[e][s];
            if resolved.node.is_none() {
                out.push(Problem::new(
                    path::shipment_field(e, s, "node"),
                    "unknown_node",
                    format!(
                        "order '{}' ships from node '{}', which is not in the wave",
                        entry.id, shipment.node
                    ),
                ));
            }
            if resolved.method.is_none() {
                out.push(Problem::new(
                    path::shipment_field(e, s, "method"),
                    "unknown_method",
                    format!(
                        "order '{}' ships by method '{}', which is not a ship method of the wave",
                        entry.id, shipment.method
                    ),
                ));
            }
            let key = (shipment.node.as_str(), shipment.method.as_str());
            if let Some(&first) = seen.get(&key) {
                out.push(Problem::new(
                    path::shipment(e, s),
                    "duplicate_shipment",
                    format!(
                        "order '{}' has a second shipment from node '{}' by '{}' (first is shipment {first}); merge them, an order has at most one shipment per (node, method)",
                        entry.id, shipment.node, shipment.method
                    ),
                ));
            } else {
                seen.insert(key, s);
            }
            if shipment.lines.is_empty() {
                out.push(Problem::new(
                    path::shipment_field(e, s, "lines"),
                    "empty_shipment",
                    format!(
                        "order '{}' has a shipment from node '{}' by '{}' with no lines; remove it",
                        entry.id, shipment.node, shipment.method
                    ),
                ));
            }
            check_shipment_lines(ctx, order, e, s, out);
        }
    }
}

fn check_shipment_lines(
    ctx: &Ctx,
    order: Option<OrderIdx>,
    e: usize,
    s: usize,
    out: &mut Vec<Problem>,
) {
    let entry = &ctx.plan.orders[e];
    let shipment = &entry.shipments[s];
    let mut seen: HashSet<&str> = HashSet::new();
    for (l, line) in shipment.lines.iter().enumerate() {
        let at = path::shipment_line(e, s, l);
        if line.qty < 1 {
            out.push(Problem::new(
                format!("{at}/qty"),
                "not_positive",
                format!(
                    "order '{}' ships {} unit(s) of line '{}' ({}) from node '{}'; a shipped qty must be >= 1",
                    entry.id, line.qty, line.line, line.sku, shipment.node
                ),
            ));
        }
        if !seen.insert(line.line.as_str()) {
            out.push(Problem::new(
                at.clone(),
                "duplicate_shipment_line",
                format!(
                    "order '{}' lists line '{}' twice in its shipment from node '{}' by '{}'; merge the quantities",
                    entry.id, line.line, shipment.node, shipment.method
                ),
            ));
        }
        if let Some(o) = order {
            check_line_ref(ctx, o, &at, &line.line, &line.sku, out);
        }
    }
}

/// `unknown_line`, `not_positive`, `sku_mismatch` for unfilled entries.
pub fn check_unfilled_structure(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, entry) in ctx.plan.orders.iter().enumerate() {
        for (u, unfilled) in entry.unfilled.iter().enumerate() {
            let at = path::unfilled(e, u);
            if unfilled.qty < 1 {
                out.push(Problem::new(
                    format!("{at}/qty"),
                    "not_positive",
                    format!(
                        "order '{}' reports {} unfilled unit(s) of line '{}' ({}); an unfilled qty must be >= 1 (omit lines that are fully shipped)",
                        entry.id, unfilled.qty, unfilled.line, unfilled.sku
                    ),
                ));
            }
            if let Some(o) = ctx.entry_order[e] {
                check_line_ref(ctx, o, &at, &unfilled.line, &unfilled.sku, out);
            }
        }
    }
}

/// `unknown_line` or `sku_mismatch` for one reference to an order line.
fn check_line_ref(
    ctx: &Ctx,
    order: OrderIdx,
    at: &str,
    line_id: &str,
    sku: &str,
    out: &mut Vec<Problem>,
) {
    let o = &ctx.model.orders[order];
    match ctx.line_index(order, line_id) {
        None => out.push(Problem::new(
            format!("{at}/line"),
            "unknown_line",
            format!(
                "order '{}' has no line '{line_id}' (its lines: {})",
                o.id,
                o.lines
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        Some(li) => {
            let expected = ctx.sku_name(o.lines[li].sku);
            if expected != sku {
                out.push(Problem::new(
                    format!("{at}/sku"),
                    "sku_mismatch",
                    format!(
                        "order '{}' line '{line_id}' is for sku '{expected}', not '{sku}'",
                        o.id
                    ),
                ));
            }
        }
    }
}
