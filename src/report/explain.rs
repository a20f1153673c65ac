//! `options.explain`: per order, the alternatives considered and why the chosen sourcing won.

use crate::format::{Alternative, Explanation, Shipment};
use crate::model::dates::format_day;
use crate::model::{Model, OrderIdx};

/// How many alternatives to list besides the chosen ones.
const MAX_ALTERNATIVES: usize = 5;

pub fn explain_order(model: &Model, order: OrderIdx, shipments: &[Shipment]) -> Explanation {
    let o = &model.orders[order];
    let units = o.units();
    let late_rate = model.policy.late_rate();
    let mut all: Vec<(f64, Alternative)> = Vec::new();
    for n in 0..model.nodes.len() {
        if !model.node_serves_channel(order, n) {
            continue;
        }
        let in_stock: i64 = o
            .lines
            .iter()
            .map(|l| l.qty.min(model.available(n, l.sku)))
            .sum();
        for k in 0..model.methods.len() {
            let Some(q) = model.quote(order, n, k) else {
                continue;
            };
            let node = &model.nodes[n].id;
            let method = &model.methods[k].id;
            let chosen = shipments
                .iter()
                .any(|s| &s.node == node && &s.method == method);
            let cost = q.shipment_cost(units);
            let mut note = Vec::new();
            if !q.on_time() {
                note.push(format!("{} day(s) late", q.days_late));
            }
            if model.policy.hard_sla && !q.on_time() {
                note.push("not allowed under hard SLA".to_string());
            }
            if in_stock < units {
                note.push(format!("only {in_stock} of {units} units in stock"));
            }
            if model.nodes[n].fixed_cost > 0.0 {
                note.push(format!(
                    "node fixed cost {:.2} if used",
                    model.nodes[n].fixed_cost
                ));
            }
            let score = cost + late_rate * q.days_late as f64;
            all.push((
                score,
                Alternative {
                    node: node.clone(),
                    method: method.clone(),
                    cost,
                    eta: format_day(q.eta_day),
                    on_time: q.on_time(),
                    units_in_stock: in_stock,
                    chosen,
                    note: note.join("; "),
                },
            ));
        }
    }
    all.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| a.1.node.cmp(&b.1.node))
            .then_with(|| a.1.method.cmp(&b.1.method))
    });
    let best_chosen = all
        .iter()
        .find(|(_, a)| a.chosen)
        .map(|(s, a)| (*s, a.clone()));
    let mut listed: Vec<Alternative> = Vec::new();
    let mut others = 0;
    for (score, mut alt) in all {
        if alt.chosen {
            listed.push(alt);
            continue;
        }
        if others >= MAX_ALTERNATIVES {
            continue;
        }
        others += 1;
        if let Some((best, _)) = &best_chosen {
            let delta = score - best;
            let what = if delta >= 0.0 {
                format!("would cost {:.2} more", delta)
            } else {
                format!("{:.2} cheaper", -delta)
            };
            alt.note = if alt.note.is_empty() {
                what
            } else {
                format!("{what}; {}", alt.note)
            };
        } else if alt.note.is_empty() {
            // Nothing shipped: the stock listed here went elsewhere or is held back.
            alt.note =
                "not used: its stock went to other orders or is reserved (see the line reasons)"
                    .to_string();
        }
        listed.push(alt);
    }
    let summary = summarise(model, order, shipments, &listed);
    Explanation {
        alternatives: listed,
        summary,
    }
}

fn summarise(
    model: &Model,
    order: OrderIdx,
    shipments: &[Shipment],
    listed: &[Alternative],
) -> String {
    let o = &model.orders[order];
    if o.is_held() {
        return format!(
            "On hold ({}): not planned.",
            o.hold.as_deref().unwrap_or("")
        );
    }
    if shipments.is_empty() {
        return "Nothing shipped: see the unfilled reasons.".to_string();
    }
    let chosen: Vec<String> = shipments
        .iter()
        .map(|s| format!("{} by {}", s.node, s.method))
        .collect();
    let runner_up = listed.iter().find(|a| {
        !a.chosen && a.units_in_stock >= o.units() && (a.on_time || !model.policy.hard_sla)
    });
    let mut text = format!("Ships from {}", chosen.join(" and "));
    match runner_up {
        Some(a) => text.push_str(&format!(
            ". The best single-node alternative, {} by {}, {}.",
            a.node,
            a.method,
            if a.note.is_empty() {
                "is no better".to_string()
            } else {
                a.note.clone()
            }
        )),
        None => text.push_str(". No other node could ship the whole order."),
    }
    if shipments.len() > 1 {
        text.push_str(
            " Split because no single eligible node had every line, or splitting was cheaper.",
        );
    }
    text
}
