//! The most specific true reason why units of a line did not ship (SPEC.md §3).
//!
//! Reasons come from facts of the wave and of the final allocation, not from the solver:
//! which nodes could serve the order at all, what stock they hold, who consumed it (higher tier,
//! same tier), what reservations lock, and which capacities are exhausted. Precedence:
//!
//! 1. `on_hold` — the order is held.
//! 2. `no_eligible_node` — no active, channel-eligible node has a route to the order.
//! 3. `sla_unreachable` — hard SLA and no eligible (node, method) arrives on time.
//! 4. `insufficient_inventory` — the nodes that can serve the order hold none of the SKU.
//! 5. `ship_complete_unsatisfiable` — ship-complete and no single such node holds every line.
//! 6. If no stock usable by this order's channel is left at those nodes:
//!    `reserved_for_other_channel` if units are still on the shelf but protected for others, else
//!    `allocated_to_higher_tier` if higher tiers took some of it, else `allocated_to_same_tier` if
//!    other orders of the same tier did, else `insufficient_inventory` (the order itself holds all
//!    there is).
//! 7. Stock is usable but was not given: `ship_complete_unsatisfiable`,
//!    `fill_or_kill_unsatisfiable`, `capacity_exhausted` (every node with the stock is full),
//!    `max_shipments_reached`, and in weighted mode `not_economic`.

use crate::format::{Allocation as AllocationMode, UnfilledReason};
use crate::model::{Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::ledger::Ledger;
use crate::solver::Allocation;

pub struct Reasoner<'a> {
    model: &'a Model,
    ledger: &'a Ledger<'a>,
    /// Units of each (node, sku) shipped, per tier: `taken[(node, sku)][tier]`.
    taken: std::collections::HashMap<(NodeIdx, SkuIdx), Vec<i64>>,
    /// Units of each (order, node, sku) shipped.
    own: std::collections::HashMap<(OrderIdx, NodeIdx, SkuIdx), i64>,
    shipments_of_order: Vec<Vec<NodeIdx>>,
}

impl<'a> Reasoner<'a> {
    pub fn new(model: &'a Model, allocation: &Allocation, ledger: &'a Ledger<'a>) -> Self {
        let mut taken: std::collections::HashMap<(NodeIdx, SkuIdx), Vec<i64>> = Default::default();
        let mut own: std::collections::HashMap<(OrderIdx, NodeIdx, SkuIdx), i64> =
            Default::default();
        let mut shipments_of_order = vec![Vec::new(); model.orders.len()];
        for s in &allocation.shipments {
            let o = &model.orders[s.order];
            shipments_of_order[s.order].push(s.node);
            for &(li, q) in &s.lines {
                let sku = o.lines[li].sku;
                taken
                    .entry((s.node, sku))
                    .or_insert_with(|| vec![0; model.tiers.len()])[o.tier] += q;
                *own.entry((s.order, s.node, sku)).or_default() += q;
            }
        }
        Reasoner {
            model,
            ledger,
            taken,
            own,
            shipments_of_order,
        }
    }

    /// Nodes that may serve the order under the hard rules (activity, channel, route, hard SLA).
    fn serving_nodes(&self, order: OrderIdx) -> (bool, Vec<NodeIdx>) {
        let m = self.model;
        let reachable: Vec<NodeIdx> = (0..m.nodes.len())
            .filter(|&n| {
                m.node_serves_channel(order, n)
                    && (0..m.methods.len()).any(|k| m.quote(order, n, k).is_some())
            })
            .collect();
        if reachable.is_empty() {
            return (false, reachable);
        }
        let on_time = reachable
            .into_iter()
            .filter(|&n| (0..m.methods.len()).any(|k| m.eligible_quote(order, n, k).is_some()))
            .collect();
        (true, on_time)
    }

    /// The reason for each of the given lines of one order (the serving nodes are worked out once).
    pub fn reasons(&self, order: OrderIdx, lines: &[usize]) -> Vec<UnfilledReason> {
        if lines.is_empty() {
            return Vec::new();
        }
        let (reachable, nodes) = if self.model.orders[order].is_held() {
            (false, Vec::new())
        } else {
            self.serving_nodes(order)
        };
        lines
            .iter()
            .map(|&line| self.reason(order, line, reachable, &nodes))
            .collect()
    }

