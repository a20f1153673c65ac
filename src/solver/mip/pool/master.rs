//! The master program over a pool of covers: pick one cover per order.
//!
//! | family | row |
//! |---|---|
//! | convexity | `Σ_k z[o,k] = 1` for every order in the pool (`≤ 1` when fills are free: no cover is then an option) |
//! | tier fill | `Σ_{k of tier t} units(k)·z[k] ≥ F[t]` (fills free, strict: each tier's fill held) |
//! | stock | `Σ_k units(k, n, s)·z[k] ≤ A[n,s]` |
//! | reservations | as in the compact model (`formulation::reservations`), over the covers' units |
//! | capacity | `Σ_k units(k, n)·z[k] ≤ cap_units[n]`; `Σ_k shipments(k, n)·z[k] ≤ cap_shipments[n]` |
//! | fixed cost | `z[k] ≤ w[n]` for every cover `k` shipping from `n` (`w` binary, costs `fixed_cost[n]`) |
//!
//! Each cover already keeps the order's rules (its units per line, ship-complete, the most
//! shipments), so any integer point is a plan of the wave with the same fills. Rows that cannot
//! bind (every cover at once fits) are not written.

use std::collections::BTreeMap;

use super::pricing::RowPrices;
use crate::model::{Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::highs::program::{ColId, Program, StageModel};
use crate::solver::mip::formulation::reservations;
use crate::solver::mip::formulation::stock::Consumption;
use crate::solver::mip::formulation::{BuildFlags, Excess};
use crate::solver::ShipmentDecision;

/// One cover in the pool: an order's shipments and their cost in the master's objective (real
/// cost, less the unfilled penalties it saves under `weighted`).
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub order: OrderIdx,
    pub shipments: Vec<ShipmentDecision>,
    pub cost: f64,
}

impl Column {
    pub fn units(&self) -> i64 {
        self.shipments.iter().map(|s| s.units()).sum()
    }
}

/// What the master holds: every line's units (each order takes exactly one cover), or, with
/// fills free, at most one cover per order and, under `strict`, each tier's fill at least
/// `tier_floor[t]`.
#[derive(Debug, Clone)]
pub(super) enum Held {
    Lines,
    Tiers { tier_floor: Option<Vec<i64>> },
}

/// What a row of the master is, to read its dual back as a price.
#[derive(Debug, Clone, Copy)]
enum RowKind {
    Order(OrderIdx),
    Stock(NodeIdx, SkuIdx),
    Units(NodeIdx),
    Shipments(NodeIdx),
    Tier(usize),
    Other,
}

pub(super) struct Master {
    pub program: Program,
    pub stage: StageModel,
    /// The z column of each pool column, by pool index.
    pub z: Vec<ColId>,
    node_open: Vec<(NodeIdx, ColId)>,
    excess: Vec<Excess>,
    kinds: Vec<RowKind>,
}

