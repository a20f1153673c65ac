//! The naive monolithic model in good_lp, written from SPEC.md alone (`models/naive.md` has it in
//! math): every eligible order × node × method is a candidate shipment, with no pruning, no
//! tightened big-Ms and no start. It shares nothing with the optimizer's formulation
//! (`src/solver/mip/formulation/`), so the two check each other.

use good_lp::solvers::highs::{highs, HighsProblem};
use good_lp::{variable, Constraint, Expression, ProblemVariables, SolverModel, Variable};

use crate::format::Allocation as AllocationMode;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx, Quote};

/// One candidate shipment: an order not on hold, an active node that serves its channel and
/// reaches it, a method (on time under a hard SLA).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub order: OrderIdx,
    pub node: NodeIdx,
    pub method: MethodIdx,
    pub quote: Quote,
}

/// Every candidate, in (order, node, method) order.
pub fn candidates(model: &Model) -> Vec<Candidate> {
    let mut out = Vec::new();
    for order in (0..model.orders.len()).filter(|&o| !model.orders[o].is_held()) {
        for node in 0..model.nodes.len() {
            for method in 0..model.methods.len() {
                if let Some(quote) = model.eligible_quote(order, node, method) {
                    out.push(Candidate {
                        order,
                        node,
                        method,
                        quote,
                    });
                }
            }
        }
    }
    out
}

/// What a stage optimises.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// Maximise tier `k`'s units (orders of lower tiers are left out of the model).
    TierFill(usize),
    /// Maximise tier `k`'s age-weighted units ([`fifo_weights`]).
    Fifo(usize),
    /// Minimise the cost.
    Cost,
    /// Minimise the cost plus the unfilled penalties.
    Weighted,
}

/// Results of earlier stages that a stage must keep: per tier, its fill and its age-weighted fill.
#[derive(Debug, Clone, Default)]
pub struct Held {
    pub fills: Vec<Option<f64>>,
    pub fifo: Vec<Option<f64>>,
}

/// A built stage: the problem for HiGHS, and where each candidate's units sit among its columns.
pub struct Built {
    pub problem: HighsProblem,
    pub columns: usize,
    /// Per candidate (same index as [`candidates`]): its lines' `(line, column)`; empty when the
    /// candidate's order is outside the stage.
    pub units: Vec<Vec<(usize, usize)>>,
    /// The objective's constant (weighted: every unit's penalty), which HiGHS does not see.
    pub constant: f64,
    pub rows: usize,
    /// A complete start for every column, from the plan the stage was built with (`None`
    /// without one).
    pub start: Option<Vec<f64>>,
    /// The objective and the columns' variables, to evaluate the objective at the point HiGHS
    /// returns (HiGHS #3510: with a start, it can return another point than the one it reports).
    pub objective: Expression,
    pub variables: Vec<Variable>,
}

/// Columns as good_lp numbers them: in the order they are added.
struct Columns {
    vars: ProblemVariables,
    variables: Vec<Variable>,
    /// Each column's value in the start plan.
    start: Vec<f64>,
}

impl Columns {
    fn add(&mut self, def: good_lp::VariableDefinition, start: f64) -> (Variable, usize) {
        let v = self.vars.add(def);
        self.variables.push(v);
        self.start.push(start);
        (v, self.start.len() - 1)
    }
}

/// Per candidate, its lines' unit variables: `(line, x[t,l])`.
type LineUnits = [Vec<(usize, Variable)>];

/// Units per (order, node, method) and line in a start plan.
type StartUnits = std::collections::HashMap<(OrderIdx, NodeIdx, MethodIdx), Vec<(usize, i64)>>;

