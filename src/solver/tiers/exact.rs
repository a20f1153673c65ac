//! The exact tier stage: a compact MIP that closes what the flow's plan leaves open.
//!
//! Fills do not depend on the ship method, so the model has no method dimension: `x[o,l,n]`
//! units (integer) for every line of every order of tiers `0..=k` at every node that may serve
//! the order; a shipment binary `y[o,n]` only where a shipment counts against something (a node
//! with a shipment capacity, or `max_shipments_per_order`); one binary per node for a
//! ship-complete order (`Σ_n z[o,n] ≤ 1`, the whole order from that node); one binary per
//! fill-or-kill order (`Σ_n x[o,l,n] = qty·a[o]`). Rows: lines, stock, unit and shipment
//! capacities, shipments per order, every reservation place (node or network) as the SPEC's
//! capped overflow, and `fill_j ≥ F_j` for the higher tiers. Objective: tier k's units. Its LP
//! relaxation is the flow relaxation plus the shipment rows, so it is never weaker.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::{Model, NodeIdx, OrderIdx};
use crate::solver::greedy::candidate_at;
use crate::solver::highs::program::{ColId, Program, Row, StageModel};
use crate::solver::highs::run::{self as highs_run, RunResult, Settings};
use crate::solver::ledger::Ledger;
use crate::solver::{Allocation, ShipmentDecision};

/// A linear expression: (column, coefficient) pairs.
type Expression = Vec<(ColId, f64)>;

/// One tier stage's program and how to read plans in and out of it.
pub struct TierProgram<'m> {
    model: &'m Model,
    tier: usize,
    program: Program,
    /// Units columns: (order, line or `None` for a ship-complete order's whole order, node).
    units: Vec<(OrderIdx, Option<usize>, NodeIdx, ColId)>,
    /// Shipment binaries: (order, node, column).
    slots: Vec<(OrderIdx, NodeIdx, ColId)>,
    /// Fill-or-kill binaries: (order, column).
    all_or_none: Vec<(OrderIdx, ColId)>,
    /// Reservation overflow columns, each with the row it relieves (coefficient −1 there).
    overflow: Vec<(ColId, usize)>,
    /// Tier k's fill as a linear expression.
    objective: Vec<(ColId, f64)>,
}

/// A neighbourhood of the stage: only the `free` orders are planned; every other order of tiers
/// `0..=k` keeps its shipments, and what they use (`taken`: stock, capacities, reservation
/// places) and fill (`fills`, per tier) is taken from the rows before the free orders see them.
pub struct Held<'a, 'm> {
    pub free: &'a [bool],
    pub taken: Ledger<'m>,
    pub fills: Vec<i64>,
}

impl<'m> TierProgram<'m> {
    /// The stage of `tier` with higher tiers held at `fills[j]`.
    pub fn build(model: &'m Model, serving: &[Vec<NodeIdx>], tier: usize, fills: &[i64]) -> Self {
        Self::build_within(model, serving, tier, fills, None)
    }

