//! Wire types for the request: a `Wave`, exactly as SPEC.md §2 names its fields.
//!
//! These are plain serde types. They are deliberately permissive about *values* (quantities
//! are `i64`, dates are strings) so that semantic validation can report every problem at once
//! with a JSON-pointer path; they are strict about *shape* (unknown fields are rejected).

use serde::{Deserialize, Serialize};

use super::metadata::Metadata;

/// One wave: open orders plus the network snapshot they may be sourced from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wave {
    pub wave_id: String,
    /// "now", RFC 3339.
    pub as_of: String,
    pub orders: Vec<Order>,
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub inventory: Vec<InventoryRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reservations: Vec<Reservation>,
    /// Empty means the default single `ground` method (see [`ShipMethod::default_ground`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ship_methods: Vec<ShipMethod>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub policy: Policy,
    #[serde(default)]
    pub options: Options,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    pub id: String,
    pub channel: String,
    pub customer: String,
    /// A name from `policy.tiers`; absent means the lowest tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// RFC 3339; absent orders count as the newest (they lose exact ties).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed_at: Option<String>,
    pub ship_to: ShipTo,
    /// `YYYY-MM-DD` or RFC 3339 (its UTC date is used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_by: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub ship_complete: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub fill_or_kill: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold: Option<String>,
    pub lines: Vec<OrderLine>,
    /// The caller's own references; never read, echoed on the plan's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderLine {
    pub id: String,
    pub sku: String,
    pub qty: i64,
    /// The caller's own references; never read, echoed on the line's shipment lines and
    /// unfilled entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

/// Destination: coordinates, a zone (keying into `lanes`), or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipTo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Warehouse,
    Store,
    #[serde(rename = "3pl")]
    ThirdParty,
    Dropship,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Warehouse => "warehouse",
            NodeKind::Store => "store",
            NodeKind::ThirdParty => "3pl",
            NodeKind::Dropship => "dropship",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LatLon>,
    #[serde(default = "default_true", skip_serializing_if = "is_true")]
    pub active: bool,
    #[serde(default, skip_serializing_if = "is_zero_i64")]
    pub processing_days: i64,
    #[serde(default, skip_serializing_if = "Handling::is_zero")]
    pub handling: Handling,
    #[serde(default, skip_serializing_if = "is_zero_f64")]
    pub fixed_cost: f64,
    #[serde(default, skip_serializing_if = "Capacity::is_unlimited")]
    pub capacity: Capacity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    #[serde(default)]
    pub per_shipment: f64,
    #[serde(default)]
    pub per_unit: f64,
}

impl Handling {
    pub fn is_zero(&self) -> bool {
        self.per_shipment == 0.0 && self.per_unit == 0.0
    }
}

/// Per-wave limits of a node; an absent limit is unlimited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipments: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<i64>,
}

impl Capacity {
    pub fn is_unlimited(&self) -> bool {
        self.shipments.is_none() && self.units.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryRecord {
    pub node: String,
    pub sku: String,
    pub on_hand: i64,
    #[serde(default, skip_serializing_if = "is_zero_i64")]
    pub safety_stock: i64,
}

/// Channel reservation: protects `qty` units, or `floor(share × available)`, of `sku` at `node`
/// (or across the network when `node` is absent) for orders of `channel`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    pub channel: String,
    pub sku: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qty: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// A shipment of `u` units over `d` km costs `base_cost + per_unit·u + per_unit_km·u·d` and takes
/// `max(min_days, ceil(d / km_per_day))` days in transit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipMethod {
    pub id: String,
    #[serde(default)]
    pub base_cost: f64,
    #[serde(default)]
    pub per_unit: f64,
    #[serde(default)]
    pub per_unit_km: f64,
    #[serde(default = "default_km_per_day")]
    pub km_per_day: f64,
    #[serde(default = "default_min_days")]
    pub min_days: i64,
}

impl ShipMethod {
    /// The method used when a wave names none (SPEC.md §2).
    pub fn default_ground() -> Self {
        ShipMethod {
            id: "ground".to_string(),
            base_cost: 8.759,
            per_unit: 0.423,
            per_unit_km: 0.000336,
            km_per_day: 800.0,
            min_days: 1,
        }
    }
}

/// An explicit rate for a node → zone pair, overriding the distance model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub from: String,
    pub to_zone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_shipment: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub name: String,
    /// Per unfilled unit, used with `allocation: weighted`. Default 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfilled_penalty: Option<f64>,
}

/// Default `unfilled_penalty` per unit when a tier does not set one.
pub const DEFAULT_UNFILLED_PENALTY: f64 = 1000.0;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Allocation {
    #[default]
    Strict,
    Weighted,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WithinTier {
    #[default]
    Cost,
    Fifo,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlaMode {
    Hard,
    #[default]
    Soft,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    #[serde(default = "default_tiers")]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub allocation: Allocation,
    #[serde(default)]
    pub within_tier: WithinTier,
    #[serde(default)]
    pub sla: SlaMode,
    #[serde(default = "default_late_penalty")]
    pub late_penalty_per_day: f64,
    #[serde(default)]
    pub split_penalty: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_shipments_per_order: Option<i64>,
    #[serde(default = "default_road_factor")]
    pub road_factor: f64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            tiers: default_tiers(),
            allocation: Allocation::default(),
            within_tier: WithinTier::default(),
            sla: SlaMode::default(),
            late_penalty_per_day: default_late_penalty(),
            split_penalty: 0.0,
            max_shipments_per_order: None,
            road_factor: default_road_factor(),
        }
    }
}

/// Which planner answers the wave. An extension of SPEC.md's options (documented in README).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// The optimizer: pruned, decomposed lexicographic MIP.
    #[default]
    Mip,
    /// The rule-based router most OMSs use today (the baseline).
    Greedy,
    /// Every order × node × method in one model, no pruning or decomposition (the reference).
    Naive,
}

impl Engine {
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Mip => "mip",
            Engine::Greedy => "greedy",
            Engine::Naive => "naive",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    #[serde(default = "default_time_limit_ms")]
    pub time_limit_ms: i64,
    #[serde(default = "default_mip_gap")]
    pub mip_gap: f64,
    /// Absent: all cores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads: Option<i64>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub explain: bool,
    #[serde(default, skip_serializing_if = "is_default_engine")]
    pub engine: Engine,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            time_limit_ms: default_time_limit_ms(),
            mip_gap: default_mip_gap(),
            threads: None,
            explain: false,
            engine: Engine::default(),
        }
    }
}

fn default_true() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_zero_i64(v: &i64) -> bool {
    *v == 0
}
fn is_zero_f64(v: &f64) -> bool {
    *v == 0.0
}
fn is_default_engine(e: &Engine) -> bool {
    *e == Engine::Mip
}
fn default_km_per_day() -> f64 {
    800.0
}
fn default_min_days() -> i64 {
    1
}
fn default_tiers() -> Vec<Tier> {
    vec![Tier {
        name: "standard".to_string(),
        unfilled_penalty: None,
    }]
}
fn default_late_penalty() -> f64 {
    25.0
}
fn default_road_factor() -> f64 {
    1.2
}
fn default_time_limit_ms() -> i64 {
    10_000
}
fn default_mip_gap() -> f64 {
    1e-4
}
