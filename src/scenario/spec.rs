//! The scenario wire types: a scenario file (TOML, naming its base wave by path), a resolved
//! scenario (base wave inline, as an HTTP body would carry it in JSON), variants and their typed
//! edits. Every type is strict about shape (unknown fields are rejected) and deserialises the
//! same from TOML and JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::format::{Allocation, Engine, NodeKind, Options, SlaMode, Wave, WithinTier};

/// A scenario file as written on disk: the base dataset by path, relative to the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// A title for the report; defaults to the file's stem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A wave JSON file or a CSV folder, relative to the scenario file.
    pub base: String,
    #[serde(default)]
    pub options: OptionsOverride,
    pub variants: Vec<Variant>,
}

/// A scenario ready to run: the base wave itself plus the variants (the JSON body form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default = "default_scenario_name")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub base: Wave,
    #[serde(default)]
    pub options: OptionsOverride,
    pub variants: Vec<Variant>,
}

fn default_scenario_name() -> String {
    "scenario".to_string()
}

/// Solver options over a wave's own: the scenario's apply to the base and every variant, and a
/// variant's own `options` then override those for that variant alone (greedy against the
/// optimizer, or 10 s against 60 s, as variants). `threads` is not offered: every plan runs on
/// one HiGHS thread, the variants in parallel.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsOverride {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<Engine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mip_gap: Option<f64>,
}

impl OptionsOverride {
    /// The options a plan of `wave` runs with: the wave's, these overrides, one thread.
    pub fn effective(&self, wave: &Wave) -> Options {
        let mut options = wave.options.clone();
        if let Some(engine) = self.engine {
            options.engine = engine;
        }
        if let Some(limit) = self.time_limit_ms {
            options.time_limit_ms = limit;
        }
        if let Some(gap) = self.mip_gap {
            options.mip_gap = gap;
        }
        options.threads = Some(1);
        options.explain = false;
        options
    }

    pub fn is_empty(&self) -> bool {
        *self == OptionsOverride::default()
    }
}

/// One what-if: a name and the edits that turn the base wave into it, applied in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// This variant's solver options, over the scenario's.
    #[serde(default, skip_serializing_if = "OptionsOverride::is_empty")]
    pub options: OptionsOverride,
    pub edits: Vec<Edit>,
}

/// One typed change to a wave. Tagged by `op`; e.g. `{op = "close_node", node = "DC-EAST"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// The node ships nothing (`active = false`).
    CloseNode { node: String },
    /// The node ships again (`active = true`).
    OpenNode { node: String },
    /// Multiplies `on_hand` of the matching inventory records (all filters must match).
    ScaleInventory {
        factor: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sku: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<NodeKind>,
    },
    /// Multiplies the quantities of the matching orders' lines, largest-remainder rounded.
    ScaleDemand {
        factor: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tier: Option<String>,
    },
    /// Sets a node's per-wave limits; an absent field keeps its limit.
    SetCapacity {
        node: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        shipments: Option<Limit>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        units: Option<Limit>,
    },
    /// Appends a reservation (the same fields as a wave's `reservations` entry).
    AddReservation {
        channel: String,
        sku: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        qty: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        share: Option<f64>,
    },
    /// Removes every reservation that matches all the given filters (at least one must match).
    RemoveReservations {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sku: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
    },
    /// Multiplies the `qty` (rounded) or `share` (capped at 1) of the matching reservations.
    ScaleReservations {
        factor: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sku: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
    },
    /// Changes policy fields; absent fields are kept.
    SetPolicy(PolicyChange),
    /// Multiplies the cost fields of the ship methods (all, or one) and of their lanes.
    ScaleShipCosts {
        factor: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        method: Option<String>,
    },
    /// Sets fields of one ship method; absent fields are kept.
    SetShipMethod {
        method: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base_cost: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per_unit: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per_unit_km: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        km_per_day: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_days: Option<i64>,
    },
    /// Moves `as_of` ("now") by whole days (negative: earlier).
    ShiftAsOf { days: i64 },
    /// Moves the `due_by` of the matching orders by whole days; orders without one are kept.
    ShiftDueDates {
        days: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tier: Option<String>,
    },
    /// Adds a node (a new 3PL, store or DC) at a location, with its stock and capacity.
    AddNode(NewNode),
    /// Moves `qty` units of `sku` from one node's available stock to another's on-hand.
    TransferStock {
        sku: String,
        from: String,
        to: String,
        qty: i64,
    },
    /// Puts the matching orders on hold (every given filter must match; at least one given).
    Hold {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        customer: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
        /// The hold reason the plan reports; default `scenario`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Releases the matching held orders (every given filter must match; at least one given).
    Release {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        customer: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
    },
    /// Sets the per-wave fixed cost of one node, of every node of a kind, or of every node.
    SetFixedCost {
        fixed_cost: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        node: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<NodeKind>,
    },
}

/// An `add_node` edit: the node's fields in the flat form of `nodes.csv`, plus its stock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewNode {
    pub node: String,
    /// Default `3pl`.
    #[serde(default = "default_new_node_kind")]
    pub kind: NodeKind,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling_per_shipment: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling_per_unit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_cost: Option<f64>,
    /// Per-wave shipment limit; absent: unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipments: Option<i64>,
    /// Per-wave unit limit; absent: unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<i64>,
    /// Only orders of these channels may ship from it; absent: every channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<String>>,
    /// On-hand units by SKU (each SKU must be one the wave stocks or orders).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stock: BTreeMap<String, i64>,
}

fn default_new_node_kind() -> NodeKind {
    NodeKind::ThirdParty
}

impl Edit {
    /// The `op` tag, for messages.
    pub fn op(&self) -> &'static str {
        match self {
            Edit::CloseNode { .. } => "close_node",
            Edit::OpenNode { .. } => "open_node",
            Edit::ScaleInventory { .. } => "scale_inventory",
            Edit::ScaleDemand { .. } => "scale_demand",
            Edit::SetCapacity { .. } => "set_capacity",
            Edit::AddReservation { .. } => "add_reservation",
            Edit::RemoveReservations { .. } => "remove_reservations",
            Edit::ScaleReservations { .. } => "scale_reservations",
            Edit::SetPolicy(_) => "set_policy",
            Edit::ScaleShipCosts { .. } => "scale_ship_costs",
            Edit::SetShipMethod { .. } => "set_ship_method",
            Edit::ShiftAsOf { .. } => "shift_as_of",
            Edit::ShiftDueDates { .. } => "shift_due_dates",
            Edit::AddNode(_) => "add_node",
            Edit::TransferStock { .. } => "transfer_stock",
            Edit::Hold { .. } => "hold",
            Edit::Release { .. } => "release",
            Edit::SetFixedCost { .. } => "set_fixed_cost",
        }
    }
}

/// A limit that is a number, or the word `"unlimited"` (TOML has no null).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Limit {
    Value(i64),
    Keyword(String),
}

/// The policy fields a `set_policy` edit may change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyChange {
    /// The same tier names in a new priority order, highest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_order: Option<Vec<String>>,
    /// Per-tier `unfilled_penalty` (weighted allocation), by tier name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfilled_penalty: Option<BTreeMap<String, f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<Allocation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_tier: Option<WithinTier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<SlaMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_penalty_per_day: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split_penalty: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_shipments_per_order: Option<Limit>,
}

impl PolicyChange {
    pub fn is_empty(&self) -> bool {
        *self == PolicyChange::default()
    }
}
