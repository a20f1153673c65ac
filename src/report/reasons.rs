//! The most specific true reason why units of a line did not ship (SPEC.md §3), for every
//! engine: greedy, the optimizer and the naive reference all report through here.
//!
//! Reasons come from facts of the wave and of the final allocation, and from one fact of the
//! solve: whether the order's tier fill was proven (its `tier:<name>` stage). "Holds" means
//! units net of safety stock; a node *serves* an order when it is active, allows the order's
//! channel and has a route to it; it is *on time* when, under a hard SLA, some method also
//! arrives by the due date. Precedence (`docs/reasons.md` has the table):
//!
//! 1. `on_hold` — the order is held.
//! 2. `insufficient_inventory` — no node holds the SKU at all, active or closed.
//! 3. `no_eligible_node` — nodes hold it (closed ones too), but none that serves the order.
//! 4. `sla_unreachable` — hard SLA, and no serving node that holds it arrives on time.
//! 5. `ship_complete_unsatisfiable` — ship-complete and no single such node holds every line.
//! 6. If no stock usable by this order's channel is left at the on-time serving nodes:
//!    `reserved_for_other_channel` if units are still on the shelf but protected for others, else
//!    `allocated_to_higher_tier` if higher tiers took some of it, else `allocated_to_same_tier` if
//!    other orders of the same tier did. If the order itself took all there was:
//!    `insufficient_inventory` when the active network holds less of the SKU than the wave's
//!    orders that are not held demand, else `no_eligible_node` (the rest sits at nodes that cannot
//!    serve the order) or `sla_unreachable` (at nodes that would be late).
//! 7. Stock is usable but was not given: `ship_complete_unsatisfiable`,
//!    `fill_or_kill_unsatisfiable`, `capacity_exhausted` (every node with the stock is full),
//!    `max_shipments_reached`, in weighted mode `not_economic`, and in strict mode
//!    `time_limit_reached` when the order's tier fill is not proven.

use std::collections::HashMap;

use super::holders;
use crate::format::{Allocation as AllocationMode, StageStats, UnfilledReason};
use crate::model::{Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::ledger::Ledger;
use crate::solver::Allocation;

/// A reason, and for `no_eligible_node` and `sla_unreachable` the nodes that hold the SKU but
/// cannot serve the order, and why (for the shortfall message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub reason: UnfilledReason,
    pub detail: Option<String>,
}

impl From<UnfilledReason> for Verdict {
    fn from(reason: UnfilledReason) -> Self {
        Verdict {
            reason,
            detail: None,
        }
    }
}

/// Whether each tier's fill is proven, from the solve's `tier:<name>` stages: proven when the
/// stage's bound, rounded down (fills are integers), does not exceed its fill. A tier without
/// such a stage (greedy proves nothing) is not proven.
pub fn proven_tiers(model: &Model, stages: &[StageStats]) -> Vec<bool> {
    model
        .tiers
        .iter()
        .map(|tier| {
            let name = format!("tier:{}", tier.name);
            stages.iter().any(|s| {
                s.name == name
                    && matches!((s.objective, s.bound), (Some(fill), Some(bound))
                        if (bound + 1e-6).floor() <= fill + 1e-6)
            })
        })
        .collect()
}

pub struct Reasoner<'a> {
    model: &'a Model,
    ledger: &'a Ledger<'a>,
    /// Units of each (node, sku) shipped, per tier: `taken[(node, sku)][tier]`.
    taken: HashMap<(NodeIdx, SkuIdx), Vec<i64>>,
    /// Units of each (order, node, sku) shipped.
    own: HashMap<(OrderIdx, NodeIdx, SkuIdx), i64>,
    shipments_of_order: Vec<Vec<NodeIdx>>,
    /// Units demanded per SKU by the orders not on hold.
    demand: Vec<i64>,
    /// Whether each tier's fill is proven ([`proven_tiers`]).
    proven: Vec<bool>,
}

/// The nodes an order may use: those that serve it, and of those the ones on time.
struct Serving {
    serving: Vec<NodeIdx>,
    on_time: Vec<NodeIdx>,
}

impl<'a> Reasoner<'a> {
    pub fn new(
        model: &'a Model,
        allocation: &Allocation,
        ledger: &'a Ledger<'a>,
        stages: &[StageStats],
    ) -> Self {
        let mut taken: HashMap<(NodeIdx, SkuIdx), Vec<i64>> = HashMap::new();
        let mut own: HashMap<(OrderIdx, NodeIdx, SkuIdx), i64> = HashMap::new();
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
        let mut demand = vec![0i64; model.skus.len()];
        for o in model.orders.iter().filter(|o| !o.is_held()) {
            for l in &o.lines {
                demand[l.sku] = demand[l.sku].saturating_add(l.qty);
            }
        }
        Reasoner {
            model,
            ledger,
            taken,
            own,
            shipments_of_order,
            demand,
            proven: proven_tiers(model, stages),
        }
    }

    fn serving(&self, order: OrderIdx) -> Serving {
        let m = self.model;
        let serving: Vec<NodeIdx> = (0..m.nodes.len())
            .filter(|&n| {
                m.node_serves_channel(order, n)
                    && (0..m.methods.len()).any(|k| m.quote(order, n, k).is_some())
            })
            .collect();
        let on_time = serving
            .iter()
            .copied()
            .filter(|&n| (0..m.methods.len()).any(|k| m.eligible_quote(order, n, k).is_some()))
            .collect();
        Serving { serving, on_time }
    }