impl Master {
    pub fn build(model: &Model, columns: &[Column], held: &Held) -> Master {
        let mut program = Program::new(false);
        let mut objective = Vec::new();
        let mut kinds = Vec::new();
        let z: Vec<ColId> = columns
            .iter()
            .map(|c| {
                objective.push(c.cost);
                program.add_col(String::new, 0.0, 1.0, true)
            })
            .collect();

        let mut by_order: BTreeMap<OrderIdx, Vec<(ColId, f64)>> = BTreeMap::new();
        let mut consumption: Consumption = BTreeMap::new();
        let mut node_units: BTreeMap<NodeIdx, Vec<(ColId, f64)>> = BTreeMap::new();
        let mut node_shipments: BTreeMap<NodeIdx, Vec<(ColId, f64)>> = BTreeMap::new();
        let mut channel_of_col = vec![0; z.len()];
        for (k, c) in columns.iter().enumerate() {
            let o = &model.orders[c.order];
            channel_of_col[z[k]] = o.channel;
            by_order.entry(c.order).or_default().push((z[k], 1.0));
            for s in &c.shipments {
                node_shipments.entry(s.node).or_default().push((z[k], 1.0));
                node_units
                    .entry(s.node)
                    .or_default()
                    .push((z[k], s.units() as f64));
                for &(line, qty) in &s.lines {
                    consumption
                        .entry((s.node, o.lines[line].sku))
                        .or_default()
                        .push((z[k], qty as f64));
                }
            }
        }
        let mut add = |program: &mut Program, kind, upper: f64, lower: f64, entries| {
            let before = program.rows.len();
            program.add_row(String::new, lower, upper, entries);
            if program.rows.len() > before {
                kinds.push(kind);
            }
        };
        let at_least = if matches!(held, Held::Lines) {
            1.0
        } else {
            0.0
        };
        for (&o, entries) in &by_order {
            add(
                &mut program,
                RowKind::Order(o),
                1.0,
                at_least,
                entries.clone(),
            );
        }
        if let Held::Tiers {
            tier_floor: Some(floor),
        } = held
        {
            let mut by_tier: Vec<Vec<(ColId, f64)>> = vec![Vec::new(); floor.len()];
            for (k, c) in columns.iter().enumerate() {
                by_tier[model.orders[c.order].tier].push((z[k], c.units() as f64));
            }
            for (t, entries) in by_tier.into_iter().enumerate() {
                if floor[t] > 0 {
                    // Fills are integers: the ½ keeps the row exact under rounding.
                    let lower = floor[t] as f64 - 0.5;
                    add(
                        &mut program,
                        RowKind::Tier(t),
                        f64::INFINITY,
                        lower,
                        entries,
                    );
                }
            }
        }
        let binds = |entries: &[(ColId, f64)], limit: f64| {
            entries.iter().map(|e| e.1).sum::<f64>() > limit + 1e-9
        };
        for (&(node, sku), entries) in &consumption {
            let available = model.available(node, sku) as f64;
            if binds(entries, available) {
                let kind = RowKind::Stock(node, sku);
                add(
                    &mut program,
                    kind,
                    available,
                    f64::NEG_INFINITY,
                    entries.clone(),
                );
            }
        }
        let capacity_rows = [
            (&node_units, RowKind::Units as fn(NodeIdx) -> RowKind, true),
            (
                &node_shipments,
                RowKind::Shipments as fn(NodeIdx) -> RowKind,
                false,
            ),
        ];
        for (use_of, kind, units) in capacity_rows {
            for (&node, entries) in use_of {
                let n = &model.nodes[node];
                let cap = if units {
                    n.capacity_units
                } else {
                    n.capacity_shipments
                };
                if let Some(cap) = cap.filter(|&c| binds(entries, c as f64)) {
                    add(
                        &mut program,
                        kind(node),
                        cap as f64,
                        f64::NEG_INFINITY,
                        entries.clone(),
                    );
                }
            }
        }
        let mut node_open = Vec::new();
        for (&node, entries) in &node_shipments {
            let fixed = model.nodes[node].fixed_cost;
            if fixed <= 0.0 {
                continue;
            }
            let w = program.add_col(String::new, 0.0, 1.0, true);
            objective.push(fixed);
            node_open.push((node, w));
            for &(col, _) in entries {
                add(
                    &mut program,
                    RowKind::Other,
                    0.0,
                    f64::NEG_INFINITY,
                    vec![(col, 1.0), (w, -1.0)],
                );
            }
        }
        let mut excess = Vec::new();
        if !model.reservations.is_empty() {
            channel_of_col.resize(program.num_cols(), 0);
            let before = program.rows.len();
            let flags = BuildFlags {
                prune: true,
                names: false,
            };
            reservations::add_rows(
                model,
                flags,
                &mut program,
                &mut excess,
                &consumption,
                &channel_of_col,
            );
            kinds.extend((before..program.rows.len()).map(|_| RowKind::Other));
            objective.resize(program.num_cols(), 0.0);
        }
        let stage = StageModel {
            objective,
            extra_rows: Vec::new(),
            upper: None,
        };
        Master {
            program,
            stage,
            z,
            node_open,
            excess,
            kinds,
        }
    }

    /// The point that picks these pool columns (one per order), with the auxiliaries set.
    pub fn point(&self, columns: &[Column], picked: &[usize]) -> Vec<f64> {
        let mut v = vec![0.0; self.program.num_cols()];
        for &k in picked {
            v[self.z[k]] = 1.0;
        }
        for &(node, w) in &self.node_open {
            let used = picked
                .iter()
                .any(|&k| columns[k].shipments.iter().any(|s| s.node == node));
            v[w] = if used { 1.0 } else { 0.0 };
        }
        for e in &self.excess {
            v[e.col] = (Program::evaluate(&e.consumption, &v) - e.reserved as f64).max(0.0);
        }
        v
    }

    /// Row duals of the LP relaxation as prices (HiGHS: reduced cost = c − Aᵀy, so a binding
    /// `≤` row has y ≤ 0 and costs −y per unit of use).
    pub fn prices(&self, model: &Model, duals: &[f64]) -> RowPrices {
        let mut prices = RowPrices::new(model);
        for (kind, &y) in self.kinds.iter().zip(duals) {
            match *kind {
                RowKind::Order(o) => {
                    prices.orders.insert(o, y);
                }
                RowKind::Stock(n, s) => {
                    prices.stock.insert((n, s), (-y).max(0.0));
                }
                RowKind::Units(n) => prices.units[n] = (-y).max(0.0),
                RowKind::Shipments(n) => prices.shipments[n] = (-y).max(0.0),
                RowKind::Tier(t) => prices.tiers[t] = y.max(0.0),
                RowKind::Other => {}
            }
        }
        prices
    }
}
