//! `orders_diff.csv` (one row per order a variant changed) and the "biggest movers" table.

use crate::scenario::orders_diff::{Mover, OrderDiff, Outcome};

use super::tables::Table;

const HEADER: [&str; 24] = [
    "variant",
    "order",
    "customer",
    "tier",
    "channel",
    "changes",
    "base_status",
    "variant_status",
    "base_nodes",
    "variant_nodes",
    "base_shipments",
    "variant_shipments",
    "base_units",
    "variant_units",
    "base_cost",
    "variant_cost",
    "cost_delta",
    "base_on_time",
    "variant_on_time",
    "base_eta",
    "variant_eta",
    "days_later",
    "base_reason",
    "variant_reason",
];

/// `orders_diff.csv`: header first, `\n` line endings, lists `;`-joined.
pub fn orders_diff_csv(diffs: &[OrderDiff]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = writer.write_record(HEADER);
    let on_time = |o: &Outcome| o.on_time.map_or(String::new(), |t| t.to_string());
    for d in diffs {
        let (b, v) = (&d.base, &d.variant_outcome);
        let changes: Vec<&str> = d.changes.iter().map(|c| c.as_str()).collect();
        let _ = writer.write_record([
            d.variant.clone(),
            d.order.clone(),
            d.customer.clone(),
            d.tier.clone(),
            d.channel.clone(),
            changes.join(";"),
            b.status.clone(),
            v.status.clone(),
            b.nodes.join(";"),
            v.nodes.join(";"),
            b.shipments.to_string(),
            v.shipments.to_string(),
            b.units.to_string(),
            v.units.to_string(),
            b.cost.to_string(),
            v.cost.to_string(),
            d.cost_delta.to_string(),
            on_time(b),
            on_time(v),
            b.eta.clone().unwrap_or_default(),
            v.eta.clone().unwrap_or_default(),
            d.days_later.map_or(String::new(), |x| x.to_string()),
            b.reasons.join(";"),
            v.reasons.join(";"),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The "biggest movers" table of `report.html`.
pub fn movers_table(movers: &[Mover]) -> Table {
    let nodes = |list: &str| {
        if list.is_empty() {
            "(nothing ships)".to_string()
        } else {
            list.replace(';', " + ")
        }
    };
    Table {
        title: "Biggest movers: orders a variant sends elsewhere, later, or short".to_string(),
        header: [
            "variant",
            "tier",
            "orders",
            "from",
            "to",
            "days later",
            "Δ units",
            "Δ cost",
            "which orders",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        rows: movers
            .iter()
            .map(|m| {
                vec![
                    m.variant.clone(),
                    m.tier.clone(),
                    m.orders.to_string(),
                    nodes(&m.from),
                    nodes(&m.to),
                    m.days_later.map_or("—".to_string(), |d| format!("{d:+}")),
                    format!("{:+}", m.units_delta),
                    format!("{:+.2}", m.cost_delta),
                    m.order_ids.join(", "),
                ]
            })
            .collect(),
    }
}