    /// The stage of `tier` over the orders `held` leaves free (all when `None`), each at the
    /// nodes `serving` lists for it; higher tiers' fills, held orders included, stay at least
    /// `fills[j]`.
    pub fn build_within(
        model: &'m Model,
        serving: &[Vec<NodeIdx>],
        tier: usize,
        fills: &[i64],
        held: Option<Held<'_, 'm>>,
    ) -> Self {
        let (free, taken, held_fills) = match held {
            Some(h) => (Some(h.free), h.taken, h.fills),
            None => (None, Ledger::new(model), vec![0; model.tiers.len()]),
        };
        let is_free = |o: OrderIdx| free.is_none_or(|f| f[o]);
        let left = |n: NodeIdx, sku: usize| model.available(n, sku) - taken.used(n, sku);
        let mut p = Program::new(false);
        let mut units = Vec::new();
        let mut slots = Vec::new();
        let mut all_or_none = Vec::new();
        let needs_slot = |n: NodeIdx| {
            model.nodes[n].capacity_shipments.is_some()
                || model.policy.max_shipments_per_order.is_some()
        };
        let skus = model.skus.len();
        // Entries of the shared rows, keyed by what they count; ordered maps, so that the rows
        // (and HiGHS's answer) come out the same on every run.
        let mut stock: BTreeMap<usize, Expression> = BTreeMap::new();
        let mut node_units: Vec<Vec<(ColId, f64)>> = vec![Vec::new(); model.nodes.len()];
        let mut node_slots: Vec<Vec<(ColId, f64)>> = vec![Vec::new(); model.nodes.len()];
        let mut tier_fill: Vec<Vec<(ColId, f64)>> = vec![Vec::new(); tier + 1];
        // (place, channel) -> entries; a place covers a SKU at one node or everywhere.
        let mut place_use: BTreeMap<(usize, usize), Expression> = BTreeMap::new();
        let places_of: HashMap<usize, Vec<usize>> =
            model
                .reservations
                .iter()
                .enumerate()
                .fold(HashMap::new(), |mut m, (i, r)| {
                    m.entry(r.sku).or_insert_with(Vec::new).push(i);
                    m
                });
        // Column `c` carries `a` units of `sku` for order `o` from node `n`.
        let mut count = |(c, a): (ColId, f64), o: OrderIdx, n: NodeIdx, sku: usize| {
            let order = &model.orders[o];
            stock.entry(n * skus + sku).or_default().push((c, a));
            node_units[n].push((c, a));
            tier_fill[order.tier].push((c, a));
            for &pl in places_of.get(&sku).into_iter().flatten() {
                if model.reservations[pl].covers(n) {
                    place_use
                        .entry((pl, order.channel))
                        .or_default()
                        .push((c, a));
                }
            }
        };
        for (o, order) in model.orders.iter().enumerate() {
            if order.tier > tier || order.is_held() || !is_free(o) {
                continue;
            }
            if order.ship_complete {
                let mut one_node = Vec::new();
                let whole_fits = |n: NodeIdx| order.lines.iter().all(|l| left(n, l.sku) >= l.qty);
                for &n in serving[o].iter().filter(|&&n| whole_fits(n)) {
                    let z = p.add_col(String::new, 0.0, 1.0, true);
                    units.push((o, None, n, z));
                    one_node.push((z, 1.0));
                    node_slots[n].push((z, 1.0));
                    for l in &order.lines {
                        count((z, l.qty as f64), o, n, l.sku);
                    }
                }
                p.add_row(String::new, f64::NEG_INFINITY, 1.0, one_node);
                continue;
            }
            let fok = order
                .fill_or_kill
                .then(|| p.add_col(String::new, 0.0, 1.0, true));
            all_or_none.extend(fok.map(|a| (o, a)));
            let mut per_order_slots = Vec::new();
            for &n in &serving[o] {
                let mut at_node = Vec::new();
                let mut most = 0i64;
                for (li, l) in order.lines.iter().enumerate() {
                    let upper = l.qty.min(left(n, l.sku));
                    if upper <= 0 {
                        continue;
                    }
                    let x = p.add_col(String::new, 0.0, upper as f64, true);
                    units.push((o, Some(li), n, x));
                    at_node.push((x, 1.0));
                    most += upper;
                    count((x, 1.0), o, n, l.sku);
                }
                if at_node.is_empty() || !needs_slot(n) {
                    continue;
                }
                let most = model.nodes[n]
                    .capacity_units
                    .map_or(most, |c| most.min(c - taken.node_units[n]));
                let y = p.add_col(String::new, 0.0, 1.0, true);
                slots.push((o, n, y));
                node_slots[n].push((y, 1.0));
                per_order_slots.push((y, 1.0));
                let mut link = at_node;
                link.push((y, -(most as f64)));
                p.add_row(String::new, f64::NEG_INFINITY, 0.0, link);
            }
            if let Some(max) = model.policy.max_shipments_per_order {
                p.add_row(String::new, f64::NEG_INFINITY, max as f64, per_order_slots);
            }
            for (li, l) in order.lines.iter().enumerate() {
                let mut line: Vec<(ColId, f64)> = units
                    .iter()
                    .rev()
                    .take_while(|u| u.0 == o)
                    .filter(|u| u.1 == Some(li))
                    .map(|u| (u.3, 1.0))
                    .collect();
                match fok {
                    Some(a) => {
                        line.push((a, -(l.qty as f64)));
                        p.add_row(String::new, 0.0, 0.0, line);
                    }
                    None => p.add_row(String::new, f64::NEG_INFINITY, l.qty as f64, line),
                }
            }
        }
        for (key, entries) in stock {
            let (n, sku) = (key / skus, key % skus);
            p.add_row(String::new, f64::NEG_INFINITY, left(n, sku) as f64, entries);
        }
        for (n, node) in model.nodes.iter().enumerate() {
            if let Some(cap) = node.capacity_units {
                let entries = std::mem::take(&mut node_units[n]);
                let cap = cap - taken.node_units[n];
                p.add_row(String::new, f64::NEG_INFINITY, cap as f64, entries);
            }
            if let Some(cap) = node.capacity_shipments {
                let entries = std::mem::take(&mut node_slots[n]);
                let cap = cap - taken.node_shipments[n];
                p.add_row(String::new, f64::NEG_INFINITY, cap as f64, entries);
            }
        }
        let overflow = reservation_rows(model, &mut p, place_use, &taken);
        for (j, entries) in tier_fill.iter().enumerate().take(tier) {
            p.rows.push(Row::new(
                String::new(),
                (fills[j] - held_fills[j]) as f64 - 0.5,
                f64::INFINITY,
                entries.clone(),
            ));
        }
        TierProgram {
            model,
            tier,
            program: p,
            units,
            slots,
            all_or_none,
            overflow,
            objective: tier_fill.swap_remove(tier),
        }
    }

