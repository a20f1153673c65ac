//! What a solver decides, before it becomes a wire `Plan`: shipments of order lines.

use crate::format::{PlanStatus, StageStats};
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};

/// One shipment: (order, node, method) with the units of some of the order's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentDecision {
    pub order: OrderIdx,
    pub node: NodeIdx,
    pub method: MethodIdx,
    /// (line index within the order, units), units ≥ 1, sorted by line index.
    pub lines: Vec<(usize, i64)>,
}

impl ShipmentDecision {
    pub fn units(&self) -> i64 {
        self.lines.iter().map(|&(_, q)| q).sum()
    }
}

/// Units per line of `order` carried by `shipments` (all of them the order's).
pub fn units_per_line(model: &Model, order: OrderIdx, shipments: &[ShipmentDecision]) -> Vec<i64> {
    let mut units = vec![0i64; model.orders[order].lines.len()];
    for s in shipments {
        for &(line, qty) in &s.lines {
            units[line] += qty;
        }
    }
    units
}

/// A solver's complete answer for a wave.
#[derive(Debug, Clone, Default)]
pub struct Allocation {
    pub shipments: Vec<ShipmentDecision>,
}

impl Allocation {
    /// Puts shipments in the canonical order (order, node, method) and lines by index, merging
    /// duplicates, so that equal decisions serialise identically.
    pub fn normalise(&mut self) {
        for s in &mut self.shipments {
            s.lines.sort_unstable();
            let mut merged: Vec<(usize, i64)> = Vec::with_capacity(s.lines.len());
            for &(line, qty) in &s.lines {
                match merged.last_mut() {
                    Some(last) if last.0 == line => last.1 += qty,
                    _ => merged.push((line, qty)),
                }
            }
            merged.retain(|&(_, q)| q > 0);
            s.lines = merged;
        }
        self.shipments.retain(|s| !s.lines.is_empty());
        self.shipments.sort_by_key(|s| (s.order, s.node, s.method));
        let mut merged: Vec<ShipmentDecision> = Vec::with_capacity(self.shipments.len());
        for s in self.shipments.drain(..) {
            match merged.last_mut() {
                Some(last)
                    if (last.order, last.node, last.method) == (s.order, s.node, s.method) =>
                {
                    last.lines.extend(s.lines);
                    last.lines.sort_unstable();
                }
                _ => merged.push(s),
            }
        }
        self.shipments = merged;
    }

    /// Units filled per tier.
    pub fn tier_fills(&self, model: &Model) -> Vec<i64> {
        let mut fills = vec![0; model.tiers.len()];
        for s in &self.shipments {
            fills[model.orders[s.order].tier] += s.units();
        }
        fills
    }

    /// Units shipped per (order, line).
    pub fn filled(&self, model: &Model) -> Vec<Vec<i64>> {
        let mut filled: Vec<Vec<i64>> = model
            .orders
            .iter()
            .map(|o| vec![0; o.lines.len()])
            .collect();
        for s in &self.shipments {
            for &(line, qty) in &s.lines {
                filled[s.order][line] += qty;
            }
        }
        filled
    }
}

/// A solver's answer plus how it was reached.
#[derive(Debug, Clone)]
pub struct SolveOutcome {
    pub allocation: Allocation,
    pub status: PlanStatus,
    /// Proven lower bound on the total cost (see SPEC.md §3 for strict mode).
    pub bound: f64,
    pub gap: f64,
    pub engine: &'static str,
    pub stages: Vec<StageStats>,
    pub variables: u64,
    pub constraints: u64,
    pub components: u64,
    pub notes: Vec<String>,
}
