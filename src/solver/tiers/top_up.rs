//! Units a finished plan can still add where it stands, highest tier first.
//!
//! The cost search holds every line's units while it moves lines between nodes, and so it can
//! free stock and capacity an unfilled line could have used. Under strict allocation a unit more
//! for a tier beats any cost, so the plan then takes what is free, directly (no rerouting):
//! orders by tier then index; a line from the nodes its order already ships from, then from new
//! nodes (cheapest method first) while the order has shipments left and the node a slot; a
//! ship-complete order not yet shipped, whole from one node; a fill-or-kill order not yet
//! shipped, only if every line fills in full. Units are only added, so no rule that held breaks
//! and no tier's fill falls.

use crate::model::{Model, NodeIdx, OrderIdx};
use crate::solver::allocation::units_per_line;
use crate::solver::greedy::candidate_at;
use crate::solver::ledger::Ledger;
use crate::solver::{Allocation, ShipmentDecision};

/// `plan` with every unit added that fits as described in the module docs; the plan itself
/// when none does.
pub fn top_up(model: &Model, serving: &[Vec<NodeIdx>], plan: &Allocation) -> Allocation {
    let mut ledger = Ledger::of_allocation(model, plan);
    let mut by_order: Vec<Vec<ShipmentDecision>> = vec![Vec::new(); model.orders.len()];
    for s in &plan.shipments {
        by_order[s.order].push(s.clone());
    }
    let mut orders: Vec<OrderIdx> = (0..model.orders.len())
        .filter(|&o| !model.orders[o].is_held())
        .collect();
    orders.sort_by_key(|&o| (model.orders[o].tier, o));
    let mut added = false;
    for o in orders {
        let order = &model.orders[o];
        let shipped = !by_order[o].is_empty();
        if (order.ship_complete || order.fill_or_kill) && shipped {
            // Shipped whole already (the checker holds these rules).
            continue;
        }
        let mut draft = Draft {
            model,
            order: o,
            shipments: by_order[o].clone(),
            taken: Vec::new(),
        };
        let missing = missing_units(model, o, &draft.shipments);
        if missing.iter().all(|&m| m == 0) {
            continue;
        }
        let complete = if order.ship_complete {
            draft.place_whole(&mut ledger, &serving[o])
        } else {
            draft.fill_lines(&mut ledger, &serving[o], missing);
            !order.fill_or_kill
                || missing_units(model, o, &draft.shipments)
                    .iter()
                    .all(|&m| m == 0)
        };
        if complete && !draft.taken.is_empty() {
            by_order[o] = draft.shipments;
            added = true;
        } else {
            draft.give_back(&mut ledger);
        }
    }
    if !added {
        return plan.clone();
    }
    let mut topped = Allocation {
        shipments: by_order.into_iter().flatten().collect(),
    };
    topped.normalise();
    topped
}

/// Units each line of `order` still lacks.
fn missing_units(model: &Model, order: OrderIdx, shipments: &[ShipmentDecision]) -> Vec<i64> {
    let filled = units_per_line(model, order, shipments);
    model.orders[order]
        .lines
        .iter()
        .zip(filled)
        .map(|(line, units)| (line.qty - units).max(0))
        .collect()
}

/// One order's shipments being topped up, and what it took from the ledger, so that a
/// fill-or-kill order that cannot complete gives it all back.
struct Draft<'m> {
    model: &'m Model,
    order: OrderIdx,
    shipments: Vec<ShipmentDecision>,
    /// (node, line, units) taken, and `None` lines for shipments opened.
    taken: Vec<(NodeIdx, Option<usize>, i64)>,
}

