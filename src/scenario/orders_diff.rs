//! The order-level diff of a scenario: for every variant, each order whose outcome differs
//! from the base plan's (other nodes, more or fewer units, split or merged, later or earlier,
//! late or on time, held or released, or only dearer or cheaper), with both outcomes side by
//! side. `orders_diff.csv` is this list; `report.html`'s "biggest movers" groups it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::comparison::{money, VariantRun};
use crate::format::{OrderResult, Wave};

/// What changed for one order, against the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The order is only in the variant (its demand was scaled up from nothing: never today).
    Added,
    /// The order is not in the variant (its demand was scaled to nothing).
    Removed,
    /// Ships from another set of nodes.
    Moved,
    /// More shipments than in the base.
    Split,
    /// Fewer shipments than in the base (and some still ship).
    Merged,
    FewerUnits,
    MoreUnits,
    /// Arrives later (its last shipment's ETA).
    Later,
    Earlier,
    /// Was on time, is now late.
    NowLate,
    NowOnTime,
    Held,
    Released,
    /// Same nodes, units and dates, another cost.
    Cost,
}

/// One order's outcome in one plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub status: String,
    /// The shipping nodes, sorted.
    pub nodes: Vec<String>,
    pub shipments: usize,
    pub units: i64,
    /// Shipping plus handling of its shipments (no fixed costs or penalties).
    pub cost: f64,
    /// Every shipment on time; absent when nothing ships.
    pub on_time: Option<bool>,
    /// The last shipment's ETA; absent when nothing ships.
    pub eta: Option<String>,
    /// Why units did not ship (distinct unfilled reasons, in plan order).
    pub reasons: Vec<String>,
}

/// One order that a variant changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderDiff {
    pub variant: String,
    pub order: String,
    pub customer: String,
    pub tier: String,
    pub channel: String,
    pub changes: Vec<Change>,
    pub base: Outcome,
    #[serde(rename = "in_variant")]
    pub variant_outcome: Outcome,
    /// Variant ETA minus base ETA, in days; absent unless both ship.
    pub days_later: Option<i64>,
    pub cost_delta: f64,
}

/// Every changed order of every variant against `runs[0]` (the base), variants in order and
/// orders in the base's order (added ones after).
pub fn orders_diff(runs: &[VariantRun]) -> Vec<OrderDiff> {
    let Some((base, variants)) = runs.split_first() else {
        return Vec::new();
    };
    let base_outcomes = outcomes(base);
    let mut diffs = Vec::new();
    for run in variants {
        let outcomes = outcomes(run);
        let mut ids: Vec<&str> = base.wave.orders.iter().map(|o| o.id.as_str()).collect();
        ids.extend(
            run.wave
                .orders
                .iter()
                .map(|o| o.id.as_str())
                .filter(|id| !base_outcomes.contains_key(id)),
        );
        for id in ids {
            let before = base_outcomes.get(id);
            let after = outcomes.get(id);
            let changes = changes(before, after);
            if changes.is_empty() {
                continue;
            }
            let (wave, order) = find_order(&run.wave, id)
                .map(|o| (&run.wave, o))
                .or_else(|| find_order(&base.wave, id).map(|o| (&base.wave, o)))
                .expect("an order of either wave");
            let before = before.cloned().unwrap_or_default();
            let after = after.cloned().unwrap_or_default();
            diffs.push(OrderDiff {
                variant: run.name.clone(),
                order: id.to_string(),
                customer: order.customer.clone(),
                tier: super::apply::order_tier(wave, order)
                    .unwrap_or_default()
                    .to_string(),
                channel: order.channel.clone(),
                changes,
                days_later: days_between(before.eta.as_deref(), after.eta.as_deref()),
                cost_delta: money(after.cost - before.cost) + 0.0,
                base: before,
                variant_outcome: after,
            });
        }
    }
    diffs
}

fn find_order<'w>(wave: &'w Wave, id: &str) -> Option<&'w crate::format::Order> {
    wave.orders.iter().find(|o| o.id == id)
}

fn outcomes(run: &VariantRun) -> BTreeMap<&str, Outcome> {
    run.plan
        .orders
        .iter()
        .map(|o| (o.id.as_str(), outcome(o)))
        .collect()
}

