//! Inventory net of safety stock: `Σ units of sku s shipped from node n ≤ available[n,s]`.
//! With pruning, a row is skipped when its columns cannot exceed the stock anyway.

use std::collections::BTreeMap;

use super::{BuildFlags, Layout};
use crate::model::{Model, NodeIdx, SkuIdx};
use crate::solver::highs::program::{ColId, Program};

/// Per (node, sku): the units expression of everything that could ship it from there.
pub type Consumption = BTreeMap<(NodeIdx, SkuIdx), Vec<(ColId, f64)>>;

pub fn consumption(model: &Model, layout: &Layout) -> Consumption {
    let mut use_of: BTreeMap<(NodeIdx, SkuIdx), Vec<(ColId, f64)>> = BTreeMap::new();
    for t in &layout.triples {
        let o = &model.orders[t.order];
        if o.ship_complete {
            for l in &o.lines {
                use_of
                    .entry((t.node, l.sku))
                    .or_default()
                    .push((t.y, l.qty as f64));
            }
        } else {
            for &(li, col) in &t.x {
                use_of
                    .entry((t.node, o.lines[li].sku))
                    .or_default()
                    .push((col, 1.0));
            }
        }
    }
    use_of
}

pub fn add(model: &Model, flags: BuildFlags, program: &mut Program, consumption: &Consumption) {
    for (&(node, sku), terms) in consumption {
        let available = model.available(node, sku) as f64;
        let most: f64 = terms.iter().map(|&(c, a)| a * program.upper[c]).sum();
        if flags.prune && most <= available {
            continue;
        }
        let (nid, sid) = (&model.nodes[node].id, &model.skus[sku]);
        program.add_row(
            || format!("stock[{nid},{sid}]"),
            f64::NEG_INFINITY,
            available,
            terms.clone(),
        );
    }
}
