//! Better prices for the Lagrangian relaxation: Kelley's cutting planes, which is Dantzig–Wolfe's
//! master LP over the covers the order subproblems have returned so far.
//!
//! Every evaluation of the relaxation solves each order's subproblem and so finds one cover per
//! order (its shipments and units). The master LP picks a convex combination of the covers found
//! for each order (`Σ_c z[o,c] ≤ 1`, the empty cover being the rest), at their real cost, subject
//! to exactly the rows the relaxation prices: stock per (node, SKU), unit and shipment capacity
//! per node, each reservation place's rows (SPEC.md §2, as in [`super::Prices`]) and (strict)
//! each tier's fill `≥ F_k`. Its row duals are prices of the right signs, so the relaxation
//! evaluated at them is a proven bound like any other; the master's own value is not (it is an
//! upper estimate of the best bound, reached when no order's subproblem finds a cover the master
//! lacks).
//!
//! Subgradient steps need hundreds of evaluations to approach the best prices; the master's
//! duals reach them in the tens of rounds that column generation takes on these waves. The LP
//! stays in one HiGHS instance ([`GrowingLp`]): each round adds the new covers (and the rows they
//! are the first to touch) and solves on from the last basis.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::order::{Cover, OrderSolution};
use super::prices::places_of_sku;
use super::Prices;
use crate::model::{ChannelIdx, Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::highs::growing::GrowingLp;
use crate::solver::{Allocation, ShipmentDecision};

/// What a master row prices, to read its dual back.
#[derive(Debug, Clone, Copy)]
enum Priced {
    Stock(usize),
    Units(NodeIdx),
    Shipments(NodeIdx),
    Tier(usize),
    /// Place p's overflow row.
    Overflow(usize),
    /// Place p's row for channel c's share.
    Share(usize, ChannelIdx),
    /// An order's convexity row.
    Nothing,
}

/// The master LP over the covers found so far, each once per order.
pub(super) struct Master {
    lp: GrowingLp,
    /// What each row prices, by row index.
    priced: Vec<Priced>,
    seen: HashSet<(OrderIdx, Cover)>,
    /// Covers found since the last solve, with their real cost.
    pending: Vec<((OrderIdx, Cover), f64)>,
    order_rows: HashMap<OrderIdx, usize>,
    stock_rows: HashMap<usize, usize>,
    unit_rows: HashMap<NodeIdx, usize>,
    shipment_rows: HashMap<NodeIdx, usize>,
    overflow_rows: HashMap<usize, usize>,
    share_rows: HashMap<(usize, ChannelIdx), usize>,
    places_of_sku: Arc<HashMap<SkuIdx, Vec<usize>>>,
    /// Per tier (strict): the column of units the covers cannot fill yet.
    short_cols: Vec<usize>,
    weighted: bool,
    /// Added to the LP's value (weighted: every unit's unfilled penalty).
    constant: f64,
}

impl Master {
    /// An empty master for plans filling at least `fills[k]` in each tier (strict).
    pub fn new(model: &Model, fills: &[i64], weighted: bool) -> Master {
        let constant = if weighted {
            (0..model.orders.len())
                .filter(|&o| !model.orders[o].is_held())
                .map(|o| model.unfilled_penalty(o) * model.orders[o].units() as f64)
                .sum()
        } else {
            0.0
        };
        let mut master = Master {
            lp: GrowingLp::default(),
            priced: Vec::new(),
            seen: HashSet::new(),
            pending: Vec::new(),
            order_rows: HashMap::new(),
            stock_rows: HashMap::new(),
            unit_rows: HashMap::new(),
            shipment_rows: HashMap::new(),
            overflow_rows: HashMap::new(),
            share_rows: HashMap::new(),
            places_of_sku: Arc::new(places_of_sku(model)),
            short_cols: Vec::new(),
            weighted,
            constant,
        };
        if !weighted {
            // The covers found may not reach a tier's fill yet: a unit short is a column of its
            // own, priced each round ([`Master::prices`]), so the LP stays feasible.
            for (k, &fill) in fills.iter().enumerate() {
                let row = master.row(Priced::Tier(k), fill as f64, f64::INFINITY);
                master.short_cols.push(master.lp.num_cols());
                master.lp.add_col(0.0, (0.0, f64::INFINITY), &[(row, 1.0)]);
            }
        }
        master
    }

    /// About how many rows the master's first LP has when started from `plan`: a convexity row
    /// per order the plan ships, a stock row per (node, SKU) it uses, both capacity rows per
    /// node, a row per tier and every reservation place's rows. Cheap, and known before the
    /// master is written.
    pub fn first_rows(model: &Model, plan: &Allocation) -> usize {
        let mut orders = HashSet::new();
        let mut stock = HashSet::new();
        for s in &plan.shipments {
            orders.insert(s.order);
            for &(line, _) in &s.lines {
                stock.insert((s.node, model.orders[s.order].lines[line].sku));
            }
        }
        let places: usize = model.reservations.iter().map(|r| 1 + r.shares.len()).sum();
        orders.len() + stock.len() + 2 * model.nodes.len() + model.tiers.len() + places
    }

    /// Covers found (in the LP or waiting for the next solve).
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    fn row(&mut self, kind: Priced, lower: f64, upper: f64) -> usize {
        self.priced.push(kind);
        self.lp.add_row(lower, upper)
    }

    /// Adds the subproblem's cover of `order` unless it ships nothing or is known already.
    pub fn add(&mut self, order: OrderIdx, solution: &OrderSolution) {
        self.add_cover(order, solution.cover.clone(), solution.cost);
    }

    /// Adds every order's cover in `plan` (real cost): a plan that keeps every rule and fills
    /// each tier at least `fills`, so the master can meet them from its first round.
    pub fn add_plan(&mut self, model: &Model, plan: &Allocation) {
        let late = model.policy.late_rate();
        let mut by_order: BTreeMap<OrderIdx, Vec<&ShipmentDecision>> = BTreeMap::new();
        for s in &plan.shipments {
            by_order.entry(s.order).or_default().push(s);
        }
        'orders: for (order, shipments) in by_order {
            let split = shipments.len().saturating_sub(1) as f64;
            let mut cost = model.policy.split_penalty * split;
            let mut cover = Vec::new();
            for s in shipments {
                let Some(q) = model.eligible_quote(order, s.node, s.method) else {
                    continue 'orders;
                };
                cost += q.per_shipment_total(late) + q.per_unit_total() * s.units() as f64;
                cover.push((s.node, s.method, s.lines.clone()));
            }
            self.add_cover(order, cover, cost);
        }
    }

    /// Adds `order`'s cover of real cost `cost`, unless it ships nothing or is known already
    /// (covers are compared with shipments and lines sorted, here). It enters the LP at the next
    /// solve.
    fn add_cover(&mut self, order: OrderIdx, mut cover: Cover, cost: f64) {
        if cover.iter().all(|(_, _, lines)| lines.is_empty()) {
            return;
        }
        for (_, _, lines) in cover.iter_mut() {
            lines.sort_unstable();
        }
        cover.sort_unstable();
        let key = (order, cover);
        if self.seen.insert(key.clone()) {
            self.pending.push((key, cost));
        }
    }

    /// Writes a pending cover into the LP, with the rows it is the first to touch.
    fn write_cover(&mut self, model: &Model, (order, cover): &(OrderIdx, Cover), cost: f64) {
        let order = *order;
        let o = &model.orders[order];
        let mut entries: BTreeMap<usize, f64> = BTreeMap::new();
        let convexity = match self.order_rows.get(&order) {
            Some(&r) => r,
            None => {
                let r = self.row(Priced::Nothing, f64::NEG_INFINITY, 1.0);
                self.order_rows.insert(order, r);
                r
            }
        };
        entries.insert(convexity, 1.0);
        for &(n, _, _) in cover {
            if let Some(cap) = model.nodes[n].capacity_shipments {
                let r = self.capacity_row(n, cap, false);
                *entries.entry(r).or_default() += 1.0;
            }
        }
        let mut total = 0;
        // Shared, so that the loop may add rows to `self` while it reads the index.
        let places_of_sku = Arc::clone(&self.places_of_sku);
        let units = cover
            .iter()
            .flat_map(|(n, _, lines)| lines.iter().map(move |&(l, u)| (*n, l, u)));
        for (n, l, u) in units {
            total += u;
            let sku = o.lines[l].sku;
            let at = n * model.skus.len() + sku;
            let r = match self.stock_rows.get(&at) {
                Some(&r) => r,
                None => {
                    let available = model.available(n, sku) as f64;
                    let r = self.row(Priced::Stock(at), f64::NEG_INFINITY, available);
                    self.stock_rows.insert(at, r);
                    r
                }
            };
            *entries.entry(r).or_default() += u as f64;
            if let Some(cap) = model.nodes[n].capacity_units {
                let r = self.capacity_row(n, cap, true);
                *entries.entry(r).or_default() += u as f64;
            }
            let places = places_of_sku.get(&sku).into_iter().flatten().copied();
            for p in places.filter(|&p| model.reservations[p].covers(n)) {
                let r = self.place_row(model, p, o.channel);
                *entries.entry(r).or_default() += u as f64;
            }
        }
        if o.tier < self.short_cols.len() {
            // Tier k's row is the k-th row written ([`Master::new`]).
            *entries.entry(o.tier).or_default() += total as f64;
        }
        let cost = if self.weighted {
            cost - model.unfilled_penalty(order) * total as f64
        } else {
            cost
        };
        let entries: Vec<(usize, f64)> = entries.into_iter().collect();
        self.lp.add_col(cost, (0.0, f64::INFINITY), &entries);
    }

    fn capacity_row(&mut self, node: NodeIdx, cap: i64, units: bool) -> usize {
        let existing = if units {
            self.unit_rows.get(&node)
        } else {
            self.shipment_rows.get(&node)
        };
        if let Some(&r) = existing {
            return r;
        }
        let kind = if units {
            Priced::Units(node)
        } else {
            Priced::Shipments(node)
        };
        let r = self.row(kind, f64::NEG_INFINITY, cap as f64);
        if units {
            self.unit_rows.insert(node, r);
        } else {
            self.shipment_rows.insert(node, r);
        }
        r
    }

    /// The row a unit of `channel` at place `p` counts in: its share's row when the channel holds
    /// a share there (`Σ u − e_c ≤ R_c`, with `e_c` in the overflow row), else the overflow row
    /// (`Σ_c e_c + Σ_{unreserved} u ≤ A − Σ R`).
    fn place_row(&mut self, model: &Model, p: usize, channel: ChannelIdx) -> usize {
        let place = &model.reservations[p];
        let overflow = match self.overflow_rows.get(&p) {
            Some(&r) => r,
            None => {
                let headroom = place.unreserved() as f64;
                let r = self.row(Priced::Overflow(p), f64::NEG_INFINITY, headroom);
                self.overflow_rows.insert(p, r);
                r
            }
        };
        let reserved = place.reserved_for(channel);
        if reserved == 0 {
            return overflow;
        }
        if let Some(&r) = self.share_rows.get(&(p, channel)) {
            return r;
        }
        let r = self.row(
            Priced::Share(p, channel),
            f64::NEG_INFINITY,
            reserved as f64,
        );
        self.lp
            .add_col(0.0, (0.0, f64::INFINITY), &[(r, -1.0), (overflow, 1.0)]);
        self.share_rows.insert((p, channel), r);
        r
    }

    /// The master LP's row duals as prices, and its value, solved within `time_limit_s` on one
    /// thread from the last round's basis. A unit tier k lacks costs `short_cost[k]` (then the
    /// tier's price). `None` when HiGHS does not prove the LP optimal in time.
    pub fn prices(
        &mut self,
        model: &Model,
        short_cost: &[f64],
        time_limit_s: f64,
    ) -> Option<(Prices, f64)> {
        for (cover, cost) in std::mem::take(&mut self.pending) {
            self.write_cover(model, &cover, cost);
        }
        for (&col, &cost) in self.short_cols.iter().zip(short_cost) {
            self.lp.set_cost(col, cost);
        }
        let lp = self.lp.solve(time_limit_s)?;
        let mut prices = Prices::zero(model);
        let mut places: BTreeMap<usize, (f64, Vec<(ChannelIdx, f64)>)> = BTreeMap::new();
        // HiGHS: reduced cost = c − Aᵀy, so a binding `≤` row has y ≤ 0 and prices −y.
        for (kind, &y) in self.priced.iter().zip(&lp.duals) {
            match *kind {
                Priced::Stock(i) => prices.stock[i] = (-y).max(0.0),
                Priced::Units(n) => prices.units[n] = (-y).max(0.0),
                Priced::Shipments(n) => prices.shipments[n] = (-y).max(0.0),
                Priced::Tier(k) => prices.tiers[k] = y.max(0.0),
                Priced::Overflow(p) => places.entry(p).or_default().0 = -y,
                Priced::Share(p, c) => places.entry(p).or_default().1.push((c, -y)),
                Priced::Nothing => {}
            }
        }
        for (p, (overflow, shares)) in places {
            prices.set_place(model, p, overflow, &shares);
        }
        Some((prices, lp.value + self.constant))
    }
}
