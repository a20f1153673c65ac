//! Wire types for the response: a `Plan`, exactly as SPEC.md §3 names its fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::metadata::Metadata;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub wave_id: String,
    pub status: PlanStatus,
    pub objective: Objective,
    /// Proven lower bound on `objective.total` (for `strict`, on the cost stage given the tier fills).
    pub bound: f64,
    /// Relative gap between `objective.total` and `bound`, as HiGHS reports it.
    pub gap: f64,
    pub orders: Vec<OrderResult>,
    pub exceptions: Vec<PlanException>,
    pub kpis: Kpis,
    pub nodes: Vec<NodeResult>,
    pub solver: SolverStats,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    /// Proven optimal within `mip_gap` by HiGHS, at every stage.
    Optimal,
    /// A checked, feasible plan whose optimality is not proven (time limit, or a heuristic engine).
    Feasible,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    Filled,
    Partial,
    Unfilled,
    Held,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderResult {
    pub id: String,
    pub status: OrderStatus,
    pub shipments: Vec<Shipment>,
    pub unfilled: Vec<UnfilledLine>,
    /// Present only with `options.explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explanation>,
    /// The order's `metadata`, echoed untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shipment {
    pub node: String,
    pub method: String,
    pub lines: Vec<ShipmentLine>,
    /// Shipping plus the node's handling for this shipment; no fixed costs or penalties.
    pub cost: f64,
    pub ship_date: String,
    pub eta: String,
    pub on_time: bool,
    pub days_late: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShipmentLine {
    pub line: String,
    pub sku: String,
    pub qty: i64,
    /// The order line's `metadata`, echoed untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnfilledLine {
    pub line: String,
    pub sku: String,
    pub qty: i64,
    pub reason: UnfilledReason,
    /// The order line's `metadata`, echoed untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
}

/// Why units did not ship; the most specific reason that is true (SPEC.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

impl UnfilledReason {
    pub fn as_str(self) -> &'static str {
        match self {
            UnfilledReason::OnHold => "on_hold",
            UnfilledReason::NoEligibleNode => "no_eligible_node",
            UnfilledReason::InsufficientInventory => "insufficient_inventory",
            UnfilledReason::ReservedForOtherChannel => "reserved_for_other_channel",
            UnfilledReason::AllocatedToHigherTier => "allocated_to_higher_tier",
            UnfilledReason::AllocatedToSameTier => "allocated_to_same_tier",
            UnfilledReason::SlaUnreachable => "sla_unreachable",
            UnfilledReason::CapacityExhausted => "capacity_exhausted",
            UnfilledReason::MaxShipmentsReached => "max_shipments_reached",
            UnfilledReason::ShipCompleteUnsatisfiable => "ship_complete_unsatisfiable",
            UnfilledReason::FillOrKillUnsatisfiable => "fill_or_kill_unsatisfiable",
            UnfilledReason::NotEconomic => "not_economic",
            UnfilledReason::TimeLimitReached => "time_limit_reached",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanException {
    pub kind: ExceptionKind,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qty: Option<i64>,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

/// Fill figures for one tier or one channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupKpis {
    pub orders: i64,
    pub units_demanded: i64,
    pub units_allocated: i64,
    pub fill_rate: f64,
    pub orders_complete: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeResult {
    pub id: String,
    pub shipments: i64,
    pub units: i64,
    pub utilization: Utilization,
}

/// Share of each capacity used, in [0, 1]; `null` where the node has no such limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Utilization {
    pub shipments: Option<f64>,
    pub units: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SolverStats {
    pub engine: String,
    pub time_ms: u64,
    pub stages: Vec<StageStats>,
    pub variables: u64,
    pub constraints: u64,
    pub components: u64,
    /// The builds that made the plan, so that a stored plan can be reproduced.
    #[serde(default)]
    pub versions: Versions,
    /// Free-form facts about how the plan was reached (fallbacks, pruning), for operators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// `solver.versions`: the waveopt and HiGHS versions that made a plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions {
    pub waveopt: String,
    pub highs: String,
}

impl Versions {
    /// The versions of this build.
    pub fn current() -> Self {
        Versions {
            waveopt: env!("CARGO_PKG_VERSION").to_string(),
            highs: crate::solver::highs::version(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageStats {
    /// `tier:<name>` (objective: the tier's fill; bound: its proven upper bound), `tier_flow`
    /// (the tier engine's flow rounds, no objective), `fifo:<name>`, `cost` (strict) or
    /// `weighted`; on the search routes also `lns` and the relaxations `bound:<kind>`;
    /// `cover_pool` where the pool ran (no bound).
    pub name: String,
    /// `optimal`, `time_limit`, `skipped`, …
    pub status: String,
    /// The stage's objective at its incumbent (`null` when it found none).
    pub objective: Option<f64>,
    /// HiGHS's proven bound on the stage objective (`null` when none was proven).
    pub bound: Option<f64>,
    /// HiGHS's relative gap for the stage (`null` when undefined).
    pub gap: Option<f64>,
    pub time_ms: u64,
    pub variables: u64,
    pub constraints: u64,
}

/// Why the chosen sourcing won, with the alternatives that were considered (`options.explain`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub alternatives: Vec<Alternative>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub node: String,
    pub method: String,
    /// Cost of shipping the whole order from here in one shipment (shipping + handling).
    pub cost: f64,
    pub eta: String,
    pub on_time: bool,
    /// Units of the order this node could cover from its available stock.
    pub units_in_stock: i64,
    pub chosen: bool,
    pub note: String,
}
