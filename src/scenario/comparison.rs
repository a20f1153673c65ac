//! The comparison of a scenario's plans: one summary per variant (the base first), with the
//! cost and its parts, fill overall / by tier / by channel, splits, on-time rate, node use,
//! exception counts and the delta against the base. Serialises to `comparison.json`.
//!
//! Money is rounded to cents and rates to 4 decimals, so the JSON reads well and is stable.
//! Solve times are deliberately left out: the same scenario gives the same comparison, byte
//! for byte (with the greedy engine, or a MIP that proves optimality within its limit).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::format::{Objective, Plan, PlanStatus, Wave};

/// Every variant's summary, the base first, and the names the per-group figures are keyed by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub scenario: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `wave_id` of the base wave.
    pub base_wave: String,
    /// The engine of the base plan (a variant's own `options` may pick another: see
    /// [`VariantSummary::engine`]).
    pub engine: String,
    /// Tier names, in the base policy's priority order.
    pub tiers: Vec<String>,
    /// Channel names, sorted.
    pub channels: Vec<String>,
    /// Node ids, in the base wave's order.
    pub nodes: Vec<String>,
    pub variants: Vec<VariantSummary>,
}

/// The figures of one plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantSummary {
    /// `base` for the unedited wave.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The edits, one compact JSON object each.
    pub edits: Vec<String>,
    /// The engine this plan ran with.
    pub engine: String,
    /// Its time limit (ms).
    pub time_limit_ms: i64,
    pub status: PlanStatus,
    pub cost: Objective,
    pub orders: i64,
    pub units_demanded: i64,
    pub units_allocated: i64,
    pub fill_rate: f64,
    pub orders_complete: i64,
    pub shipments: i64,
    pub split_orders: i64,
    pub on_time_rate: f64,
    pub cost_per_unit: f64,
    /// One entry per name of [`Comparison::tiers`], in that order.
    pub fill_by_tier: Vec<GroupFill>,
    /// One entry per name of [`Comparison::channels`], in that order.
    pub fill_by_channel: Vec<GroupFill>,
    /// One entry per id of [`Comparison::nodes`], in that order.
    pub nodes: Vec<NodeUse>,
    /// Count per exception kind (every kind listed).
    pub exceptions: BTreeMap<String, i64>,
    /// Count per severity (every severity listed).
    pub exceptions_by_severity: BTreeMap<String, i64>,
    /// Against the base; absent for the base itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<Delta>,
}

/// Fill of one tier or channel. `fill_rate` is absent when it has no demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFill {
    pub name: String,
    pub orders: i64,
    pub units_demanded: i64,
    pub units_allocated: i64,
    pub fill_rate: Option<f64>,
}

/// What one node shipped and how much of its capacity that used (absent: no such limit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeUse {
    pub id: String,
    pub active: bool,
    pub shipments: i64,
    pub units: i64,
    pub utilization_shipments: Option<f64>,
    pub utilization_units: Option<f64>,
}

impl NodeUse {
    /// The tighter of the two utilisations, when the node has a limit.
    pub fn utilization(&self) -> Option<f64> {
        match (self.utilization_shipments, self.utilization_units) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }
}

/// A variant minus the base. Rates are in points of a fraction (0.05 = 5 points).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub total_cost: f64,
    /// Relative change of the total cost; absent when the base costs nothing.
    pub total_cost_pct: Option<f64>,
    pub units_allocated: i64,
    pub fill_rate: f64,
    pub shipments: i64,
    pub split_orders: i64,
    pub on_time_rate: f64,
}