fn outcome(order: &OrderResult) -> Outcome {
    let nodes: BTreeSet<&str> = order.shipments.iter().map(|s| s.node.as_str()).collect();
    let mut reasons: Vec<String> = Vec::new();
    for line in &order.unfilled {
        let reason = line.reason.as_str().to_string();
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    let shipping = !order.shipments.is_empty();
    Outcome {
        status: serde_json::to_value(order.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        nodes: nodes.into_iter().map(str::to_string).collect(),
        shipments: order.shipments.len(),
        units: order
            .shipments
            .iter()
            .flat_map(|s| &s.lines)
            .map(|l| l.qty)
            .sum(),
        // `+ 0.0` turns the empty sum's -0 into 0.
        cost: money(order.shipments.iter().map(|s| s.cost).sum::<f64>()) + 0.0,
        on_time: shipping.then(|| order.shipments.iter().all(|s| s.on_time)),
        eta: order.shipments.iter().map(|s| s.eta.clone()).max(),
        reasons,
    }
}

fn days_between(before: Option<&str>, after: Option<&str>) -> Option<i64> {
    let date = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    Some((date(after?)? - date(before?)?).num_days())
}

fn changes(before: Option<&Outcome>, after: Option<&Outcome>) -> Vec<Change> {
    let (b, a) = match (before, after) {
        (Some(b), Some(a)) => (b, a),
        (None, Some(_)) => return vec![Change::Added],
        (Some(_), None) => return vec![Change::Removed],
        (None, None) => return Vec::new(),
    };
    let mut changes = Vec::new();
    let held = |o: &Outcome| o.status == "held";
    match (held(b), held(a)) {
        (false, true) => changes.push(Change::Held),
        (true, false) => changes.push(Change::Released),
        _ => {}
    }
    if !b.nodes.is_empty() && !a.nodes.is_empty() && a.nodes != b.nodes {
        changes.push(Change::Moved);
    }
    if b.shipments > 0 && a.shipments > b.shipments {
        changes.push(Change::Split);
    } else if a.shipments > 0 && a.shipments < b.shipments {
        changes.push(Change::Merged);
    }
    if a.units < b.units {
        changes.push(Change::FewerUnits);
    } else if a.units > b.units {
        changes.push(Change::MoreUnits);
    }
    match days_between(b.eta.as_deref(), a.eta.as_deref()) {
        Some(d) if d > 0 => changes.push(Change::Later),
        Some(d) if d < 0 => changes.push(Change::Earlier),
        _ => {}
    }
    match (b.on_time, a.on_time) {
        (Some(true), Some(false)) => changes.push(Change::NowLate),
        (Some(false), Some(true)) => changes.push(Change::NowOnTime),
        _ => {}
    }
    if changes.is_empty() && money(a.cost - b.cost) != 0.0 {
        changes.push(Change::Cost);
    }
    changes
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Moved => "moved",
            Change::Split => "split",
            Change::Merged => "merged",
            Change::FewerUnits => "fewer_units",
            Change::MoreUnits => "more_units",
            Change::Later => "later",
            Change::Earlier => "earlier",
            Change::NowLate => "now_late",
            Change::NowOnTime => "now_on_time",
            Change::Held => "held",
            Change::Released => "released",
            Change::Cost => "cost",
        }
    }
}

/// A group of changed orders that read as one sentence: "in variant V, N orders of tier T
/// move from X to Y, D days later".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mover {
    pub variant: String,
    pub tier: String,
    /// The base's nodes, `;`-joined (empty: it shipped nothing).
    pub from: String,
    /// The variant's nodes, `;`-joined (empty: it ships nothing).
    pub to: String,
    pub days_later: Option<i64>,
    pub orders: usize,
    /// Units shipped in the variant minus in the base.
    pub units_delta: i64,
    pub cost_delta: f64,
    /// The orders, in diff order.
    pub order_ids: Vec<String>,
}

/// The groups of orders that changed nodes, units or dates (not cost only), largest first
/// (orders, then units lost), at most `limit`.
pub fn biggest_movers(diffs: &[OrderDiff], limit: usize) -> Vec<Mover> {
    let mut groups: Vec<Mover> = Vec::new();
    for d in diffs {
        if d.changes.iter().all(|c| *c == Change::Cost) {
            continue;
        }
        let from = d.base.nodes.join(";");
        let to = d.variant_outcome.nodes.join(";");
        let units = d.variant_outcome.units - d.base.units;
        let same = |g: &Mover| {
            g.variant == d.variant
                && g.tier == d.tier
                && g.from == from
                && g.to == to
                && g.days_later == d.days_later
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => {
                g.orders += 1;
                g.units_delta += units;
                g.cost_delta = money(g.cost_delta + d.cost_delta);
                g.order_ids.push(d.order.clone());
            }
            None => groups.push(Mover {
                variant: d.variant.clone(),
                tier: d.tier.clone(),
                from,
                to,
                days_later: d.days_later,
                orders: 1,
                units_delta: units,
                cost_delta: d.cost_delta,
                order_ids: vec![d.order.clone()],
            }),
        }
    }
    // A stable sort keeps the diff order among equals: deterministic.
    groups.sort_by(|a, b| {
        b.orders
            .cmp(&a.orders)
            .then(a.units_delta.cmp(&b.units_delta))
    });
    groups.truncate(limit);
    groups
}
