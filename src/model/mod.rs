//! The domain model: a validated wave with ids interned to dense indices, dates as day numbers,
//! availability net of safety stock and channel reservations resolved. Solvers and the checker
//! work on this; it never sees serde.

pub mod components;
pub mod dates;
pub mod reservations;
pub mod residual;
pub mod routing;

use std::collections::HashMap;

use crate::error::{Error, Problem};
use crate::format::{self, Allocation, NodeKind, SlaMode, WithinTier};
use dates::Day;
pub use reservations::{ReservationPlace, ReservedShare};
pub use routing::Quote;

pub type OrderIdx = usize;
pub type NodeIdx = usize;
pub type SkuIdx = usize;
pub type ChannelIdx = usize;
pub type MethodIdx = usize;
pub type TierIdx = usize;
pub type ZoneIdx = usize;

#[derive(Debug, Clone)]
pub struct Model {
    pub wave_id: String,
    pub as_of_day: Day,
    pub orders: Vec<Order>,
    pub nodes: Vec<Node>,
    pub methods: Vec<Method>,
    pub tiers: Vec<Tier>,
    pub channels: Vec<String>,
    pub skus: Vec<String>,
    pub zones: Vec<String>,
    /// Units usable per (node, sku): `max(0, on_hand − safety_stock)`, dense `node * skus + sku`.
    available: Vec<i64>,
    /// Every reserved place (a node or the whole network) for one SKU.
    pub reservations: Vec<ReservationPlace>,
    lanes: HashMap<(NodeIdx, ZoneIdx), LaneRates>,
    pub policy: Policy,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub id: String,
    pub channel: ChannelIdx,
    pub customer: String,
    /// Rank in `policy.tiers`, 0 = highest priority.
    pub tier: TierIdx,
    /// Seconds since the epoch; `None` sorts as the newest.
    pub placed_at: Option<i64>,
    pub ship_to: Option<(f64, f64)>,
    pub zone: Option<ZoneIdx>,
    pub due_day: Option<Day>,
    pub ship_complete: bool,
    pub fill_or_kill: bool,
    pub hold: Option<String>,
    pub lines: Vec<Line>,
}

impl Order {
    pub fn is_held(&self) -> bool {
        self.hold.is_some()
    }

    pub fn units(&self) -> i64 {
        self.lines.iter().map(|l| l.qty).sum()
    }
}

#[derive(Debug, Clone)]
pub struct Line {
    pub id: String,
    pub sku: SkuIdx,
    pub qty: i64,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub location: Option<(f64, f64)>,
    pub active: bool,
    pub processing_days: i64,
    pub handling_per_shipment: f64,
    pub handling_per_unit: f64,
    pub fixed_cost: f64,
    pub capacity_shipments: Option<i64>,
    pub capacity_units: Option<i64>,
    /// Sorted channel indices allowed to ship from here; `None` = every channel.
    pub channels: Option<Vec<ChannelIdx>>,
}

#[derive(Debug, Clone)]
pub struct Method {
    pub id: String,
    pub base_cost: f64,
    pub per_unit: f64,
    pub per_unit_km: f64,
    pub km_per_day: f64,
    pub min_days: i64,
}

#[derive(Debug, Clone)]
pub struct Tier {
    pub name: String,
    pub unfilled_penalty: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct LaneRate {
    pub per_shipment: f64,
    pub per_unit: f64,
    pub days: Option<i64>,
}

#[derive(Debug, Clone, Default)]
struct LaneRates {
    any_method: Option<LaneRate>,
    by_method: HashMap<MethodIdx, LaneRate>,
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub allocation: Allocation,
    pub within_tier: WithinTier,
    pub hard_sla: bool,
    pub late_penalty_per_day: f64,
    pub split_penalty: f64,
    pub max_shipments_per_order: Option<i64>,
    pub road_factor: f64,
}

impl Policy {
    /// Penalty per shipment per day late that the objective charges: 0 under hard SLA, where
    /// late shipments are not allowed at all.
    pub fn late_rate(&self) -> f64 {
        if self.hard_sla {
            0.0
        } else {
            self.late_penalty_per_day
        }
    }
}

impl Model {
    /// Validates the wave and builds the model. Every validation problem is reported at once.
    pub fn from_wave(wave: &format::Wave) -> Result<Model, Error> {
        let problems = crate::validation::validate(wave);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        build(wave).map_err(|p| Error::Invalid(vec![p]))
    }

    /// The same wave with only `orders` (in that order): the nodes, stock, reservations and
    /// policy are unchanged. Order `i` of the result is `orders[i]` here.
    pub fn with_orders(&self, orders: &[OrderIdx]) -> Model {
        Model {
            orders: orders.iter().map(|&o| self.orders[o].clone()).collect(),
            ..self.clone_without_orders()
        }
    }