/// Age weight per order of tier `k` under `within_tier: fifo`: `N − rank`, rank 0 for the oldest
/// `placed_at` (ties and absent dates by id, absent last), over the tier's orders that could be
/// filled at all (a candidate at a node holding one of its SKUs; for ship-complete orders, the
/// whole order). Orders that cannot be filled weigh nothing.
pub fn fifo_weights(model: &Model, candidates: &[Candidate], k: usize) -> Vec<f64> {
    let fillable = |o: OrderIdx, n: NodeIdx| {
        let order = &model.orders[o];
        if order.ship_complete {
            model.node_holds_whole_order(o, n)
        } else {
            order.lines.iter().any(|l| model.available(n, l.sku) > 0)
        }
    };
    let mut orders: Vec<OrderIdx> = candidates
        .iter()
        .filter(|c| model.orders[c.order].tier == k && fillable(c.order, c.node))
        .map(|c| c.order)
        .collect();
    orders.dedup();
    orders.sort_by_key(|&o| {
        let order = &model.orders[o];
        (order.placed_at.unwrap_or(i64::MAX), order.id.clone())
    });
    let mut weights = vec![0.0; model.orders.len()];
    for (rank, &o) in orders.iter().enumerate() {
        weights[o] = (orders.len() - rank) as f64;
    }
    weights
}

