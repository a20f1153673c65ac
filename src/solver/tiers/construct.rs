//! From the network's flow to a plan that keeps every rule.
//!
//! First the whole flow, tier by tier (it is lexicographically maximal as it stands): each order
//! books the shipments its flow asks for, node by node (most units first, up to
//! `max_shipments_per_order`), as far as the ledger allows: stock, reservations (network-wide
//! ones included), both node capacities. A ship-complete order takes its whole order at the
//! first such node that can carry it. Orders that can fail on a single unit (ship-complete,
//! fill-or-kill) book first within their tier. Then, tier by tier, every order completes what it
//! still lacks the way the greedy router does, and a fill-or-kill order that is still short gives
//! its units back.
//!
//! Where the flow asked for a shipment the ledger refused (a node out of shipment slots, an order
//! at its shipment limit, a ship-complete order's other nodes), the pair is reported as a
//! restriction, and so is a fill-or-kill order that failed: the next round's flow routes around
//! them ([`super::solve`]).

use std::collections::HashSet;

use super::network::WaveNetwork;
use super::serving::Restrictions;
use crate::model::{Model, NodeIdx, OrderIdx};
use crate::solver::greedy::{candidate_at, commit, complete_order, coverable, Candidate};
use crate::solver::ledger::Ledger;
use crate::solver::{Allocation, ShipmentDecision};

/// A plan built from one round's flow, and what the next round should rule out.
pub struct Construction {
    pub allocation: Allocation,
    pub restrictions: Restrictions,
}

pub fn construct(
    model: &Model,
    network: &WaveNetwork,
    serving: &[Vec<NodeIdx>],
    incumbent: &HashSet<(OrderIdx, NodeIdx)>,
) -> Construction {
    let flows = network.line_flows(model, serving);
    let mut builder = Builder::new(
        model,
        Ledger::new(model),
        slot_losers(model, &flows, incumbent),
    );
    let mut by_tier: Vec<Vec<OrderIdx>> = vec![Vec::new(); model.tiers.len()];
    for o in model.priority_order() {
        if !model.orders[o].is_held() {
            by_tier[model.orders[o].tier].push(o);
        }
    }
    // The whole flow first (it is lexicographically maximal as it stands), then completions
    // tier by tier on what is left.
    for tier_orders in &by_tier {
        let mut sequence = tier_orders.clone();
        // Stable: priority order within each group.
        sequence.sort_by_key(|&o| !all_or_nothing(model, o));
        for &o in &sequence {
            builder.follow_flow(&flows[o], o);
        }
    }
    for &o in by_tier.iter().flatten() {
        builder.complete(o);
    }
    let mut allocation = Allocation {
        shipments: builder.shipments.into_iter().flatten().collect(),
    };
    allocation.normalise();
    Construction {
        allocation,
        restrictions: builder.restrictions,
    }
}

/// At each node with a shipment capacity, the orders the flow sends units to beyond its slots:
/// the slots go to the `incumbent` plan's (order, node) pairs first, then to higher tiers, then
/// to the orders with the most units there, so that the fewest units lose their node.
fn slot_losers(
    model: &Model,
    flows: &[Vec<(usize, NodeIdx, i64)>],
    incumbent: &HashSet<(OrderIdx, NodeIdx)>,
) -> HashSet<(OrderIdx, NodeIdx)> {
    let mut users: Vec<Vec<(bool, usize, i64, OrderIdx)>> = vec![Vec::new(); model.nodes.len()];
    for (o, order) in model.orders.iter().enumerate() {
        let mut at: Vec<(NodeIdx, i64)> = Vec::new();
        for &(_, node, units) in &flows[o] {
            if model.nodes[node].capacity_shipments.is_none() {
                continue;
            }
            match at.iter_mut().find(|(n, _)| *n == node) {
                Some(e) => e.1 += units,
                None => at.push((node, units)),
            }
        }
        for (node, units) in at {
            users[node].push((!incumbent.contains(&(o, node)), order.tier, -units, o));
        }
    }
    let mut losers = HashSet::new();
    for (node, mut list) in users.into_iter().enumerate() {
        let slots = model.nodes[node]
            .capacity_shipments
            .unwrap_or(i64::MAX)
            .max(0) as usize;
        if list.len() > slots {
            list.sort_unstable();
            losers.extend(list[slots..].iter().map(|&(_, _, _, o)| (o, node)));
        }
    }
    losers
}

