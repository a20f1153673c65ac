//! Coverage: the plan answers this wave, lists every input order exactly once, and accounts for
//! every unit of every line (shipped or unfilled, nothing silently dropped).

use std::collections::HashSet;

use super::context::{path, Ctx};
use crate::error::Problem;

/// `wave_id_mismatch`: the plan must echo the wave's id.
pub fn check_wave_id(ctx: &Ctx, out: &mut Vec<Problem>) {
    if ctx.plan.wave_id != ctx.model.wave_id {
        out.push(Problem::new(
            "/wave_id",
            "wave_id_mismatch",
            format!(
                "the plan answers wave '{}' but the wave is '{}'; check the plan against the wave it was made for",
                ctx.plan.wave_id, ctx.model.wave_id
            ),
        ));
    }
}

/// `unknown_order`, `duplicate_order`, `missing_order`: each input order appears exactly once.
pub fn check_orders_listed_once(ctx: &Ctx, out: &mut Vec<Problem>) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (e, entry) in ctx.plan.orders.iter().enumerate() {
        let id = entry.id.as_str();
        match ctx.entry_order[e] {
            None => out.push(Problem::new(
                format!("/orders/{e}/id"),
                "unknown_order",
                format!("order '{id}' is not in the wave; remove it from the plan"),
            )),
            Some(o) => {
                if !seen.insert(id) {
                    let first = ctx.canonical[o].unwrap_or(0);
                    out.push(Problem::new(
                        format!("/orders/{e}/id"),
                        "duplicate_order",
                        format!(
                            "order '{id}' is listed again (first at /orders/{first}); every order must appear exactly once"
                        ),
                    ));
                }
            }
        }
    }
    for (o, order) in ctx.model.orders.iter().enumerate() {
        if ctx.canonical[o].is_none() {
            out.push(Problem::new(
                "/orders",
                "missing_order",
                format!(
                    "order '{}' (input /orders/{o}) is missing from the plan; every order must appear, shipped, unfilled or held",
                    order.id
                ),
            ));
        }
    }
}

/// `line_units_mismatch`: for each line, Σ shipped + Σ unfilled == the line's qty.
pub fn check_units_accounted(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, o) in ctx.known_entries() {
        let order = &ctx.model.orders[o];
        let shipped = ctx.shipped_by_line(e, o);
        let mut unfilled = vec![0i64; order.lines.len()];
        for u in &ctx.plan.orders[e].unfilled {
            if let Some(li) = ctx.line_index(o, &u.line) {
                unfilled[li] = unfilled[li].saturating_add(u.qty.max(0));
            }
        }
        for (li, line) in order.lines.iter().enumerate() {
            let accounted = shipped[li].saturating_add(unfilled[li]);
            if accounted != line.qty {
                let what = if accounted < line.qty {
                    format!("{} unit(s) are lost", line.qty.saturating_sub(accounted))
                } else {
                    format!(
                        "{} unit(s) too many are accounted",
                        accounted.saturating_sub(line.qty)
                    )
                };
                out.push(Problem::new(
                    path::entry(e),
                    "line_units_mismatch",
                    format!(
                        "order '{}' line '{}' ({}): {} shipped + {} unfilled = {} but the line orders {}; {what}",
                        order.id,
                        line.id,
                        ctx.sku_name(line.sku),
                        shipped[li],
                        unfilled[li],
                        accounted,
                        line.qty
                    ),
                ));
            }
        }
    }
}
