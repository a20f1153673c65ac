//! A plan's assignments as one CSV table (`waveopt plan --format csv`, `POST /v1/plan?format=csv`,
//! the planner page's download, each scenario variant's `<variant>.assignments.csv`) for ERPs that
//! import spreadsheets. One row per shipped line (node, method, dates) and one per unfilled line
//! (with its reason); orders in plan order.

use super::Plan;

pub const HEADER: [&str; 12] = [
    "order",
    "order_status",
    "node",
    "method",
    "line",
    "sku",
    "qty",
    "ship_date",
    "eta",
    "on_time",
    "days_late",
    "unfilled_reason",
];

/// The CSV text, header first, `\n` line endings.
pub fn assignments_csv(plan: &Plan) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let write = |w: &mut csv::Writer<Vec<u8>>, row: &[&str]| {
        w.write_record(row).expect("writing to memory cannot fail");
    };
    write(&mut writer, &HEADER);
    for order in &plan.orders {
        let status = serde_json::to_value(order.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        for shipment in &order.shipments {
            for line in &shipment.lines {
                let qty = line.qty.to_string();
                let days_late = shipment.days_late.to_string();
                write(
                    &mut writer,
                    &[
                        &order.id,
                        &status,
                        &shipment.node,
                        &shipment.method,
                        &line.line,
                        &line.sku,
                        &qty,
                        &shipment.ship_date,
                        &shipment.eta,
                        if shipment.on_time { "true" } else { "false" },
                        &days_late,
                        "",
                    ],
                );
            }
        }
        for line in &order.unfilled {
            let qty = line.qty.to_string();
            write(
                &mut writer,
                &[
                    &order.id,
                    &status,
                    "",
                    "",
                    &line.line,
                    &line.sku,
                    &qty,
                    "",
                    "",
                    "",
                    "",
                    line.reason.as_str(),
                ],
            );
        }
    }
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("every field is UTF-8")
}