    /// About how many columns [`Self::build`] would make for `tier`, without building anything:
    /// the (line, node) pairs of the orders of tiers `0..=tier` where the node holds the SKU.
    pub fn estimate_columns(model: &Model, serving: &[Vec<NodeIdx>], tier: usize) -> usize {
        model
            .orders
            .iter()
            .zip(serving)
            .filter(|(o, _)| o.tier <= tier && !o.is_held())
            .map(|(o, nodes)| {
                nodes
                    .iter()
                    .map(|&n| {
                        o.lines
                            .iter()
                            .filter(|l| model.available(n, l.sku) > 0)
                            .count()
                    })
                    .sum::<usize>()
            })
            .sum()
    }

    pub fn columns(&self) -> usize {
        self.program.num_cols()
    }

    /// The stage's LP relaxation: an upper bound on tier k's units, `None` when HiGHS does not
    /// prove it within the settings' time.
    pub fn lp_bound(&self, settings: Settings) -> Option<f64> {
        highs_run::lp_relaxation_by_ipm(&self.program, &self.stage(), settings).map(|v| -v)
    }

    fn stage(&self) -> StageModel {
        let mut objective = vec![0.0; self.program.num_cols()];
        for &(c, a) in &self.objective {
            objective[c] -= a;
        }
        StageModel {
            objective,
            extra_rows: Vec::new(),
            upper: None,
        }
    }

    pub fn tier(&self) -> usize {
        self.tier
    }

    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// The columns' values for `plan`'s shipments of the orders the program plans, where
    /// columns exist for them: a start for [`Self::solve`]. The caller checks it (HiGHS's
    /// answer is re-checked, the start included).
    pub fn start_of(&self, plan: &Allocation) -> Vec<f64> {
        let mut v = vec![0.0; self.program.num_cols()];
        let mut units: HashMap<(OrderIdx, NodeIdx), &[(usize, i64)]> = HashMap::new();
        for s in &plan.shipments {
            units.insert((s.order, s.node), &s.lines);
        }
        for &(o, line, n, c) in &self.units {
            let Some(lines) = units.get(&(o, n)) else {
                continue;
            };
            v[c] = match line {
                None => 1.0,
                Some(l) => lines.iter().filter(|x| x.0 == l).map(|x| x.1).sum::<i64>() as f64,
            };
        }
        for &(o, n, c) in &self.slots {
            if units.contains_key(&(o, n)) {
                v[c] = 1.0;
            }
        }
        let shipped: HashSet<OrderIdx> = plan.shipments.iter().map(|s| s.order).collect();
        for &(o, c) in &self.all_or_none {
            if shipped.contains(&o) {
                v[c] = 1.0;
            }
        }
        for &(e, row) in &self.overflow {
            let row = &self.program.rows[row];
            let used: f64 = row
                .entries
                .iter()
                .filter(|x| x.0 != e)
                .map(|&(c, a)| a * v[c])
                .sum();
            v[e] = (used - row.upper).max(0.0);
        }
        v
    }

