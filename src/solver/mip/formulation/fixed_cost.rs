//! Node fixed cost per wave: `y[t] ≤ w[n]` for every shipment t at node n (the disaggregated,
//! tighter form), and `fixed_cost[n]·w[n]` in the objective.

use super::Layout;
use crate::model::Model;
use crate::solver::highs::program::Program;

pub fn add(model: &Model, program: &mut Program, layout: &mut Layout) {
    layout.node_open = vec![None; model.nodes.len()];
    let mut triples_at: Vec<Vec<usize>> = vec![Vec::new(); model.nodes.len()];
    for (t, triple) in layout.triples.iter().enumerate() {
        if model.nodes[triple.node].fixed_cost > 0.0 {
            triples_at[triple.node].push(t);
        }
    }
    for (n, node) in model.nodes.iter().enumerate() {
        let at = std::mem::take(&mut triples_at[n]);
        if at.is_empty() {
            continue;
        }
        let nid = &node.id;
        let w = program.add_col(|| format!("w[{nid}]"), 0.0, 1.0, true);
        layout.node_open[n] = Some(w);
        for t in at {
            let y = layout.triples[t].y;
            program.add_row(
                || format!("open[{nid},{t}]"),
                f64::NEG_INFINITY,
                0.0,
                vec![(y, 1.0), (w, -1.0)],
            );
        }
    }
}
