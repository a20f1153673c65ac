//! The MIP formulation, one small piece per constraint family or objective term. The math is in
//! `models/formulation.md`; names here follow it.
//!
//! Variables: `y[t]` ∈ {0,1} opens shipment t = (order, node, method); `x[t,l]` ∈ ℤ≥0 units of
//! line l in it; `w[n]` ∈ {0,1} node n ships anything (fixed cost); `a[o]` ∈ {0,1} fill-or-kill
//! order o is filled; `s[o]` ≥ 0 extra shipments of o (split penalty); `e[p,c]` ≥ 0 units of
//! channel c beyond its reservation at place p.

mod candidates;
mod capacity;
mod fixed_cost;
mod objective;
mod order_rules;
pub(crate) mod reservations;
pub(crate) mod stock;
mod variables;

pub use crate::model::Quote;
use crate::model::{ChannelIdx, MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::highs::program::{ColId, Program};

/// How the model is built: the optimizer prunes and tightens; the naive reference does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildFlags {
    /// Drop (order, node, method) triples that provably never help: nodes without any of the
    /// order's SKUs, methods dominated by another method of the same node, ship-complete
    /// orders at nodes that cannot hold them. Also tightens big-M values and skips redundant rows.
    pub prune: bool,
    /// Keep column and row names (for export).
    pub names: bool,
}

/// One candidate shipment (order, node, method) and its columns.
#[derive(Debug, Clone)]
pub struct Triple {
    pub order: OrderIdx,
    pub node: NodeIdx,
    pub method: MethodIdx,
    pub quote: Quote,
    pub y: ColId,
    /// (line index, column) — empty for ship-complete orders, whose lines ride on `y`.
    pub x: Vec<(usize, ColId)>,
}

/// A reservation overflow variable and the consumption it measures.
#[derive(Debug, Clone)]
pub struct Excess {
    pub col: ColId,
    pub channel: ChannelIdx,
    pub reserved: i64,
    pub consumption: Vec<(ColId, f64)>,
}

/// Where everything lives in the program, for objectives, starts and reading solutions.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub triples: Vec<Triple>,
    pub triples_of_order: Vec<Vec<usize>>,
    pub fill_or_kill: Vec<Option<ColId>>,
    pub split: Vec<Option<ColId>>,
    pub node_open: Vec<Option<ColId>>,
    pub excess: Vec<Excess>,
    /// A column fixed at 1 whose cost carries objective constants.
    pub offset: ColId,
    /// Minimised in the cost stage (and, with penalties, in weighted mode).
    pub cost: Vec<f64>,
    /// Units filled per order, as a linear expression.
    pub order_fill: Vec<Vec<(ColId, f64)>>,
}

impl Layout {
    /// Units filled by the orders of one tier.
    pub fn tier_fill(&self, model: &Model, tier: usize) -> Vec<(ColId, f64)> {
        (0..model.orders.len())
            .filter(|&o| model.orders[o].tier == tier)
            .flat_map(|o| self.order_fill[o].iter().copied())
            .collect()
    }
}

/// Builds the whole program for a wave.
pub fn build(model: &Model, flags: BuildFlags) -> (Program, Layout) {
    let mut program = Program::new(flags.names);
    let offset = program.add_col(|| "offset".to_string(), 1.0, 1.0, false);
    let mut layout = Layout {
        offset,
        ..Default::default()
    };
    let triples = candidates::enumerate(model, flags);
    variables::add(model, flags, &triples, &mut program, &mut layout);
    let consumption = stock::consumption(model, &layout);
    stock::add(model, flags, &mut program, &consumption);
    reservations::add(model, flags, &mut program, &mut layout, &consumption);
    capacity::add(model, &mut program, &layout);
    fixed_cost::add(model, &mut program, &mut layout);
    order_rules::add(model, &mut program, &mut layout);
    objective::cost(model, &program, &mut layout);
    (program, layout)
}

pub use candidates::column_estimate;
pub use objective::{fifo_weights, weighted_objective};