    /// Solves the stage. Returns HiGHS's result with the objective and bound as units of tier k
    /// (a maximum), and the plan (of tiers `0..=k`) when one was found.
    pub fn solve(&self, settings: Settings) -> (RunResult, Option<Allocation>) {
        self.solve_from(settings, None)
    }

    /// [`Self::solve`] from a start ([`Self::start_of`]).
    pub fn solve_from(
        &self,
        settings: Settings,
        start: Option<&[f64]>,
    ) -> (RunResult, Option<Allocation>) {
        let stage = self.stage();
        let mut r = highs_run::run(&self.program, &stage, settings, start);
        r.objective = -r.objective;
        r.bound = -r.bound;
        let plan = r.values.as_ref().map(|v| self.allocation_of(v));
        (r, plan)
    }

    /// The plan the column values describe, each shipment by its node's cheapest method.
    fn allocation_of(&self, v: &[f64]) -> Allocation {
        let mut by_pair: HashMap<(OrderIdx, NodeIdx), Vec<(usize, i64)>> = HashMap::new();
        for &(o, l, n, c) in &self.units {
            let q = v[c].round() as i64;
            if q <= 0 {
                continue;
            }
            let lines = by_pair.entry((o, n)).or_default();
            match l {
                Some(li) => lines.push((li, q)),
                None => lines.extend(
                    self.model.orders[o]
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(li, x)| (li, x.qty)),
                ),
            }
        }
        let mut allocation = Allocation {
            shipments: by_pair
                .into_iter()
                .filter_map(|((o, n), lines)| {
                    let c = candidate_at(self.model, o, n)?;
                    Some(ShipmentDecision {
                        order: o,
                        node: n,
                        method: c.method,
                        lines,
                    })
                })
                .collect(),
        };
        allocation.normalise();
        allocation
    }
}

/// Every reservation place as the SPEC's capped overflow: for each reserved channel `c`,
/// `use_c − e_c ≤ R_c`; and `Σ e_c + Σ use of unreserved channels ≤ A − Σ R`. Each channel's
/// use includes what the held orders (`taken`) consume at the place.
fn reservation_rows(
    model: &Model,
    p: &mut Program,
    place_use: BTreeMap<(usize, usize), Expression>,
    taken: &Ledger,
) -> Vec<(ColId, usize)> {
    let mut overflow = Vec::new();
    let mut by_place: Vec<BTreeMap<usize, (Expression, i64)>> =
        vec![BTreeMap::new(); model.reservations.len()];
    for ((place, channel), entries) in place_use {
        by_place[place].entry(channel).or_default().0 = entries;
    }
    for (place, uses) in by_place.iter_mut().enumerate() {
        for (channel, units) in taken.place_uses(place) {
            uses.entry(channel).or_default().1 = units;
        }
    }
    for (place, uses) in by_place.into_iter().enumerate() {
        let r = &model.reservations[place];
        let mut shared = Vec::new();
        let mut shared_taken = 0;
        for (channel, (entries, units_taken)) in uses {
            let reserved = r.reserved_for(channel);
            if reserved > 0 {
                if entries.is_empty() && units_taken <= reserved {
                    continue;
                }
                let e = p.add_col(String::new, 0.0, f64::INFINITY, false);
                let mut own = entries;
                own.push((e, -1.0));
                let rhs = (reserved - units_taken) as f64;
                overflow.push((e, p.rows.len()));
                p.add_row(String::new, f64::NEG_INFINITY, rhs, own);
                shared.push((e, 1.0));
            } else {
                shared.extend(entries);
                shared_taken += units_taken;
            }
        }
        if shared.is_empty() {
            continue;
        }
        let rhs = (r.unreserved().max(0) - shared_taken) as f64;
        p.add_row(String::new, f64::NEG_INFINITY, rhs, shared);
    }
    overflow
}