impl Draft<'_> {
    /// Each missing line from the order's own nodes first, then from new nodes.
    fn fill_lines(&mut self, ledger: &mut Ledger, serving: &[NodeIdx], mut missing: Vec<i64>) {
        let model = self.model;
        let order = &model.orders[self.order];
        let max_shipments = model.policy.max_shipments_per_order.unwrap_or(i64::MAX);
        let own: Vec<NodeIdx> = self.shipments.iter().map(|s| s.node).collect();
        let mut new: Vec<(f64, NodeIdx, usize)> = serving
            .iter()
            .filter(|n| !own.contains(n))
            .filter_map(|&n| candidate_at(model, self.order, n).map(|c| (c.cost, n, c.method)))
            .collect();
        new.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (line, need) in missing.iter_mut().enumerate() {
            let sku = order.lines[line].sku;
            for &n in &own {
                let take = (*need)
                    .min(ledger.usable(order.channel, n, sku))
                    .min(ledger.units_left(n));
                if take > 0 {
                    self.add(ledger, n, None, line, take);
                    *need -= take;
                }
            }
            for &(_, n, method) in &new {
                if *need == 0 {
                    break;
                }
                let opened = self.shipments.iter().any(|s| s.node == n);
                if !opened
                    && (self.shipments.len() as i64 >= max_shipments
                        || ledger.shipments_left(n) == 0)
                {
                    continue;
                }
                let take = (*need)
                    .min(ledger.usable(order.channel, n, sku))
                    .min(ledger.units_left(n));
                if take > 0 {
                    self.add(ledger, n, Some(method), line, take);
                    *need -= take;
                }
            }
        }
    }

    /// A ship-complete order whole from the cheapest node that can take it; whether one could.
    fn place_whole(&mut self, ledger: &mut Ledger, serving: &[NodeIdx]) -> bool {
        let model = self.model;
        let order = &model.orders[self.order];
        let mut nodes: Vec<(f64, NodeIdx, usize)> = serving
            .iter()
            .filter_map(|&n| candidate_at(model, self.order, n).map(|c| (c.cost, n, c.method)))
            .collect();
        nodes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, n, method) in nodes {
            if ledger.shipments_left(n) == 0 || ledger.units_left(n) < order.units() {
                continue;
            }
            // Lines of one SKU share its stock: take line by line and give back on a miss.
            let mut fits = true;
            for (line, l) in order.lines.iter().enumerate() {
                if ledger.usable(order.channel, n, l.sku) < l.qty {
                    fits = false;
                    break;
                }
                self.add(ledger, n, Some(method), line, l.qty);
            }
            if fits {
                return true;
            }
            self.give_back(ledger);
        }
        false
    }

    /// Adds `units` of `line` at `node`, opening a shipment by `method` when the order has none
    /// there.
    fn add(
        &mut self,
        ledger: &mut Ledger,
        node: NodeIdx,
        method: Option<usize>,
        line: usize,
        units: i64,
    ) {
        let order = &self.model.orders[self.order];
        let index = match self.shipments.iter().position(|s| s.node == node) {
            Some(i) => i,
            None => {
                let method = method.expect("a new node comes with its method");
                self.shipments.push(ShipmentDecision {
                    order: self.order,
                    node,
                    method,
                    lines: Vec::new(),
                });
                ledger.open_shipment(node, 1);
                self.taken.push((node, None, 1));
                self.shipments.len() - 1
            }
        };
        let shipment = &mut self.shipments[index];
        match shipment.lines.iter_mut().find(|(l, _)| *l == line) {
            Some((_, qty)) => *qty += units,
            None => {
                shipment.lines.push((line, units));
                shipment.lines.sort_unstable();
            }
        }
        ledger.take(order.channel, node, order.lines[line].sku, units);
        self.taken.push((node, Some(line), units));
    }

    /// Returns everything taken to the ledger and the shipments to where they were.
    fn give_back(&mut self, ledger: &mut Ledger) {
        let order = &self.model.orders[self.order];
        for (node, line, units) in self.taken.drain(..).rev() {
            match line {
                Some(line) => ledger.take(order.channel, node, order.lines[line].sku, -units),
                None => ledger.open_shipment(node, -units),
            }
            let Some(i) = self.shipments.iter().position(|s| s.node == node) else {
                continue;
            };
            match line {
                Some(line) => {
                    let s = &mut self.shipments[i];
                    if let Some(p) = s.lines.iter().position(|&(l, _)| l == line) {
                        s.lines[p].1 -= units;
                        if s.lines[p].1 == 0 {
                            s.lines.remove(p);
                        }
                    }
                }
                None => {
                    self.shipments.remove(i);
                }
            }
        }
    }
}
