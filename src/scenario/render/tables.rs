//! The comparison as tables: built once, rendered as Markdown (`comparison.md`) and HTML
//! (inside `report.html`); and as one wide CSV row per variant (`comparison.csv`).

use crate::scenario::comparison::{Comparison, VariantSummary};

/// A titled table of text cells; the first column is the row label.
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn signed_pct_points(x: f64) -> String {
    format!("{:+.1} pt", x * 100.0)
}

fn money(x: f64) -> String {
    format!("{x:.2}")
}

fn cost_delta(v: &VariantSummary) -> String {
    match &v.delta {
        None => "—".to_string(),
        Some(d) => match d.total_cost_pct {
            Some(p) => format!("{:+.2} ({:+.1}%)", d.total_cost, p * 100.0),
            None => format!("{:+.2}", d.total_cost),
        },
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Every table of the report, in reading order.
pub fn tables(c: &Comparison) -> Vec<Table> {
    vec![
        headline(c),
        cost_parts(c),
        fill_by(c, "Fill rate by tier", &c.tiers, |v| &v.fill_by_tier),
        fill_by(c, "Fill rate by channel", &c.channels, |v| {
            &v.fill_by_channel
        }),
        node_use(c),
        exceptions(c),
    ]
}

fn headline(c: &Comparison) -> Table {
    Table {
        title: "Summary".to_string(),
        header: strings(&[
            "variant",
            "status",
            "engine",
            "total cost",
            "Δ cost vs base",
            "fill rate",
            "Δ fill",
            "units filled",
            "shipments",
            "split orders",
            "on-time rate",
            "cost / unit",
        ]),
        rows: c
            .variants
            .iter()
            .map(|v| {
                vec![
                    v.name.clone(),
                    format!("{:?}", v.status).to_lowercase(),
                    v.engine.clone(),
                    money(v.cost.total),
                    cost_delta(v),
                    pct(v.fill_rate),
                    v.delta
                        .as_ref()
                        .map_or("—".to_string(), |d| signed_pct_points(d.fill_rate)),
                    format!("{} / {}", v.units_allocated, v.units_demanded),
                    v.shipments.to_string(),
                    v.split_orders.to_string(),
                    pct(v.on_time_rate),
                    money(v.cost_per_unit),
                ]
            })
            .collect(),
    }
}

fn cost_parts(c: &Comparison) -> Table {
    Table {
        title: "Cost breakdown".to_string(),
        header: strings(&[
            "variant",
            "shipping",
            "handling",
            "fixed",
            "split penalty",
            "late penalty",
            "unfilled penalty",
            "total",
        ]),
        rows: c
            .variants
            .iter()
            .map(|v| {
                let o = v.cost;
                [
                    o.shipping,
                    o.handling,
                    o.fixed,
                    o.split_penalty,
                    o.late_penalty,
                    o.unfilled_penalty,
                    o.total,
                ]
                .iter()
                .map(|x| money(*x))
                .fold(vec![v.name.clone()], |mut row, cell| {
                    row.push(cell);
                    row
                })
            })
            .collect(),
    }
}

fn fill_by(
    c: &Comparison,
    title: &str,
    names: &[String],
    groups: impl Fn(&VariantSummary) -> &Vec<crate::scenario::GroupFill>,
) -> Table {
    let mut header = vec!["variant".to_string()];
    header.extend(names.iter().cloned());
    Table {
        title: title.to_string(),
        header,
        rows: c
            .variants
            .iter()
            .map(|v| {
                let mut row = vec![v.name.clone()];
                row.extend(groups(v).iter().map(|g| match g.fill_rate {
                    Some(rate) => {
                        format!("{} ({}/{})", pct(rate), g.units_allocated, g.units_demanded)
                    }
                    None => "—".to_string(),
                }));
                row
            })
            .collect(),
    }
}

fn node_use(c: &Comparison) -> Table {
    let mut header = vec!["node".to_string()];
    header.extend(c.variants.iter().map(|v| v.name.clone()));
    Table {
        title: "Node utilisation (units shipped, shipments, capacity used)".to_string(),
        header,
        rows: c
            .nodes
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut row = vec![id.clone()];
                row.extend(c.variants.iter().map(|v| {
                    let n = &v.nodes[i];
                    if !n.active {
                        return "closed".to_string();
                    }
                    let used = n
                        .utilization()
                        .map_or(String::new(), |u| format!(", {}", pct(u)));
                    format!("{} u, {} sh{used}", n.units, n.shipments)
                }));
                row
            })
            .collect(),
    }
}

