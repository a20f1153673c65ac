//! OpenAPI schemas of the response (`Plan`) and of error bodies, mirroring
//! `crate::format::plan` and `crate::error` field for field (see the drift test in
//! `tests/service_openapi.rs`).

#![allow(dead_code)]

use std::collections::BTreeMap;

use serde::Deserialize;
use utoipa::ToSchema;

/// An assignment for every order line, with reasons, exceptions, KPIs and solver figures
/// (SPEC.md §3).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub wave_id: String,
    pub status: PlanStatus,
    pub objective: Objective,
    pub bound: f64,
    pub gap: f64,
    pub orders: Vec<OrderResult>,
    pub exceptions: Vec<PlanException>,
    pub kpis: Kpis,
    pub nodes: Vec<NodeResult>,
    pub solver: SolverStats,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    Optimal,
    Feasible,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub total: f64,
    pub shipping: f64,
    pub handling: f64,
    pub fixed: f64,
    pub split_penalty: f64,
    pub late_penalty: f64,
    pub unfilled_penalty: f64,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    Filled,
    Partial,
    Unfilled,
    Held,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderResult {
    pub id: String,
    pub status: OrderStatus,
    pub shipments: Vec<Shipment>,
    pub unfilled: Vec<UnfilledLine>,
    /// Present only with `options.explain`.
    #[serde(default)]
    pub explain: Option<Explanation>,
    /// The order's `metadata`, echoed untouched.
    #[serde(default)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Shipment {
    pub node: String,
    pub method: String,
    pub lines: Vec<ShipmentLine>,
    pub cost: f64,
    pub ship_date: String,
    pub eta: String,
    pub on_time: bool,
    pub days_late: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentLine {
    pub line: String,
    pub sku: String,
    pub qty: i64,
    /// The order line's `metadata`, echoed untouched.
    #[serde(default)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnfilledLine {
    pub line: String,
    pub sku: String,
    pub qty: i64,
    pub reason: UnfilledReason,
    /// The order line's `metadata`, echoed untouched.
    #[serde(default)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnfilledReason {
    OnHold,
    NoEligibleNode,
    InsufficientInventory,
    ReservedForOtherChannel,
    AllocatedToHigherTier,
    AllocatedToSameTier,
    SlaUnreachable,
    CapacityExhausted,
    MaxShipmentsReached,
    ShipCompleteUnsatisfiable,
    FillOrKillUnsatisfiable,
    NotEconomic,
    TimeLimitReached,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionKind {
    Shortfall,
    SplitShipment,
    Late,
    Hold,
    CapacityBottleneck,
    ReservationIdle,
    ReservationNotCovered,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanException {
    pub kind: ExceptionKind,
    pub severity: Severity,
    #[serde(default)]
    pub order: Option<String>,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default)]
    pub qty: Option<i64>,
    pub message: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpis {
    pub orders: i64,
    pub units_demanded: i64,
    pub units_allocated: i64,
    pub fill_rate: f64,
    pub orders_complete: i64,
    pub shipments: i64,
    pub split_orders: i64,
    pub on_time_rate: f64,
    pub cost_per_unit: f64,
    pub by_tier: BTreeMap<String, GroupKpis>,
    pub by_channel: BTreeMap<String, GroupKpis>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupKpis {
    pub orders: i64,
    pub units_demanded: i64,
    pub units_allocated: i64,
    pub fill_rate: f64,
    pub orders_complete: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeResult {
    pub id: String,
    pub shipments: i64,
    pub units: i64,
    pub utilization: Utilization,
}

/// Share of each capacity used; `null` where the node has no such limit.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Utilization {
    pub shipments: Option<f64>,
    pub units: Option<f64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SolverStats {
    pub engine: String,
    pub time_ms: u64,
    pub stages: Vec<StageStats>,
    pub variables: u64,
    pub constraints: u64,
    pub components: u64,
    /// The builds that made the plan: `{"waveopt": "0.1.0", "highs": "1.11.0"}`.
    pub versions: Versions,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Versions {
    pub waveopt: String,
    pub highs: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageStats {
    pub name: String,
    pub status: String,
    pub objective: Option<f64>,
    pub bound: Option<f64>,
    pub gap: Option<f64>,
    pub time_ms: u64,
    pub variables: u64,
    pub constraints: u64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub alternatives: Vec<Alternative>,
    pub summary: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub node: String,
    pub method: String,
    pub cost: f64,
    pub eta: String,
    pub on_time: bool,
    pub units_in_stock: i64,
    pub chosen: bool,
    pub note: String,
}

/// SPEC.md §4: every error, with all its problems at once.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    pub error: ErrorInfo,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorInfo {
    /// `malformed_json`, `invalid_wave`, `too_large`, `unsupported_media_type`,
    /// `unauthorized`, `overloaded`, `internal_error`, `not_found`, …
    pub code: String,
    pub message: String,
    pub details: Vec<Problem>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// JSON pointer of the offending value (empty for the whole body).
    pub path: String,
    pub code: String,
    pub message: String,
}