/// `kept` (a plan of tiers `0..=tier`) with the lower tiers re-planned: each lower-tier order
/// first takes back what it had in `previous` as far as the rules now allow, then completes.
pub fn replan_lower_tiers(
    model: &Model,
    kept: Allocation,
    previous: &Allocation,
    tier: usize,
) -> Allocation {
    let mut builder = Builder::new(model, Ledger::of_allocation(model, &kept), HashSet::new());
    let mut wanted: Vec<Vec<(NodeIdx, usize, i64)>> = vec![Vec::new(); model.orders.len()];
    for s in &previous.shipments {
        if model.orders[s.order].tier > tier {
            wanted[s.order].extend(s.lines.iter().map(|&(l, q)| (s.node, l, q)));
        }
    }
    let lower: Vec<OrderIdx> = model
        .priority_order()
        .into_iter()
        .filter(|&o| model.orders[o].tier > tier && !model.orders[o].is_held())
        .collect();
    for &o in &lower {
        builder.follow(o, std::mem::take(&mut wanted[o]).into_iter());
    }
    for &o in &lower {
        builder.complete(o);
    }
    let mut allocation = kept;
    allocation
        .shipments
        .extend(builder.shipments.into_iter().flatten());
    allocation.normalise();
    allocation
}

fn all_or_nothing(model: &Model, order: OrderIdx) -> bool {
    let o = &model.orders[order];
    o.ship_complete || o.fill_or_kill
}

struct Builder<'m> {
    model: &'m Model,
    ledger: Ledger<'m>,
    shipments: Vec<Vec<ShipmentDecision>>,
    restrictions: Restrictions,
    max_shipments: i64,
    slot_losers: HashSet<(OrderIdx, NodeIdx)>,
}

impl<'m> Builder<'m> {
    fn new(
        model: &'m Model,
        ledger: Ledger<'m>,
        slot_losers: HashSet<(OrderIdx, NodeIdx)>,
    ) -> Self {
        Builder {
            model,
            ledger,
            shipments: vec![Vec::new(); model.orders.len()],
            restrictions: Restrictions::default(),
            max_shipments: model.policy.max_shipments_per_order.unwrap_or(i64::MAX),
            slot_losers,
        }
    }

    /// Books the shipments `order`'s flow asks for (see the module docs).
    fn follow_flow(&mut self, flow: &[(usize, NodeIdx, i64)], order: OrderIdx) {
        let wanted = flow.iter().map(|&(line, node, units)| (node, line, units));
        self.follow(order, wanted);
    }

    /// Books the shipments `wanted` lists as (node, line, units), as far as the rules allow.
    fn follow(&mut self, order: OrderIdx, wanted: impl Iterator<Item = (NodeIdx, usize, i64)>) {
        let o = &self.model.orders[order];
        let mut by_node: Vec<(NodeIdx, Vec<i64>)> = Vec::new();
        for (node, line, units) in wanted {
            let at = match by_node.iter().position(|(n, _)| *n == node) {
                Some(i) => i,
                None => {
                    by_node.push((node, vec![0; o.lines.len()]));
                    by_node.len() - 1
                }
            };
            by_node[at].1[line] += units;
        }
        let mut wanted = by_node;
        if wanted.is_empty() {
            return;
        }
        wanted.sort_by_key(|(n, q)| (std::cmp::Reverse(q.iter().sum::<i64>()), *n));
        if o.ship_complete {
            let demand: Vec<i64> = o.lines.iter().map(|l| l.qty).collect();
            let chosen = wanted.iter().map(|(n, _)| *n).find(|&n| {
                !self.slot_losers.contains(&(order, n))
                    && coverable(self.model, &self.ledger, order, n, &demand) == demand
            });
            if let Some(c) = chosen.and_then(|n| candidate_at(self.model, order, n)) {
                self.book(order, c, &demand);
            }
            for (n, _) in &wanted {
                if Some(*n) != chosen {
                    self.restrictions.blocked.insert((order, *n));
                }
            }
            return;
        }
        for (node, want) in &wanted {
            let slot = !self.slot_losers.contains(&(order, *node));
            let cover = if slot && (self.shipments[order].len() as i64) < self.max_shipments {
                coverable(self.model, &self.ledger, order, *node, want)
            } else {
                vec![0; want.len()]
            };
            match candidate_at(self.model, order, *node) {
                Some(c) if cover.iter().any(|&q| q > 0) => self.book(order, c, &cover),
                _ => {
                    self.restrictions.blocked.insert((order, *node));
                }
            }
        }
    }

    /// Completes what `order` still lacks as the greedy router would; a fill-or-kill order that
    /// stays short gives everything back and is ruled out of the next round.
    fn complete(&mut self, order: OrderIdx) {
        if complete_order(
            self.model,
            &mut self.ledger,
            order,
            &mut self.shipments[order],
        ) {
            self.restrictions.killed.insert(order);
        }
    }

    fn book(&mut self, order: OrderIdx, c: Candidate, units: &[i64]) {
        let shipment = commit(&mut self.ledger, order, c, units);
        self.shipments[order].push(shipment);
    }
}
