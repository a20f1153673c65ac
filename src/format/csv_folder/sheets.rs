//! The files of the folder and their columns: each column maps onto one field of the wire type.

use serde_json::Value;

/// How a cell's text becomes a JSON value.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Text,
    Int,
    Float,
    Bool,
    /// `;`-separated strings.
    List,
    /// One of a fixed set of strings.
    Choice(&'static [&'static str]),
}

impl Kind {
    /// The JSON value of a non-empty cell, or a problem code and message.
    pub fn parse(self, cell: &str) -> Result<Value, (&'static str, String)> {
        let bad = |expected: &str| ("bad_cell", format!("expected {expected}, got '{cell}'"));
        match self {
            Text => Ok(Value::String(cell.to_string())),
            Int => cell
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| bad("an integer")),
            Float => match cell.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(Value::from(x)),
                Ok(_) => Err((
                    "not_finite",
                    format!("expected a finite number, got '{cell}'"),
                )),
                Err(_) => Err(bad("a number")),
            },
            Bool => match cell.to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Ok(Value::Bool(true)),
                "false" | "no" | "0" => Ok(Value::Bool(false)),
                _ => Err(bad("true or false")),
            },
            List => Ok(Value::Array(
                cell.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            )),
            Kind::Choice(options) if options.contains(&cell) => Ok(Value::String(cell.to_string())),
            Kind::Choice(options) => Err(bad(&format!("one of {}", options.join(", ")))),
        }
    }
}

/// One column: its header, its kind, whether a row needs a value, and the JSON field it fills
/// (a pointer into the wire object; `order_id` is the one column that is not a wire field).
pub(super) struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub field: &'static str,
}

const fn req(name: &'static str, kind: Kind, field: &'static str) -> Column {
    Column {
        name,
        kind,
        required: true,
        field,
    }
}

const fn opt(name: &'static str, kind: Kind, field: &'static str) -> Column {
    Column {
        name,
        kind,
        required: false,
        field,
    }
}

/// One file of the folder.
pub(super) struct Sheet {
    pub file: &'static str,
    pub required: bool,
    pub columns: &'static [Column],
}

use Kind::{Bool, Float, Int, List, Text};

const NODE_KINDS: &[&str] = &["warehouse", "store", "3pl", "dropship"];

pub(super) const ORDERS: Sheet = Sheet {
    file: "orders.csv",
    required: true,
    columns: &[
        req("id", Text, "/id"),
        req("channel", Text, "/channel"),
        req("customer", Text, "/customer"),
        opt("tier", Text, "/tier"),
        opt("placed_at", Text, "/placed_at"),
        opt("lat", Float, "/ship_to/lat"),
        opt("lon", Float, "/ship_to/lon"),
        opt("zone", Text, "/ship_to/zone"),
        opt("due_by", Text, "/due_by"),
        opt("ship_complete", Bool, "/ship_complete"),
        opt("fill_or_kill", Bool, "/fill_or_kill"),
        opt("hold", Text, "/hold"),
    ],
};

pub(super) const ORDER_LINES: Sheet = Sheet {
    file: "order_lines.csv",
    required: true,
    columns: &[
        req("order_id", Text, "/order_id"),
        opt("line_id", Text, "/id"),
        req("sku", Text, "/sku"),
        req("qty", Int, "/qty"),
    ],
};

pub(super) const NODES: Sheet = Sheet {
    file: "nodes.csv",
    required: true,
    columns: &[
        req("id", Text, "/id"),
        req("kind", Kind::Choice(NODE_KINDS), "/kind"),
        opt("lat", Float, "/location/lat"),
        opt("lon", Float, "/location/lon"),
        opt("active", Bool, "/active"),
        opt("processing_days", Int, "/processing_days"),
        opt("handling_per_shipment", Float, "/handling/per_shipment"),
        opt("handling_per_unit", Float, "/handling/per_unit"),
        opt("fixed_cost", Float, "/fixed_cost"),
        opt("capacity_shipments", Int, "/capacity/shipments"),
        opt("capacity_units", Int, "/capacity/units"),
        opt("channels", List, "/channels"),
    ],
};

pub(super) const INVENTORY: Sheet = Sheet {
    file: "inventory.csv",
    required: true,
    columns: &[
        req("node", Text, "/node"),
        req("sku", Text, "/sku"),
        req("on_hand", Int, "/on_hand"),
        opt("safety_stock", Int, "/safety_stock"),
    ],
};

pub(super) const RESERVATIONS: Sheet = Sheet {
    file: "reservations.csv",
    required: false,
    columns: &[
        req("channel", Text, "/channel"),
        req("sku", Text, "/sku"),
        opt("node", Text, "/node"),
        opt("qty", Int, "/qty"),
        opt("share", Float, "/share"),
    ],
};

pub(super) const SHIP_METHODS: Sheet = Sheet {
    file: "ship_methods.csv",
    required: false,
    columns: &[
        req("id", Text, "/id"),
        opt("base_cost", Float, "/base_cost"),
        opt("per_unit", Float, "/per_unit"),
        opt("per_unit_km", Float, "/per_unit_km"),
        opt("km_per_day", Float, "/km_per_day"),
        opt("min_days", Int, "/min_days"),
    ],
};

pub(super) const LANES: Sheet = Sheet {
    file: "lanes.csv",
    required: false,
    columns: &[
        req("from", Text, "/from"),
        req("to_zone", Text, "/to_zone"),
        opt("method", Text, "/method"),
        opt("per_shipment", Float, "/per_shipment"),
        opt("per_unit", Float, "/per_unit"),
        opt("days", Int, "/days"),
    ],
};
