//! The *flow relaxation*: a lower bound on cost from one LP with no shipment or node variables,
//! much stronger than the per-unit relaxation and far smaller than the formulation's own LP.
//!
//! Every unit a plan ships of line l of order o from node n costs at least `rate(o, n)`, the
//! per-unit relaxation's rate (`per_unit + per_shipment / cap(o, n)`, least over eligible
//! methods; see the parent module), because a shipment carries at most `cap(o, n)` units. So
//! with `x[o,l,n]` the units shipped, any plan costs at least `Σ rate(o,n)·x[o,l,n]` and
//! satisfies:
//! - per line, `Σ_n x[o,l,n] ≤ qty(l)`;
//! - per node and SKU, `Σ x ≤ available(n, sku)` (reservations only narrow who may take it);
//! - per node with a unit capacity, `Σ x ≤ capacity_units(n)`;
//! - per node with a shipment capacity, `Σ x[o,l,n] / cap(o,n) ≤ capacity_shipments(n)`, since
//!   o needs at least `units / cap(o,n)` shipments from n;
//! - strict: per tier k, `Σ_{o in k} x ≥ F_k` (the cost stage's bound is given those fills).
//!
//! Weighted: the objective is `Σ (rate − penalty)·x + Σ penalty·qty` and no tier row. Fixed
//! costs and split penalties are ≥ 0 and dropped. The LP's optimum is therefore below the cost
//! of every plan with those fills (weighted: every plan), which makes it a proven bound. It is
//! exact in units except for shipment consolidation and fixed costs: when orders ship whole from
//! one node, `rate·units` is exactly the shipment's cost.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use highs::{ColProblem, HighsModelStatus, Row, Sense};

use super::{serving_nodes, Prices};
use crate::format::Allocation as Policy;
use crate::model::{Model, Node};
use crate::solver::highs::callback::SolveWatch;

/// Above this many (line, node) columns the LP is not built. Dual simplex (HiGHS's choice, and
/// the fastest measured: interior point is slowed by the dense tier rows) takes 1.3 s on M's
/// 61k columns and 60 s on L's 647k, so larger LPs would not finish within a wave's time limit.
pub const MAX_FLOW_COLUMNS: usize = 300_000;

/// HiGHS's fixed seed, so the same LP gives the same answer.
const SEED: i32 = 20_261_126;

/// The flow relaxation's optimum and what it took.
#[derive(Debug, Clone, Copy)]
pub struct FlowBound {
    pub value: f64,
    pub columns: usize,
    pub rows: usize,
    pub time_ms: u64,
}

/// The flow relaxation's optimum with its row duals as prices for the Lagrangian relaxation
/// ([`super::lagrangian`]): with them the Lagrangian bound is at least the flow bound.
#[derive(Debug, Clone)]
pub struct FlowSolution {
    pub bound: FlowBound,
    pub prices: Prices,
}

/// Which priced row each LP row is, to read its dual back as a price.
#[derive(Clone, Copy)]
enum PricedRow {
    Stock(usize),
    Units(usize),
    Shipments(usize),
    Tier(usize),
    Line,
}

/// One (line, node) pair a unit can flow along.
struct Arc {
    order: usize,
    line: usize,
    node: usize,
    rate: f64,
    cap: i64,
    upper: i64,
}