    fn reason(
        &self,
        order: OrderIdx,
        line: usize,
        reachable: bool,
        nodes: &[NodeIdx],
    ) -> UnfilledReason {
        let m = self.model;
        let o = &m.orders[order];
        if o.is_held() {
            return UnfilledReason::OnHold;
        }
        if !reachable {
            return UnfilledReason::NoEligibleNode;
        }
        if nodes.is_empty() {
            return UnfilledReason::SlaUnreachable;
        }
        let sku = o.lines[line].sku;
        let stocked: i64 = nodes.iter().map(|&n| m.available(n, sku)).sum();
        if stocked == 0 {
            return UnfilledReason::InsufficientInventory;
        }
        if o.ship_complete && !nodes.iter().any(|&n| m.node_holds_whole_order(order, n)) {
            return UnfilledReason::ShipCompleteUnsatisfiable;
        }
        let usable: i64 = nodes
            .iter()
            .map(|&n| self.ledger.usable(o.channel, n, sku))
            .sum();
        if usable == 0 {
            let mut higher = 0;
            let mut same = 0;
            for &n in nodes {
                if let Some(by_tier) = self.taken.get(&(n, sku)) {
                    higher += by_tier[..o.tier].iter().sum::<i64>();
                    same += by_tier[o.tier];
                }
                same -= self.own.get(&(order, n, sku)).copied().unwrap_or(0);
            }
            let left: i64 = nodes.iter().map(|&n| self.ledger.remaining(n, sku)).sum();
            if left > 0 {
                return UnfilledReason::ReservedForOtherChannel;
            }
            if higher > 0 {
                return UnfilledReason::AllocatedToHigherTier;
            }
            if same > 0 {
                return UnfilledReason::AllocatedToSameTier;
            }
            let lower: i64 = nodes
                .iter()
                .filter_map(|&n| self.taken.get(&(n, sku)))
                .map(|by_tier| by_tier[o.tier + 1..].iter().sum::<i64>())
                .sum();
            if lower == 0 {
                return UnfilledReason::InsufficientInventory;
            }
            // Lower tiers got stock this order could not use: fall through to the order's rules.
        }
        self.blocking_rule(order, nodes, sku)
    }

    /// Stock is there (or went to lower tiers): which rule of the order or the network stopped it.
    fn blocking_rule(&self, order: OrderIdx, nodes: &[NodeIdx], sku: SkuIdx) -> UnfilledReason {
        let m = self.model;
        let o = &m.orders[order];
        if o.ship_complete {
            return UnfilledReason::ShipCompleteUnsatisfiable;
        }
        if o.fill_or_kill {
            return UnfilledReason::FillOrKillUnsatisfiable;
        }
        let shipping_from = &self.shipments_of_order[order];
        let with_stock: Vec<NodeIdx> = nodes
            .iter()
            .copied()
            .filter(|&n| self.ledger.usable(o.channel, n, sku) > 0)
            .collect();
        let full = |n: NodeIdx| {
            self.ledger.units_left(n) == 0
                || (!shipping_from.contains(&n) && self.ledger.shipments_left(n) == 0)
        };
        if !with_stock.is_empty() && with_stock.iter().all(|&n| full(n)) {
            return UnfilledReason::CapacityExhausted;
        }
        if let Some(k) = m.policy.max_shipments_per_order {
            if shipping_from.len() as i64 >= k {
                return UnfilledReason::MaxShipmentsReached;
            }
        }
        if m.policy.allocation == AllocationMode::Weighted {
            return UnfilledReason::NotEconomic;
        }
        // Strict mode leaves usable stock only when the solve stopped before optimality.
        if with_stock.iter().any(|&n| full(n)) {
            UnfilledReason::CapacityExhausted
        } else {
            UnfilledReason::AllocatedToSameTier
        }
    }
}
