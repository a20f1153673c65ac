//! `metadata` on orders and lines (SPEC.md §2): the caller's own references (ERP keys, notes).
//! Nothing reads it; the plan echoes it untouched — byte for byte, key order and number
//! spelling included — on the order's result, and a line's on its shipment lines and unfilled
//! entries. Validation only requires a JSON object (`crate::validation`); the service's
//! structural limits (depth, string length, body size) bound it like every other field.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{Plan, Wave};

/// One `metadata` value, kept as the exact JSON text it arrived as.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Metadata(Box<RawValue>);

impl Metadata {
    /// The JSON text, as received.
    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// Whether the value is a JSON object (the only shape SPEC.md §2 allows).
    pub fn is_object(&self) -> bool {
        self.json().trim_start().starts_with('{')
    }

    /// `json` as a metadata value; an error when it is not one JSON value.
    pub fn from_json(json: &str) -> Result<Metadata, serde_json::Error> {
        RawValue::from_string(json.to_string()).map(Metadata)
    }
}

impl PartialEq for Metadata {
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

impl Eq for Metadata {}

/// Copies every order's and line's `metadata` from `wave` onto `plan`, matching orders by id and
/// lines by (order id, line id); both are unique in a valid wave.
pub fn echo(wave: &Wave, plan: &mut Plan) {
    let orders: HashMap<&str, &super::Order> =
        wave.orders.iter().map(|o| (o.id.as_str(), o)).collect();
    for result in &mut plan.orders {
        let Some(order) = orders.get(result.id.as_str()) else {
            continue;
        };
        result.metadata = order.metadata.clone();
        if order.lines.iter().all(|l| l.metadata.is_none()) {
            continue;
        }
        let lines: HashMap<&str, &Option<Metadata>> = order
            .lines
            .iter()
            .map(|l| (l.id.as_str(), &l.metadata))
            .collect();
        let line_metadata = |id: &str| lines.get(id).and_then(|m| (*m).clone());
        for shipment in &mut result.shipments {
            for line in &mut shipment.lines {
                line.metadata = line_metadata(&line.line);
            }
        }
        for line in &mut result.unfilled {
            line.metadata = line_metadata(&line.line);
        }
    }
}