/// The flow relaxation's optimum (see the module docs) for plans whose tier k fills at least
/// `tier_fills[k]` units (strict; unused when weighted). `None` when the LP is above
/// [`MAX_FLOW_COLUMNS`], or HiGHS does not prove it optimal within `time_limit_s` or before
/// `stop` is set.
pub fn flow_bound(
    model: &Model,
    tier_fills: &[i64],
    time_limit_s: f64,
    threads: u32,
    stop: Option<&AtomicBool>,
) -> Option<FlowSolution> {
    let started = Instant::now();
    let arcs = arcs(model, stop)?;
    let skus = model.skus.len();
    let weighted = model.policy.allocation == Policy::Weighted;

    let mut problem = ColProblem::default();
    // What each row is, in the order they are added.
    let mut priced: Vec<PricedRow> = Vec::new();
    // Stock rows per (node, SKU) with stock, created on first use.
    let mut stock_row: std::collections::HashMap<usize, Row> = std::collections::HashMap::new();
    let mut capacity_rows = |problem: &mut ColProblem,
                             capacity: fn(&Node) -> Option<i64>,
                             kind: fn(usize) -> PricedRow| {
        let rows: Vec<Option<Row>> = model
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                capacity(n).map(|c| {
                    priced.push(kind(i));
                    problem.add_row(..=c as f64)
                })
            })
            .collect();
        rows
    };
    let unit_rows = capacity_rows(&mut problem, |n| n.capacity_units, PricedRow::Units);
    let shipment_rows = capacity_rows(&mut problem, |n| n.capacity_shipments, PricedRow::Shipments);
    let tier_rows: Vec<Option<Row>> = (0..model.tiers.len())
        .map(|k| {
            let fill = tier_fills.get(k).copied().unwrap_or(0);
            (!weighted && fill > 0).then(|| {
                priced.push(PricedRow::Tier(k));
                problem.add_row(fill as f64..)
            })
        })
        .collect();
    let mut line_rows: std::collections::HashMap<(usize, usize), Row> =
        std::collections::HashMap::new();

    let mut constant = 0.0;
    if weighted {
        for (o, order) in model.orders.iter().enumerate() {
            if !order.is_held() {
                constant += model.unfilled_penalty(o) * order.units() as f64;
            }
        }
    }
    for arc in &arcs {
        let order = &model.orders[arc.order];
        let line = &order.lines[arc.line];
        let mut entries: Vec<(Row, f64)> = Vec::with_capacity(5);
        let line_row = *line_rows.entry((arc.order, arc.line)).or_insert_with(|| {
            priced.push(PricedRow::Line);
            problem.add_row(..=line.qty as f64)
        });
        entries.push((line_row, 1.0));
        let stock_key = arc.node * skus + line.sku;
        let stock = *stock_row.entry(stock_key).or_insert_with(|| {
            priced.push(PricedRow::Stock(stock_key));
            problem.add_row(..=model.available(arc.node, line.sku) as f64)
        });
        entries.push((stock, 1.0));
        if let Some(r) = unit_rows[arc.node] {
            entries.push((r, 1.0));
        }
        if let Some(r) = shipment_rows[arc.node] {
            entries.push((r, 1.0 / arc.cap as f64));
        }
        if let Some(r) = tier_rows[order.tier] {
            entries.push((r, 1.0));
        }
        let cost = if weighted {
            arc.rate - model.unfilled_penalty(arc.order)
        } else {
            arc.rate
        };
        problem.add_column(cost, 0.0..=arc.upper as f64, entries);
    }

    let rows = problem.num_rows();
    crate::solver::highs::threads::use_threads(threads);
    let mut lp = problem.optimise(Sense::Minimise);
    lp.make_quiet();
    lp.set_option("time_limit", time_limit_s.max(0.01));
    lp.set_option("threads", threads.max(1) as i32);
    lp.set_option("random_seed", SEED);
    if std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
        lp.set_option("output_flag", true);
        lp.set_option("log_to_console", true);
    }
    let watch = SolveWatch::new(0, stop);
    // SAFETY: `lp` is live, and `watch` outlives the solve below.
    unsafe { watch.attach_lp(lp.as_mut_ptr()) };
    let solved = lp.try_solve().ok()?;
    if solved.status() != HighsModelStatus::Optimal {
        return None;
    }
    let solution = solved.get_solution();
    Some(FlowSolution {
        bound: FlowBound {
            value: solved.objective_value() + constant,
            columns: arcs.len(),
            rows,
            time_ms: started.elapsed().as_millis() as u64,
        },
        prices: prices_from_duals(model, &priced, solution.dual_rows()),
    })
}

/// Row duals as prices. HiGHS's duals satisfy `reduced cost = c − Aᵀy` for a minimisation, so a
/// binding `≤` row has `y ≤ 0` (its price is `−y`) and a binding `≥` row `y ≥ 0`. Any price of
/// the right sign gives a valid Lagrangian bound, so duals of the wrong sign within HiGHS's
/// tolerances are clipped to 0.
fn prices_from_duals(model: &Model, priced: &[PricedRow], duals: &[f64]) -> Prices {
    let mut prices = Prices::zero(model);
    for (row, &dual) in priced.iter().zip(duals) {
        match *row {
            PricedRow::Stock(i) => prices.stock[i] = (-dual).max(0.0),
            PricedRow::Units(n) => prices.units[n] = (-dual).max(0.0),
            PricedRow::Shipments(n) => prices.shipments[n] = (-dual).max(0.0),
            PricedRow::Tier(k) => prices.tiers[k] = dual.max(0.0),
            PricedRow::Line => {}
        }
    }
    prices
}

/// Every (line, node) pair that can carry units, or `None` when there are more than
/// [`MAX_FLOW_COLUMNS`] or `stop` is set meanwhile.
fn arcs(model: &Model, stop: Option<&AtomicBool>) -> Option<Vec<Arc>> {
    let mut arcs = Vec::new();
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() {
            continue;
        }
        if o % 1024 == 0 && stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
            return None;
        }
        for (n, cap, rate) in serving_nodes(model, o) {
            for (l, line) in order.lines.iter().enumerate() {
                let upper = line.qty.min(model.available(n, line.sku));
                if upper > 0 {
                    arcs.push(Arc {
                        order: o,
                        line: l,
                        node: n,
                        rate,
                        cap,
                        upper,
                    });
                }
            }
            if arcs.len() > MAX_FLOW_COLUMNS {
                return None;
            }
        }
    }
    Some(arcs)
}