/// Builds one stage of the model, with `start` (a plan every earlier stage's result holds for) as
/// its MIP start.
pub fn build(
    model: &Model,
    candidates: &[Candidate],
    goal: Goal,
    held: &Held,
    start: Option<&crate::solver::Allocation>,
) -> Built {
    let start_units: StartUnits = start
        .iter()
        .flat_map(|plan| &plan.shipments)
        .map(|s| ((s.order, s.node, s.method), s.lines.clone()))
        .collect();
    let in_scope = |o: OrderIdx| match goal {
        Goal::TierFill(k) | Goal::Fifo(k) => model.orders[o].tier <= k,
        Goal::Cost | Goal::Weighted => true,
    };
    let mut cols = Columns {
        vars: ProblemVariables::new(),
        variables: Vec::new(),
        start: Vec::new(),
    };
    let mut rows: Vec<Constraint> = Vec::new();

    // y[t] (shipment sent) and x[t,l] (units of line l in it), linked both ways.
    let mut ship: Vec<Option<Variable>> = vec![None; candidates.len()];
    let mut units: Vec<Vec<(usize, usize)>> = vec![Vec::new(); candidates.len()];
    let mut x: Vec<Vec<(usize, Variable)>> = vec![Vec::new(); candidates.len()];
    // Start: per order, shipments sent and units per line; per node, whether it ships.
    let mut sent_start = vec![0i64; model.orders.len()];
    let mut filled_start: Vec<Vec<i64>> = model
        .orders
        .iter()
        .map(|o| vec![0; o.lines.len()])
        .collect();
    let mut node_start = vec![false; model.nodes.len()];
    for (t, c) in candidates.iter().enumerate() {
        if !in_scope(c.order) {
            continue;
        }
        let given = start_units.get(&(c.order, c.node, c.method));
        if given.is_some() {
            sent_start[c.order] += 1;
            node_start[c.node] = true;
        }
        let (y, _) = cols.add(variable().binary(), given.map_or(0.0, |_| 1.0));
        ship[t] = Some(y);
        let mut carried = Expression::with_capacity(model.orders[c.order].lines.len());
        for (l, line) in model.orders[c.order].lines.iter().enumerate() {
            let given_units = given
                .and_then(|lines| lines.iter().find(|&&(li, _)| li == l))
                .map_or(0, |&(_, q)| q);
            filled_start[c.order][l] += given_units;
            let def = variable().integer().min(0.0).max(line.qty as f64);
            let (v, col) = cols.add(def, given_units as f64);
            rows.push((Expression::from(v) - line.qty as f64 * y).leq(0.0));
            carried.add_mul(1.0, v);
            x[t].push((l, v));
            units[t].push((l, col));
        }
        rows.push((Expression::from(y) - carried).leq(0.0));
    }

    // Per order: its lines' fills, its shipments.
    let mut line_fill: Vec<Vec<Expression>> = model
        .orders
        .iter()
        .map(|o| vec![Expression::default(); o.lines.len()])
        .collect();
    let mut shipments: Vec<Expression> = vec![Expression::default(); model.orders.len()];
    for (t, c) in candidates.iter().enumerate() {
        let Some(y) = ship[t] else { continue };
        shipments[c.order].add_mul(1.0, y);
        for &(l, v) in &x[t] {
            line_fill[c.order][l].add_mul(1.0, v);
        }
    }
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() || !in_scope(o) {
            continue;
        }
        // Fill-or-kill and ship-complete: every line in full, or none.
        let complete = order
            .lines
            .iter()
            .zip(&filled_start[o])
            .all(|(l, &f)| f == l.qty);
        let whole = (order.fill_or_kill || order.ship_complete).then(|| {
            cols.add(variable().binary(), f64::from(u8::from(complete)))
                .0
        });
        for (l, line) in order.lines.iter().enumerate() {
            let fill = line_fill[o][l].clone();
            rows.push(match whole {
                Some(a) => (fill - line.qty as f64 * a).eq(0.0),
                None => fill.leq(line.qty as f64),
            });
        }
        if order.ship_complete {
            rows.push(shipments[o].clone().leq(1.0));
        }
        if let Some(k) = model.policy.max_shipments_per_order {
            rows.push(shipments[o].clone().leq(k as f64));
        }
    }

    stock_rows(model, candidates, &x, &mut rows);
    reservation_rows(model, candidates, (&x, &units), &mut cols, &mut rows);
    capacity_rows(model, candidates, (&ship, &x), &mut rows);

    // Cost terms: per shipment and per unit, fixed costs (w[n] ≥ y[t]), splits (s[o]).
    let mut cost = Expression::default();
    for (t, c) in candidates.iter().enumerate() {
        let Some(y) = ship[t] else { continue };
        cost.add_mul(c.quote.per_shipment_total(model.policy.late_rate()), y);
        for &(_, v) in &x[t] {
            cost.add_mul(c.quote.per_unit_total(), v);
        }
    }
    for (n, node) in model.nodes.iter().enumerate() {
        if node.fixed_cost <= 0.0 {
            continue;
        }
        let (w, _) = cols.add(variable().binary(), f64::from(u8::from(node_start[n])));
        cost.add_mul(node.fixed_cost, w);
        for (t, c) in candidates.iter().enumerate() {
            if let (true, Some(y)) = (c.node == n, ship[t]) {
                rows.push((Expression::from(y) - w).leq(0.0));
            }
        }
    }
    if model.policy.split_penalty > 0.0 {
        for (o, order) in model.orders.iter().enumerate() {
            if order.is_held() || !in_scope(o) {
                continue;
            }
            let (s, _) = cols.add(variable().min(0.0), (sent_start[o] - 1).max(0) as f64);
            cost.add_mul(model.policy.split_penalty, s);
            rows.push((shipments[o].clone() - s).leq(1.0));
        }
    }

    // Earlier stages' results, held (fills are integers: `≥ F − ½` is exact).
    let tier_units = |k: usize, weights: Option<&[f64]>| {
        let mut e = Expression::default();
        for (o, order) in model.orders.iter().enumerate() {
            if order.tier != k || order.is_held() || !in_scope(o) {
                continue;
            }
            let weight = weights.map_or(1.0, |w| w[o]);
            for fill in &line_fill[o] {
                e.add_mul(weight, fill.clone());
            }
        }
        e
    };
    for (k, fill) in held.fills.iter().enumerate() {
        if let Some(f) = fill {
            rows.push((-tier_units(k, None)).leq(0.5 - f));
        }
    }
    for (k, fifo) in held.fifo.iter().enumerate() {
        if let Some(f) = fifo {
            let weights = fifo_weights(model, candidates, k);
            rows.push((-tier_units(k, Some(&weights))).leq(0.5 - f));
        }
    }

    let (objective, constant) = match goal {
        Goal::TierFill(k) => (tier_units(k, None), 0.0),
        Goal::Fifo(k) => {
            let weights = fifo_weights(model, candidates, k);
            (tier_units(k, Some(&weights)), 0.0)
        }
        Goal::Cost => (cost, 0.0),
        Goal::Weighted => {
            debug_assert_eq!(model.policy.allocation, AllocationMode::Weighted);
            let mut constant = 0.0;
            for (o, order) in model.orders.iter().enumerate() {
                if order.is_held() {
                    continue;
                }
                let penalty = model.unfilled_penalty(o);
                constant += penalty * order.units() as f64;
                for fill in &line_fill[o] {
                    cost.add_mul(-penalty, fill.clone());
                }
            }
            (cost, constant)
        }
    };
    let unsolved = match goal {
        Goal::TierFill(_) | Goal::Fifo(_) => cols.vars.maximise(objective.clone()),
        Goal::Cost | Goal::Weighted => cols.vars.minimise(objective.clone()),
    };
    let row_count = rows.len();
    let mut problem = unsolved.using(highs);
    for row in rows {
        problem.add_constraint(row);
    }
    Built {
        problem,
        columns: cols.start.len(),
        units,
        constant,
        rows: row_count,
        start: start.map(|_| cols.start),
        objective,
        variables: cols.variables,
    }
}

