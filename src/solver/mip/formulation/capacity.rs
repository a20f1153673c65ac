//! Node capacity per wave: `Σ_t∈n y[t] ≤ shipments[n]`, `Σ units from n ≤ units[n]`.

use super::Layout;
use crate::model::Model;
use crate::solver::highs::program::{ColId, Program};

pub fn add(model: &Model, program: &mut Program, layout: &Layout) {
    let mut shipments: Vec<Vec<(ColId, f64)>> = vec![Vec::new(); model.nodes.len()];
    let mut units: Vec<Vec<(ColId, f64)>> = vec![Vec::new(); model.nodes.len()];
    for t in &layout.triples {
        shipments[t.node].push((t.y, 1.0));
        let o = &model.orders[t.order];
        if o.ship_complete {
            units[t.node].push((t.y, o.units() as f64));
        } else {
            units[t.node].extend(t.x.iter().map(|&(_, col)| (col, 1.0)));
        }
    }
    for (n, node) in model.nodes.iter().enumerate() {
        let nid = &node.id;
        if let Some(cap) = node.capacity_shipments {
            if shipments[n].len() as i64 > cap {
                let terms = std::mem::take(&mut shipments[n]);
                program.add_row(
                    || format!("cap_shipments[{nid}]"),
                    f64::NEG_INFINITY,
                    cap as f64,
                    terms,
                );
            }
        }
        if let Some(cap) = node.capacity_units {
            let most: f64 = units[n].iter().map(|&(c, a)| a * program.upper[c]).sum();
            if most > cap as f64 {
                let terms = std::mem::take(&mut units[n]);
                program.add_row(
                    || format!("cap_units[{nid}]"),
                    f64::NEG_INFINITY,
                    cap as f64,
                    terms,
                );
            }
        }
    }
}
