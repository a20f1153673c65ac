//! A plan edited in place: its shipments per order, the ledger of what they use, and a log of
//! every edit so that a tentative change can be undone.

use std::collections::HashMap;

use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::allocation::units_per_line;
use crate::solver::ledger::Ledger;
use crate::solver::{Allocation, ShipmentDecision};

/// One logged edit.
enum Edit {
    Units {
        order: OrderIdx,
        node: NodeIdx,
        line: usize,
        units: i64,
    },
    Opened {
        order: OrderIdx,
        node: NodeIdx,
    },
    Closed {
        order: OrderIdx,
        node: NodeIdx,
        method: MethodIdx,
    },
}

pub struct Book<'m> {
    model: &'m Model,
    ledger: Ledger<'m>,
    shipments: Vec<Vec<ShipmentDecision>>,
    /// Per node: the orders that have shipped from it (a superset of those that do).
    at_node: Vec<Vec<OrderIdx>>,
    /// Per (node, SKU): the orders that have taken it there (a superset of those that do).
    at_place: HashMap<(NodeIdx, SkuIdx), Vec<OrderIdx>>,
    log: Vec<Edit>,
}

impl<'m> Book<'m> {
    pub fn new(model: &'m Model, plan: &Allocation) -> Self {
        let mut shipments: Vec<Vec<ShipmentDecision>> = vec![Vec::new(); model.orders.len()];
        let mut at_node: Vec<Vec<OrderIdx>> = vec![Vec::new(); model.nodes.len()];
        let mut at_place: HashMap<(NodeIdx, SkuIdx), Vec<OrderIdx>> = HashMap::new();
        for s in &plan.shipments {
            shipments[s.order].push(s.clone());
            at_node[s.node].push(s.order);
            for &(line, _) in &s.lines {
                let sku = model.orders[s.order].lines[line].sku;
                at_place.entry((s.node, sku)).or_default().push(s.order);
            }
        }
        Book {
            model,
            ledger: Ledger::of_allocation(model, plan),
            shipments,
            at_node,
            at_place,
            log: Vec::new(),
        }
    }

    pub fn ledger(&self) -> &Ledger<'m> {
        &self.ledger
    }

    pub fn shipments(&self, order: OrderIdx) -> &[ShipmentDecision] {
        &self.shipments[order]
    }

    pub fn ships_from(&self, order: OrderIdx, node: NodeIdx) -> bool {
        self.shipments[order].iter().any(|s| s.node == node)
    }

    /// Units each line of `order` still lacks.
    pub fn missing(&self, order: OrderIdx) -> Vec<i64> {
        let filled = units_per_line(self.model, order, &self.shipments[order]);
        self.model.orders[order]
            .lines
            .iter()
            .zip(filled)
            .map(|(line, units)| (line.qty - units).max(0))
            .collect()
    }

    /// Units `node` could still give `line` of `order`: usable stock within its unit capacity.
    pub fn room(&self, order: OrderIdx, line: usize, node: NodeIdx) -> i64 {
        let o = &self.model.orders[order];
        self.ledger
            .usable(o.channel, node, o.lines[line].sku)
            .min(self.ledger.units_left(node))
    }

    /// The orders shipping from `node` (with a line of `sku`, when given), in index order.
    pub fn orders_at(&self, node: NodeIdx, sku: Option<SkuIdx>) -> Vec<OrderIdx> {
        let model = self.model;
        let listed = match sku {
            Some(sku) => self
                .at_place
                .get(&(node, sku))
                .map_or(&[][..], Vec::as_slice),
            None => &self.at_node[node][..],
        };
        let mut found: Vec<OrderIdx> = listed
            .iter()
            .copied()
            .filter(|&o| {
                self.shipments[o].iter().any(|s| {
                    s.node == node
                        && sku.is_none_or(|k| {
                            s.lines
                                .iter()
                                .any(|&(l, _)| model.orders[o].lines[l].sku == k)
                        })
                })
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Adds `units` of `line` at `node`, opening a shipment by `method` where the order has
    /// none.
    pub fn add(
        &mut self,
        order: OrderIdx,
        node: NodeIdx,
        method: Option<MethodIdx>,
        line: usize,
        units: i64,
    ) {
        if !self.ships_from(order, node) {
            let method = method.expect("a new shipment comes with its method");
            self.open(order, node, method);
            self.log.push(Edit::Opened { order, node });
        }
        self.change_units(order, node, line, units);
        self.log.push(Edit::Units {
            order,
            node,
            line,
            units,
        });
    }

    /// Takes `units` of `line` off its shipment at `node`, closing the shipment when it empties.
    pub fn remove(&mut self, order: OrderIdx, node: NodeIdx, line: usize, units: i64) {
        self.change_units(order, node, line, -units);
        self.log.push(Edit::Units {
            order,
            node,
            line,
            units: -units,
        });
        let i = self.position(order, node);
        if self.shipments[order][i].lines.is_empty() {
            let method = self.shipments[order][i].method;
            self.close(order, node);
            self.log.push(Edit::Closed {
                order,
                node,
                method,
            });
        }
    }

    /// A point to [`Book::undo`] back to.
    pub fn mark(&self) -> usize {
        self.log.len()
    }

    /// Undoes every edit since `mark`.
    pub fn undo(&mut self, mark: usize) {
        while self.log.len() > mark {
            match self.log.pop().expect("above the mark") {
                Edit::Units {
                    order,
                    node,
                    line,
                    units,
                } => self.change_units(order, node, line, -units),
                Edit::Opened { order, node } => self.close(order, node),
                Edit::Closed {
                    order,
                    node,
                    method,
                } => self.open(order, node, method),
            }
        }
    }

    /// Whether any edit stands.
    pub fn changed(&self) -> bool {
        !self.log.is_empty()
    }

    pub fn into_allocation(self) -> Allocation {
        let mut allocation = Allocation {
            shipments: self.shipments.into_iter().flatten().collect(),
        };
        allocation.normalise();
        allocation
    }

    fn position(&self, order: OrderIdx, node: NodeIdx) -> usize {
        self.shipments[order]
            .iter()
            .position(|s| s.node == node)
            .expect("the order ships from the node")
    }

    fn open(&mut self, order: OrderIdx, node: NodeIdx, method: MethodIdx) {
        self.shipments[order].push(ShipmentDecision {
            order,
            node,
            method,
            lines: Vec::new(),
        });
        self.ledger.open_shipment(node, 1);
        self.at_node[node].push(order);
    }

    fn close(&mut self, order: OrderIdx, node: NodeIdx) {
        let i = self.position(order, node);
        self.shipments[order].remove(i);
        self.ledger.open_shipment(node, -1);
    }

    fn change_units(&mut self, order: OrderIdx, node: NodeIdx, line: usize, delta: i64) {
        let o = &self.model.orders[order];
        let i = self.position(order, node);
        let lines = &mut self.shipments[order][i].lines;
        match lines.iter().position(|&(l, _)| l == line) {
            Some(p) => {
                lines[p].1 += delta;
                if lines[p].1 == 0 {
                    lines.remove(p);
                }
            }
            None => {
                lines.push((line, delta));
                lines.sort_unstable();
                self.at_place
                    .entry((node, o.lines[line].sku))
                    .or_default()
                    .push(order);
            }
        }
        self.ledger.take(o.channel, node, o.lines[line].sku, delta);
    }
}
