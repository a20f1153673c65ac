//! Running account of what a plan consumes: stock per (node, sku), channel consumption at every
//! reservation place, and node capacity. Answers "how many more units of this SKU may this
//! channel take at this node" without breaking any reservation (SPEC.md §2 formula).

use std::collections::HashMap;

use crate::model::{ChannelIdx, Model, NodeIdx, SkuIdx};

#[derive(Debug, Clone)]
pub struct Ledger<'m> {
    model: &'m Model,
    /// Units taken per (node, SKU), laid out as the model's `available`: node-major.
    used: Vec<i64>,
    /// Per reservation place: units consumed per channel.
    place_use: Vec<HashMap<ChannelIdx, i64>>,
    /// Per SKU: the reservation places covering it (node or network).
    places_of_sku: Vec<Vec<usize>>,
    pub node_shipments: Vec<i64>,
    pub node_units: Vec<i64>,
}

impl<'m> Ledger<'m> {
    pub fn new(model: &'m Model) -> Self {
        let mut places_of_sku: Vec<Vec<usize>> = vec![Vec::new(); model.skus.len()];
        for (i, p) in model.reservations.iter().enumerate() {
            places_of_sku[p.sku].push(i);
        }
        Ledger {
            model,
            used: vec![0; model.nodes.len() * model.skus.len()],
            place_use: vec![HashMap::new(); model.reservations.len()],
            places_of_sku,
            node_shipments: vec![0; model.nodes.len()],
            node_units: vec![0; model.nodes.len()],
        }
    }

    pub fn used(&self, node: NodeIdx, sku: SkuIdx) -> i64 {
        self.used[node * self.model.skus.len() + sku]
    }

    /// Units still on the shelf at the node, whoever may take them.
    pub fn remaining(&self, node: NodeIdx, sku: SkuIdx) -> i64 {
        self.model.available(node, sku) - self.used(node, sku)
    }

    fn places<'a>(&'a self, node: NodeIdx, sku: SkuIdx) -> impl Iterator<Item = usize> + 'a {
        self.places_of_sku[sku]
            .iter()
            .copied()
            .filter(move |&p| self.model.reservations[p].covers(node))
    }

    /// Units of `sku` that `channel` may still take at `node`: shelf stock, capped at every
    /// reservation place by the channel's unused reservation plus the unreserved headroom.
    pub fn usable(&self, channel: ChannelIdx, node: NodeIdx, sku: SkuIdx) -> i64 {
        let mut usable = self.remaining(node, sku).max(0);
        for p in self.places(node, sku) {
            usable = usable.min(self.headroom(p, channel));
        }
        usable
    }

    fn headroom(&self, place: usize, channel: ChannelIdx) -> i64 {
        let res = &self.model.reservations[place];
        let uses = &self.place_use[place];
        let excess: i64 = uses
            .iter()
            .map(|(&c, &u)| (u - res.reserved_for(c)).max(0))
            .sum();
        let free = (res.unreserved() - excess).max(0);
        let own_left =
            (res.reserved_for(channel) - uses.get(&channel).copied().unwrap_or(0)).max(0);
        own_left + free
    }

    /// Records `qty` units of `sku` taken at `node` by `channel` (negative to give them back).
    pub fn take(&mut self, channel: ChannelIdx, node: NodeIdx, sku: SkuIdx, qty: i64) {
        self.used[node * self.model.skus.len() + sku] += qty;
        self.node_units[node] += qty;
        for &p in &self.places_of_sku[sku] {
            if self.model.reservations[p].covers(node) {
                *self.place_use[p].entry(channel).or_default() += qty;
            }
        }
    }

    pub fn open_shipment(&mut self, node: NodeIdx, delta: i64) {
        self.node_shipments[node] += delta;
    }

    pub fn shipments_left(&self, node: NodeIdx) -> i64 {
        match self.model.nodes[node].capacity_shipments {
            Some(cap) => (cap - self.node_shipments[node]).max(0),
            None => i64::MAX,
        }
    }

    pub fn units_left(&self, node: NodeIdx) -> i64 {
        match self.model.nodes[node].capacity_units {
            Some(cap) => (cap - self.node_units[node]).max(0),
            None => i64::MAX,
        }
    }

    /// Units consumed per channel at one reservation place.
    pub fn place_consumption(&self, place: usize, channel: ChannelIdx) -> i64 {
        self.place_use[place].get(&channel).copied().unwrap_or(0)
    }

    /// Units consumed at one reservation place, per channel that consumed any, by channel.
    pub fn place_uses(&self, place: usize) -> Vec<(ChannelIdx, i64)> {
        let mut uses: Vec<(ChannelIdx, i64)> = self.place_use[place]
            .iter()
            .filter(|(_, &u)| u != 0)
            .map(|(&c, &u)| (c, u))
            .collect();
        uses.sort_unstable();
        uses
    }

    /// A ledger holding every shipment of a finished allocation.
    pub fn of_allocation(model: &'m Model, allocation: &super::Allocation) -> Self {
        let mut ledger = Ledger::new(model);
        for s in &allocation.shipments {
            ledger.book(s, 1);
        }
        ledger
    }

    /// Books a shipment (its slot at the node and its units), or with `sign` −1 gives it back.
    pub fn book(&mut self, shipment: &super::ShipmentDecision, sign: i64) {
        let order = &self.model.orders[shipment.order];
        self.open_shipment(shipment.node, sign);
        for &(line, qty) in &shipment.lines {
            self.take(
                order.channel,
                shipment.node,
                order.lines[line].sku,
                sign * qty,
            );
        }
    }
}