    fn clone_without_orders(&self) -> Model {
        Model {
            wave_id: self.wave_id.clone(),
            as_of_day: self.as_of_day,
            orders: Vec::new(),
            nodes: self.nodes.clone(),
            methods: self.methods.clone(),
            tiers: self.tiers.clone(),
            channels: self.channels.clone(),
            skus: self.skus.clone(),
            zones: self.zones.clone(),
            available: self.available.clone(),
            reservations: self.reservations.clone(),
            lanes: self.lanes.clone(),
            policy: self.policy.clone(),
        }
    }

    pub fn available(&self, node: NodeIdx, sku: SkuIdx) -> i64 {
        self.available[node * self.skus.len() + sku]
    }

    /// Units of `sku` available over all active nodes.
    pub fn network_available(&self, sku: SkuIdx) -> i64 {
        (0..self.nodes.len())
            .filter(|&n| self.nodes[n].active)
            .map(|n| self.available(n, sku))
            .sum()
    }

    pub(crate) fn lane(&self, node: NodeIdx, zone: ZoneIdx, method: MethodIdx) -> Option<LaneRate> {
        let rates = self.lanes.get(&(node, zone))?;
        rates.by_method.get(&method).copied().or(rates.any_method)
    }

    /// Orders in allocation priority: tier, then `placed_at` (oldest first, absent last), then id.
    pub fn priority_order(&self) -> Vec<OrderIdx> {
        let mut order: Vec<OrderIdx> = (0..self.orders.len()).collect();
        order.sort_by(|&a, &b| self.priority_key(a).cmp(&self.priority_key(b)));
        order
    }

    fn priority_key(&self, order: OrderIdx) -> (TierIdx, i64, &str) {
        let o = &self.orders[order];
        (o.tier, o.placed_at.unwrap_or(i64::MAX), o.id.as_str())
    }

    /// Whether one shipment from `node` could carry the whole order: stock of every SKU (lines
    /// of the same SKU added up), unit capacity, and room for a shipment.
    pub fn node_holds_whole_order(&self, order: OrderIdx, node: NodeIdx) -> bool {
        let o = &self.orders[order];
        let n = &self.nodes[node];
        let mut need: Vec<(SkuIdx, i64)> = Vec::new();
        for l in &o.lines {
            match need.iter_mut().find(|(s, _)| *s == l.sku) {
                Some(e) => e.1 += l.qty,
                None => need.push((l.sku, l.qty)),
            }
        }
        n.capacity_units.is_none_or(|c| c >= o.units())
            && n.capacity_shipments.is_none_or(|c| c >= 1)
            && need.iter().all(|&(s, q)| self.available(node, s) >= q)
    }

