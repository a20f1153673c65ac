//! OpenAPI schemas of the request (`Wave`), mirroring `crate::format::wave` field for field.
//!
//! The wire types live in `format` and carry no OpenAPI derives; these mirrors do. A test
//! deserialises every dataset into both, with unknown fields denied on both sides, so a field
//! added to one and not the other fails the build's tests.

#![allow(dead_code)]

use serde::Deserialize;
use utoipa::ToSchema;

/// One batch of open orders plus a snapshot of the network (SPEC.md §2).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Wave {
    /// Echoed back in the plan.
    #[schema(min_length = 1)]
    pub wave_id: String,
    /// "Now", RFC 3339.
    pub as_of: String,
    pub orders: Vec<Order>,
    /// At least one.
    #[schema(min_items = 1)]
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub inventory: Vec<InventoryRecord>,
    #[serde(default)]
    pub reservations: Vec<Reservation>,
    /// Default: one `ground` method.
    #[serde(default)]
    pub ship_methods: Vec<ShipMethod>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub policy: Policy,
    #[serde(default)]
    pub options: Options,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    #[schema(min_length = 1)]
    pub id: String,
    #[schema(min_length = 1)]
    pub channel: String,
    #[schema(min_length = 1)]
    pub customer: String,
    /// A name from `policy.tiers`; default: the lowest tier.
    #[serde(default)]
    pub tier: Option<String>,
    #[serde(default)]
    pub placed_at: Option<String>,
    pub ship_to: ShipTo,
    /// Date or RFC 3339: latest acceptable delivery date.
    #[serde(default)]
    pub due_by: Option<String>,
    #[serde(default)]
    pub ship_complete: bool,
    #[serde(default)]
    pub fill_or_kill: bool,
    #[serde(default)]
    pub hold: Option<String>,
    #[schema(min_items = 1)]
    pub lines: Vec<OrderLine>,
    /// The caller's own references (ERP keys, notes): any JSON object, echoed untouched on
    /// the plan's order.
    #[serde(default)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderLine {
    #[schema(min_length = 1)]
    pub id: String,
    #[schema(min_length = 1)]
    pub sku: String,
    /// Integer ≥ 1.
    #[schema(minimum = 1, maximum = 1000000000)]
    pub qty: i64,
    /// The caller's own references (ERP keys, notes): any JSON object, echoed untouched.
    #[serde(default)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `{lat, lon}` and/or `{zone}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipTo {
    #[serde(default)]
    #[schema(minimum = -90, maximum = 90)]
    pub lat: Option<f64>,
    #[serde(default)]
    #[schema(minimum = -180, maximum = 180)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub zone: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LatLon {
    #[schema(minimum = -90, maximum = 90)]
    pub lat: f64,
    #[schema(minimum = -180, maximum = 180)]
    pub lon: f64,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Warehouse,
    Store,
    #[serde(rename = "3pl")]
    ThirdParty,
    Dropship,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    #[schema(min_length = 1)]
    pub id: String,
    pub kind: NodeKind,
    #[serde(default)]
    pub location: Option<LatLon>,
    #[serde(default)]
    pub active: bool,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 365)]
    pub processing_days: i64,
    #[serde(default)]
    pub handling: Handling,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub fixed_cost: f64,
    #[serde(default)]
    pub capacity: Capacity,
    #[serde(default)]
    pub channels: Option<Vec<String>>,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Handling {
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub per_shipment: f64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub per_unit: f64,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub shipments: Option<i64>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub units: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InventoryRecord {
    #[schema(min_length = 1)]
    pub node: String,
    #[schema(min_length = 1)]
    pub sku: String,
    #[schema(minimum = 0, maximum = 1000000000)]
    pub on_hand: i64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub safety_stock: i64,
}

/// Protects `qty` units (or `floor(share × available)`) of `sku` for one channel.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    #[schema(min_length = 1)]
    pub channel: String,
    #[schema(min_length = 1)]
    pub sku: String,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub qty: Option<i64>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1)]
    pub share: Option<f64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipMethod {
    #[schema(min_length = 1)]
    pub id: String,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub base_cost: f64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub per_unit: f64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub per_unit_km: f64,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000000000)]
    pub km_per_day: f64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 365)]
    pub min_days: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    #[schema(min_length = 1)]
    pub from: String,
    #[schema(min_length = 1)]
    pub to_zone: String,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub per_shipment: Option<f64>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub per_unit: Option<f64>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 365)]
    pub days: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[schema(min_length = 1)]
    pub name: String,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub unfilled_penalty: Option<f64>,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum Allocation {
    #[default]
    Strict,
    Weighted,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum WithinTier {
    #[default]
    Cost,
    Fifo,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum SlaMode {
    Hard,
    #[default]
    Soft,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Highest priority first.
    #[serde(default)]
    #[schema(min_items = 1)]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub allocation: Allocation,
    #[serde(default)]
    pub within_tier: WithinTier,
    #[serde(default)]
    pub sla: SlaMode,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub late_penalty_per_day: f64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000000000)]
    pub split_penalty: f64,
    #[serde(default)]
    #[schema(minimum = 1)]
    pub max_shipments_per_order: Option<i64>,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 10)]
    pub road_factor: f64,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    #[default]
    Mip,
    Greedy,
    Naive,
}

/// Solve options. The service caps `time_limit_ms` at its configured maximum and runs every
/// solve with its own fixed HiGHS thread count (`threads` is ignored over HTTP).
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Options {
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000000000)]
    pub time_limit_ms: i64,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1)]
    pub mip_gap: f64,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1024)]
    pub threads: Option<i64>,
    #[serde(default)]
    pub explain: bool,
    #[serde(default)]
    pub engine: Engine,
}