pub(crate) fn money(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub(crate) fn rate(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

const EXCEPTION_KINDS: [&str; 7] = [
    "shortfall",
    "split_shipment",
    "late",
    "hold",
    "capacity_bottleneck",
    "reservation_idle",
    "reservation_not_covered",
];
const SEVERITIES: [&str; 3] = ["info", "warning", "critical"];

fn wire_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One plan of the scenario: its name, description, edits, edited wave and checked plan.
#[derive(Debug, Clone)]
pub struct VariantRun {
    pub name: String,
    pub description: Option<String>,
    pub edits: Vec<String>,
    pub wave: Wave,
    pub plan: Plan,
}

/// Builds the comparison of `runs` (the base first; no runs give an empty comparison).
pub fn compare(scenario: &str, description: Option<&str>, runs: &[VariantRun]) -> Comparison {
    let Some(base) = runs.first() else {
        return Comparison {
            scenario: scenario.to_string(),
            description: description.map(str::to_string),
            base_wave: String::new(),
            engine: String::new(),
            tiers: Vec::new(),
            channels: Vec::new(),
            nodes: Vec::new(),
            variants: Vec::new(),
        };
    };
    let mut tiers: Vec<String> = Vec::new();
    let mut channels = BTreeSet::new();
    for run in runs {
        for tier in &run.wave.policy.tiers {
            if !tiers.contains(&tier.name) {
                tiers.push(tier.name.clone());
            }
        }
        channels.extend(run.wave.orders.iter().map(|o| o.channel.clone()));
        channels.extend(run.plan.kpis.by_channel.keys().cloned());
    }
    let channels: Vec<String> = channels.into_iter().collect();
    let nodes: Vec<String> = base.wave.nodes.iter().map(|n| n.id.clone()).collect();
    let mut variants: Vec<VariantSummary> = runs
        .iter()
        .map(|run| summarise(run, &tiers, &channels, &nodes))
        .collect();
    let base_summary = variants[0].clone();
    for v in variants.iter_mut().skip(1) {
        v.delta = Some(delta(&base_summary, v));
    }
    Comparison {
        scenario: scenario.to_string(),
        description: description.map(str::to_string),
        base_wave: base.wave.wave_id.clone(),
        engine: base.wave.options.engine.as_str().to_string(),
        tiers,
        channels,
        nodes,
        variants,
    }
}

fn group(name: &str, kpis: Option<&crate::format::GroupKpis>) -> GroupFill {
    let k = kpis.copied().unwrap_or_default();
    GroupFill {
        name: name.to_string(),
        orders: k.orders,
        units_demanded: k.units_demanded,
        units_allocated: k.units_allocated,
        fill_rate: (k.units_demanded > 0).then(|| rate(k.fill_rate)),
    }
}

fn summarise(
    run: &VariantRun,
    tiers: &[String],
    channels: &[String],
    nodes: &[String],
) -> VariantSummary {
    let plan = &run.plan;
    let k = &plan.kpis;
    let o = plan.objective;
    let mut exceptions: BTreeMap<String, i64> =
        EXCEPTION_KINDS.iter().map(|k| (k.to_string(), 0)).collect();
    let mut by_severity: BTreeMap<String, i64> =
        SEVERITIES.iter().map(|s| (s.to_string(), 0)).collect();
    for e in &plan.exceptions {
        *exceptions.entry(wire_name(&e.kind)).or_default() += 1;
        *by_severity.entry(wire_name(&e.severity)).or_default() += 1;
    }
    let node_uses = nodes
        .iter()
        .map(|id| {
            let result = plan.nodes.iter().find(|n| &n.id == id);
            let active = run.wave.nodes.iter().any(|n| &n.id == id && n.active);
            NodeUse {
                id: id.clone(),
                active,
                shipments: result.map_or(0, |r| r.shipments),
                units: result.map_or(0, |r| r.units),
                utilization_shipments: result.and_then(|r| r.utilization.shipments).map(rate),
                utilization_units: result.and_then(|r| r.utilization.units).map(rate),
            }
        })
        .collect();
    VariantSummary {
        name: run.name.clone(),
        description: run.description.clone(),
        edits: run.edits.clone(),
        engine: run.wave.options.engine.as_str().to_string(),
        time_limit_ms: run.wave.options.time_limit_ms,
        status: plan.status,
        cost: Objective {
            total: money(o.total),
            shipping: money(o.shipping),
            handling: money(o.handling),
            fixed: money(o.fixed),
            split_penalty: money(o.split_penalty),
            late_penalty: money(o.late_penalty),
            unfilled_penalty: money(o.unfilled_penalty),
        },
        orders: k.orders,
        units_demanded: k.units_demanded,
        units_allocated: k.units_allocated,
        fill_rate: rate(k.fill_rate),
        orders_complete: k.orders_complete,
        shipments: k.shipments,
        split_orders: k.split_orders,
        on_time_rate: rate(k.on_time_rate),
        cost_per_unit: money(k.cost_per_unit),
        fill_by_tier: tiers.iter().map(|t| group(t, k.by_tier.get(t))).collect(),
        fill_by_channel: channels
            .iter()
            .map(|c| group(c, k.by_channel.get(c)))
            .collect(),
        nodes: node_uses,
        exceptions,
        exceptions_by_severity: by_severity,
        delta: None,
    }
}

fn delta(base: &VariantSummary, v: &VariantSummary) -> Delta {
    let total = v.cost.total - base.cost.total;
    Delta {
        total_cost: money(total),
        total_cost_pct: (base.cost.total > 0.0).then(|| rate(total / base.cost.total)),
        units_allocated: v.units_allocated - base.units_allocated,
        fill_rate: rate(v.fill_rate - base.fill_rate),
        shipments: v.shipments - base.shipments,
        split_orders: v.split_orders - base.split_orders,
        on_time_rate: rate(v.on_time_rate - base.on_time_rate),
    }
}