    pub fn unfilled_penalty(&self, order: OrderIdx) -> f64 {
        self.tiers[self.orders[order].tier].unfilled_penalty
    }
}

struct Interner {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

impl Interner {
    fn new() -> Self {
        Interner {
            names: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn intern(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
}

fn lookup(
    index: &HashMap<&str, usize>,
    name: &str,
    path: String,
    what: &str,
) -> Result<usize, Problem> {
    index.get(name).copied().ok_or_else(|| {
        Problem::new(
            path,
            "unknown_reference",
            format!("unknown {what} '{name}'"),
        )
    })
}

fn date_problem(path: String) -> Problem {
    Problem::new(
        path,
        "invalid_date",
        "not a valid RFC 3339 timestamp or YYYY-MM-DD date",
    )
}

/// Builds the model from a wave that passed validation. Still defensive: any unresolved
/// reference becomes a problem rather than a panic.
fn build(wave: &format::Wave) -> Result<Model, Problem> {
    let as_of_day =
        dates::day_of_timestamp(&wave.as_of).ok_or_else(|| date_problem("/as_of".into()))?;
    let tiers: Vec<Tier> = wave
        .policy
        .tiers
        .iter()
        .map(|t| Tier {
            name: t.name.clone(),
            unfilled_penalty: t
                .unfilled_penalty
                .unwrap_or(format::DEFAULT_UNFILLED_PENALTY),
        })
        .collect();
    let tier_index: HashMap<&str, usize> = tiers
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    let node_index: HashMap<&str, usize> = wave
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let default_methods = [format::ShipMethod::default_ground()];
    let wire_methods: &[format::ShipMethod] = if wave.ship_methods.is_empty() {
        &default_methods
    } else {
        &wave.ship_methods
    };
    let methods: Vec<Method> = wire_methods
        .iter()
        .map(|m| Method {
            id: m.id.clone(),
            base_cost: m.base_cost,
            per_unit: m.per_unit,
            per_unit_km: m.per_unit_km,
            km_per_day: m.km_per_day,
            min_days: m.min_days,
        })
        .collect();
    let method_index: HashMap<&str, usize> = methods
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();

    let mut channels = Interner::new();
    let mut skus = Interner::new();
    let mut zones = Interner::new();

    let mut orders = Vec::with_capacity(wave.orders.len());
    for (oi, o) in wave.orders.iter().enumerate() {
        let tier = match &o.tier {
            Some(name) => lookup(&tier_index, name, format!("/orders/{oi}/tier"), "tier")?,
            None => tiers.len().saturating_sub(1),
        };
        let placed_at = match &o.placed_at {
            Some(t) => Some(
                dates::seconds_of_timestamp(t)
                    .ok_or_else(|| date_problem(format!("/orders/{oi}/placed_at")))?,
            ),
            None => None,
        };
        let due_day = match &o.due_by {
            Some(t) => Some(
                dates::day_of_date_or_timestamp(t)
                    .ok_or_else(|| date_problem(format!("/orders/{oi}/due_by")))?,
            ),
            None => None,
        };
        let ship_to = match (o.ship_to.lat, o.ship_to.lon) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            _ => None,
        };
        orders.push(Order {
            id: o.id.clone(),
            channel: channels.intern(&o.channel),
            customer: o.customer.clone(),
            tier,
            placed_at,
            ship_to,
            zone: o.ship_to.zone.as_deref().map(|z| zones.intern(z)),
            due_day,
            ship_complete: o.ship_complete,
            fill_or_kill: o.fill_or_kill,
            hold: o.hold.clone(),
            lines: o
                .lines
                .iter()
                .map(|l| Line {
                    id: l.id.clone(),
                    sku: skus.intern(&l.sku),
                    qty: l.qty,
                })
                .collect(),
        });
    }

    let mut nodes = Vec::with_capacity(wave.nodes.len());
    for n in &wave.nodes {
        let allowed = n.channels.as_ref().map(|list| {
            let mut idx: Vec<usize> = list.iter().map(|c| channels.intern(c)).collect();
            idx.sort_unstable();
            idx.dedup();
            idx
        });
        nodes.push(Node {
            id: n.id.clone(),
            kind: n.kind,
            location: n.location.map(|l| (l.lat, l.lon)),
            active: n.active,
            processing_days: n.processing_days,
            handling_per_shipment: n.handling.per_shipment,
            handling_per_unit: n.handling.per_unit,
            fixed_cost: n.fixed_cost,
            capacity_shipments: n.capacity.shipments,
            capacity_units: n.capacity.units,
            channels: allowed,
        });
    }

    for r in &wave.reservations {
        channels.intern(&r.channel);
        skus.intern(&r.sku);
    }
    let inventory_skus: Vec<usize> = wave
        .inventory
        .iter()
        .map(|rec| skus.intern(&rec.sku))
        .collect();
    let sku_count = skus.names.len();
    let mut available = vec![0i64; nodes.len() * sku_count];
    for (ii, (rec, &sku)) in wave.inventory.iter().zip(&inventory_skus).enumerate() {
        let node = lookup(
            &node_index,
            &rec.node,
            format!("/inventory/{ii}/node"),
            "node",
        )?;
        let cell = &mut available[node * sku_count + sku];
        *cell = cell.saturating_add((rec.on_hand - rec.safety_stock).max(0));
    }

    let mut lanes: HashMap<(NodeIdx, ZoneIdx), LaneRates> = HashMap::new();
    for (li, lane) in wave.lanes.iter().enumerate() {
        let node = lookup(&node_index, &lane.from, format!("/lanes/{li}/from"), "node")?;
        let zone = zones.intern(&lane.to_zone);
        let rate = LaneRate {
            per_shipment: lane.per_shipment.unwrap_or(0.0),
            per_unit: lane.per_unit.unwrap_or(0.0),
            days: lane.days,
        };
        let entry = lanes.entry((node, zone)).or_default();
        match &lane.method {
            Some(m) => {
                let method = lookup(
                    &method_index,
                    m,
                    format!("/lanes/{li}/method"),
                    "ship method",
                )?;
                entry.by_method.insert(method, rate);
            }
            None => entry.any_method = Some(rate),
        }
    }

    let policy = Policy {
        allocation: wave.policy.allocation,
        within_tier: wave.policy.within_tier,
        hard_sla: wave.policy.sla == SlaMode::Hard,
        late_penalty_per_day: wave.policy.late_penalty_per_day,
        split_penalty: wave.policy.split_penalty,
        max_shipments_per_order: wave.policy.max_shipments_per_order,
        road_factor: wave.policy.road_factor,
    };

    let mut model = Model {
        wave_id: wave.wave_id.clone(),
        as_of_day,
        orders,
        nodes,
        methods,
        tiers,
        channels: channels.names,
        skus: skus.names,
        zones: zones.names,
        available,
        reservations: Vec::new(),
        lanes,
        policy,
    };
    model.reservations = reservations::resolve(&model, &wave.reservations, &node_index)?;
    Ok(model)
}