fn exceptions(c: &Comparison) -> Table {
    let kinds: Vec<String> = c
        .variants
        .first()
        .map(|v| v.exceptions.keys().cloned().collect())
        .unwrap_or_default();
    let mut header = vec!["variant".to_string()];
    header.extend(kinds.iter().cloned());
    header.extend(strings(&["critical", "warning", "info"]));
    Table {
        title: "Exceptions".to_string(),
        header,
        rows: c
            .variants
            .iter()
            .map(|v| {
                let mut row = vec![v.name.clone()];
                row.extend(kinds.iter().map(|k| v.exceptions[k].to_string()));
                for s in ["critical", "warning", "info"] {
                    row.push(v.exceptions_by_severity[s].to_string());
                }
                row
            })
            .collect(),
    }
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// `comparison.md`: a heading, the variants' edits, and every table.
pub fn markdown(c: &Comparison) -> String {
    markdown_with(c, Vec::new())
}

/// `comparison.md` with `extra` tables after the comparison's own.
pub fn markdown_with(c: &Comparison, extra: Vec<Table>) -> String {
    let mut out = format!("# Scenario: {}\n\n", c.scenario);
    if let Some(d) = &c.description {
        out.push_str(&format!("{d}\n\n"));
    }
    out.push_str(&format!(
        "Base wave `{}`, engine `{}`. Every plan was verified by the independent checker.\n\n",
        c.base_wave, c.engine
    ));
    out.push_str("## Variants\n\n");
    for v in &c.variants {
        let what = v.description.as_deref().unwrap_or(if v.edits.is_empty() {
            "the base wave, unedited"
        } else {
            ""
        });
        out.push_str(&format!("- **{}**", md_cell(&v.name)));
        if !what.is_empty() {
            out.push_str(&format!(": {what}"));
        }
        out.push('\n');
        for e in &v.edits {
            out.push_str(&format!("  - `{e}`\n"));
        }
    }
    for table in tables(c).into_iter().chain(extra) {
        out.push_str(&format!("\n## {}\n\n", table.title));
        out.push_str(&format!(
            "| {} |\n",
            table
                .header
                .iter()
                .map(|h| md_cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        out.push_str(&format!(
            "|{}\n",
            table
                .header
                .iter()
                .enumerate()
                .map(|(i, _)| if i == 0 { "---|" } else { "---:|" })
                .collect::<String>()
        ));
        for row in &table.rows {
            out.push_str(&format!(
                "| {} |\n",
                row.iter()
                    .map(|c| md_cell(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
    }
    out
}

/// `comparison.csv`: one row per variant, every figure in its own column.
pub fn csv(c: &Comparison) -> String {
    let mut header = strings(&[
        "variant",
        "status",
        "engine",
        "time_limit_ms",
        "total_cost",
        "shipping",
        "handling",
        "fixed",
        "split_penalty",
        "late_penalty",
        "unfilled_penalty",
        "orders",
        "units_demanded",
        "units_allocated",
        "fill_rate",
        "orders_complete",
        "shipments",
        "split_orders",
        "on_time_rate",
        "cost_per_unit",
    ]);
    header.extend(c.tiers.iter().map(|t| format!("fill_rate_tier_{t}")));
    header.extend(
        c.channels
            .iter()
            .map(|ch| format!("fill_rate_channel_{ch}")),
    );
    for n in &c.nodes {
        header.push(format!("units_node_{n}"));
        header.push(format!("shipments_node_{n}"));
        header.push(format!("utilization_node_{n}"));
    }
    let kinds: Vec<String> = c
        .variants
        .first()
        .map(|v| v.exceptions.keys().cloned().collect())
        .unwrap_or_default();
    header.extend(kinds.iter().map(|k| format!("exceptions_{k}")));
    header.extend(strings(&[
        "delta_total_cost",
        "delta_total_cost_pct",
        "delta_units_allocated",
        "delta_fill_rate",
        "delta_shipments",
        "delta_split_orders",
        "delta_on_time_rate",
    ]));
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(&header);
    let opt = |x: Option<f64>| x.map_or(String::new(), |v| v.to_string());
    for v in &c.variants {
        let o = v.cost;
        let mut row: Vec<String> = vec![
            v.name.clone(),
            format!("{:?}", v.status).to_lowercase(),
            v.engine.clone(),
            v.time_limit_ms.to_string(),
        ];
        row.extend(
            [
                o.total,
                o.shipping,
                o.handling,
                o.fixed,
                o.split_penalty,
                o.late_penalty,
                o.unfilled_penalty,
            ]
            .iter()
            .map(|x| x.to_string()),
        );
        row.extend([
            v.orders.to_string(),
            v.units_demanded.to_string(),
            v.units_allocated.to_string(),
            v.fill_rate.to_string(),
            v.orders_complete.to_string(),
            v.shipments.to_string(),
            v.split_orders.to_string(),
            v.on_time_rate.to_string(),
            v.cost_per_unit.to_string(),
        ]);
        row.extend(v.fill_by_tier.iter().map(|g| opt(g.fill_rate)));
        row.extend(v.fill_by_channel.iter().map(|g| opt(g.fill_rate)));
        for n in &v.nodes {
            row.push(n.units.to_string());
            row.push(n.shipments.to_string());
            row.push(opt(n.utilization()));
        }
        row.extend(kinds.iter().map(|k| v.exceptions[k].to_string()));
        match &v.delta {
            Some(d) => row.extend([
                d.total_cost.to_string(),
                opt(d.total_cost_pct),
                d.units_allocated.to_string(),
                d.fill_rate.to_string(),
                d.shipments.to_string(),
                d.split_orders.to_string(),
                d.on_time_rate.to_string(),
            ]),
            None => row.extend(std::iter::repeat_n(String::new(), 7)),
        }
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
