//! Per-order rules: ship-complete (`Σ_t y[t] ≤ 1`), fill-or-kill (`fill[l] = qty[l]·a[o]` for
//! every line), `max_shipments_per_order` (`Σ_t y[t] ≤ K`) and the split count
//! (`s[o] ≥ Σ_t y[t] − 1`, charged `split_penalty` each).

use super::Layout;
use crate::model::Model;
use crate::solver::highs::program::{ColId, Program};

pub fn add(model: &Model, program: &mut Program, layout: &mut Layout) {
    layout.fill_or_kill = vec![None; model.orders.len()];
    layout.split = vec![None; model.orders.len()];
    for (oi, o) in model.orders.iter().enumerate() {
        let triples = &layout.triples_of_order[oi];
        if triples.is_empty() {
            continue;
        }
        let oid = &o.id;
        let ys: Vec<(ColId, f64)> = triples
            .iter()
            .map(|&t| (layout.triples[t].y, 1.0))
            .collect();
        let mut limit = if o.ship_complete { 1 } else { i64::MAX };
        if let Some(k) = model.policy.max_shipments_per_order {
            limit = limit.min(k);
        }
        if (ys.len() as i64) > limit {
            program.add_row(
                || format!("max_shipments[{oid}]"),
                f64::NEG_INFINITY,
                limit as f64,
                ys.clone(),
            );
        }
        if o.fill_or_kill && !o.ship_complete {
            let a = program.add_col(|| format!("a[{oid}]"), 0.0, 1.0, true);
            layout.fill_or_kill[oi] = Some(a);
            for (li, l) in o.lines.iter().enumerate() {
                let mut row: Vec<(ColId, f64)> = triples
                    .iter()
                    .flat_map(|&t| layout.triples[t].x.iter())
                    .filter(|&&(line, _)| line == li)
                    .map(|&(_, col)| (col, 1.0))
                    .collect();
                row.push((a, -(l.qty as f64)));
                let lid = &l.id;
                program.add_row(|| format!("fill_or_kill[{oid},{lid}]"), 0.0, 0.0, row);
            }
        }
        if model.policy.split_penalty > 0.0 && ys.len() > 1 && limit > 1 {
            let s = program.add_col(|| format!("s[{oid}]"), 0.0, f64::INFINITY, false);
            layout.split[oi] = Some(s);
            let mut row = ys;
            row.push((s, -1.0));
            program.add_row(|| format!("split[{oid}]"), f64::NEG_INFINITY, 1.0, row);
        }
    }
}