    /// The verdict for each of the given lines of one order (the serving nodes are worked out
    /// once).
    pub fn reasons(&self, order: OrderIdx, lines: &[usize]) -> Vec<Verdict> {
        if lines.is_empty() {
            return Vec::new();
        }
        if self.model.orders[order].is_held() {
            return vec![UnfilledReason::OnHold.into(); lines.len()];
        }
        let serving = self.serving(order);
        lines
            .iter()
            .map(|&line| self.reason(order, line, &serving))
            .collect()
    }

    fn held_at(&self, nodes: &[NodeIdx], sku: SkuIdx) -> i64 {
        nodes.iter().map(|&n| self.model.available(n, sku)).sum()
    }

    /// The units of `sku` the order asks for over all its lines.
    fn order_need(&self, order: OrderIdx, sku: SkuIdx) -> i64 {
        let lines = &self.model.orders[order].lines;
        lines.iter().filter(|l| l.sku == sku).map(|l| l.qty).sum()
    }

    /// `no_eligible_node`, naming the nodes that hold the SKU and why they cannot serve.
    fn no_eligible_node(&self, order: OrderIdx, sku: SkuIdx) -> Verdict {
        Verdict {
            reason: UnfilledReason::NoEligibleNode,
            detail: holders::describe(self.model, order, sku),
        }
    }

    /// `insufficient_inventory`, with what the network holds against the wave's demand.
    fn insufficient(&self, sku: SkuIdx) -> Verdict {
        Verdict {
            reason: UnfilledReason::InsufficientInventory,
            detail: Some(holders::describe_short(self.model, sku, self.demand[sku])),
        }
    }

    fn sla_unreachable(&self, order: OrderIdx, sku: SkuIdx) -> Verdict {
        Verdict {
            reason: UnfilledReason::SlaUnreachable,
            detail: holders::describe(self.model, order, sku),
        }
    }

    fn reason(&self, order: OrderIdx, line: usize, serving: &Serving) -> Verdict {
        let m = self.model;
        let o = &m.orders[order];
        let sku = o.lines[line].sku;
        if (0..m.nodes.len()).all(|n| m.available(n, sku) == 0) {
            return self.insufficient(sku);
        }
        if self.held_at(&serving.serving, sku) == 0 {
            return self.no_eligible_node(order, sku);
        }
        let nodes = &serving.on_time;
        if self.held_at(nodes, sku) == 0 {
            return self.sla_unreachable(order, sku);
        }
        if o.ship_complete && !nodes.iter().any(|&n| m.node_holds_whole_order(order, n)) {
            return UnfilledReason::ShipCompleteUnsatisfiable.into();
        }
        let usable: i64 = nodes
            .iter()
            .map(|&n| self.ledger.usable(o.channel, n, sku))
            .sum();
        if usable == 0 {
            if let Some(verdict) = self.stock_gone(order, sku, serving) {
                return verdict;
            }
            // Lower tiers got stock this order could not use: fall through to the order's rules.
        }
        self.blocking_rule(order, nodes, sku).into()
    }

    /// Whether a reservation of `sku` at one of `nodes` (or network-wide) holds units for a
    /// channel other than the order's.
    fn reserved_for_others(&self, order: OrderIdx, sku: SkuIdx, nodes: &[NodeIdx]) -> bool {
        let channel = self.model.orders[order].channel;
        self.model.reservations.iter().any(|p| {
            p.sku == sku
                && nodes.iter().any(|&n| p.covers(n))
                && p.shares
                    .iter()
                    .any(|s| s.channel != channel && s.reserved > 0)
        })
    }

    /// No usable stock is left at the on-time serving nodes: who took it. `None` when only
    /// lower tiers did (the order's rules decide then).
    fn stock_gone(&self, order: OrderIdx, sku: SkuIdx, serving: &Serving) -> Option<Verdict> {
        let o = &self.model.orders[order];
        let nodes = &serving.on_time;
        let (mut higher, mut same, mut lower) = (0, 0, 0);
        for &n in nodes {
            if let Some(by_tier) = self.taken.get(&(n, sku)) {
                higher += by_tier[..o.tier].iter().sum::<i64>();
                same += by_tier[o.tier];
                lower += by_tier[o.tier + 1..].iter().sum::<i64>();
            }
            same -= self.own.get(&(order, n, sku)).copied().unwrap_or(0);
        }
        let left: i64 = nodes.iter().map(|&n| self.ledger.remaining(n, sku)).sum();
        let verdict = if left > 0 {
            UnfilledReason::ReservedForOtherChannel.into()
        } else if higher > 0 {
            UnfilledReason::AllocatedToHigherTier.into()
        } else if same > 0 {
            UnfilledReason::AllocatedToSameTier.into()
        } else if lower > 0 {
            // Lower tiers took stock this order could not use: stock reserved for their
            // channel, or else the order's own rules decide.
            if self.reserved_for_others(order, sku, nodes) {
                UnfilledReason::ReservedForOtherChannel.into()
            } else {
                return None;
            }
        } else if self.model.network_available(sku) < self.demand[sku] {
            // The order took all its nodes held.
            self.insufficient(sku)
        } else if self.held_at(&serving.serving, sku) < self.order_need(order, sku) {
            self.no_eligible_node(order, sku)
        } else {
            self.sla_unreachable(order, sku)
        };
        Some(verdict)
    }

    /// Stock is there (or went to lower tiers): which rule of the order or the network stopped
    /// it, or that the solve stopped before its tier's fill was proven.
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
        // Strict mode leaves usable stock with capacity free (or gives it to lower tiers) only
        // when the solve stopped before its tier's fill was proven.
        if !self.proven[o.tier] {
            return UnfilledReason::TimeLimitReached;
        }
        // A proven fill with usable stock left: only a partly full node can explain it.
        if with_stock.iter().any(|&n| full(n)) {
            UnfilledReason::CapacityExhausted
        } else {
            UnfilledReason::AllocatedToSameTier
        }
    }
}