/// Stock: `Σ units of sku s shipped from n ≤ A[n,s]` (net of safety stock).
fn stock_rows(model: &Model, candidates: &[Candidate], x: &LineUnits, rows: &mut Vec<Constraint>) {
    let mut at: std::collections::BTreeMap<(NodeIdx, usize), Expression> = Default::default();
    for (t, c) in candidates.iter().enumerate() {
        for &(l, v) in &x[t] {
            let sku = model.orders[c.order].lines[l].sku;
            at.entry((c.node, sku)).or_default().add_mul(1.0, v);
        }
    }
    for ((n, s), used) in at {
        rows.push(used.leq(model.available(n, s) as f64));
    }
}

/// Reservations (SPEC.md §2): at each place, `Σ_c max(0, u_c − R_c) ≤ A − Σ_c R_c`, with an
/// excess column `e_c ≥ u_c − R_c` per reserved channel.
fn reservation_rows(
    model: &Model,
    candidates: &[Candidate],
    (x, columns): (&LineUnits, &[Vec<(usize, usize)>]),
    cols: &mut Columns,
    rows: &mut Vec<Constraint>,
) {
    for place in &model.reservations {
        let mut by_channel: std::collections::BTreeMap<usize, Expression> = Default::default();
        let mut start_used: std::collections::BTreeMap<usize, f64> = Default::default();
        for (t, c) in candidates.iter().enumerate() {
            if place.node.is_some_and(|n| n != c.node) {
                continue;
            }
            let channel = model.orders[c.order].channel;
            for (&(l, v), &(_, col)) in x[t].iter().zip(&columns[t]) {
                if model.orders[c.order].lines[l].sku == place.sku {
                    by_channel.entry(channel).or_default().add_mul(1.0, v);
                    *start_used.entry(channel).or_default() += cols.start[col];
                }
            }
        }
        let reserved: i64 = place.shares.iter().map(|s| s.reserved).sum();
        let mut beyond = Expression::default();
        for (channel, used) in by_channel {
            match place.shares.iter().find(|s| s.channel == channel) {
                Some(share) => {
                    let excess = (start_used[&channel] - share.reserved as f64).max(0.0);
                    let (e, _) = cols.add(variable().min(0.0), excess);
                    rows.push((used - e).leq(share.reserved as f64));
                    beyond.add_mul(1.0, e);
                }
                None => beyond += used,
            }
        }
        rows.push(beyond.leq((place.available - reserved) as f64));
    }
}

/// Node capacities: shipments and units per wave.
fn capacity_rows(
    model: &Model,
    candidates: &[Candidate],
    (ship, x): (&[Option<Variable>], &LineUnits),
    rows: &mut Vec<Constraint>,
) {
    for (n, node) in model.nodes.iter().enumerate() {
        if node.capacity_shipments.is_none() && node.capacity_units.is_none() {
            continue;
        }
        let mut sent = Expression::default();
        let mut carried = Expression::default();
        for (t, c) in candidates.iter().enumerate() {
            if c.node != n {
                continue;
            }
            if let Some(y) = ship[t] {
                sent.add_mul(1.0, y);
            }
            for &(_, v) in &x[t] {
                carried.add_mul(1.0, v);
            }
        }
        if let Some(cap) = node.capacity_shipments {
            rows.push(sent.leq(cap as f64));
        }
        if let Some(cap) = node.capacity_units {
            rows.push(carried.leq(cap as f64));
        }
    }
}
