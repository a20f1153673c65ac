//! The plan as the checker sees it: every id resolved against the model, once.
//!
//! Nothing here judges the plan; it only answers "which input order, node, method, line and SKU
//! does this entry name?" so that every check family can work on indices. Unknown ids resolve to
//! `None` (the structural checks report them); quantities are kept as written and also as
//! *counted* units, `max(0, qty)`, which is what the aggregate checks add up.

use std::collections::HashMap;

use crate::error::pointer_token;
use crate::format::Plan;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx, Quote, SkuIdx};

/// Relative and absolute tolerance for every float comparison.
pub const TOLERANCE: f64 = 1e-6;

/// Whether two figures agree: `|a − b| ≤ 1e-6·max(|a|, |b|) + 1e-6`. A NaN or an infinity
/// never agrees with anything.
pub fn close(actual: f64, expected: f64) -> bool {
    if !actual.is_finite() || !expected.is_finite() {
        return false;
    }
    let scale = actual.abs().max(expected.abs());
    (actual - expected).abs() <= TOLERANCE * scale + TOLERANCE
}

/// A float for messages: at most 6 decimals, trailing zeros dropped (`10.5`, `0.823529`).
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// `used / capacity` as a fraction, for messages and KPIs (`fallback` when `total` is 0).
pub fn ratio(used: i64, total: i64, fallback: f64) -> f64 {
    if total == 0 {
        fallback
    } else {
        used as f64 / total as f64
    }
}

/// One shipment line with its ids resolved.
#[derive(Debug, Clone)]
pub struct ShipLine {
    /// Index of the order line it names, when the order and the line id are known.
    pub line: Option<usize>,
    /// The SKU the units are of: the order line's SKU, else the SKU the plan writes, if known.
    pub sku: Option<SkuIdx>,
    /// `max(0, qty)`: what the aggregate checks count (a negative qty is reported on its own).
    pub units: i64,
}

/// One shipment with its ids resolved and, when it has a route, its quote.
#[derive(Debug, Clone)]
pub struct Ship {
    pub node: Option<NodeIdx>,
    pub method: Option<MethodIdx>,
    pub lines: Vec<ShipLine>,
    /// Σ counted units over the lines (saturating).
    pub units: i64,
    /// `model.quote(order, node, method)` when all three are known.
    pub quote: Option<Quote>,
}

impl Ship {
    /// Days late by the cost/time model, or by the plan's own figure when there is no route.
    pub fn days_late(&self, written: i64) -> i64 {
        match &self.quote {
            Some(q) => q.days_late,
            None => written.max(0),
        }
    }
}

/// The wave's model, the plan, and the plan's ids resolved against the model.
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub plan: &'a Plan,
    pub node_of: HashMap<&'a str, NodeIdx>,
    pub method_of: HashMap<&'a str, MethodIdx>,
    pub sku_of: HashMap<&'a str, SkuIdx>,
    pub order_of: HashMap<&'a str, OrderIdx>,
    /// For each plan entry (`plan.orders[e]`), the input order it names.
    pub entry_order: Vec<Option<OrderIdx>>,
    /// For each input order, the first plan entry naming it: the one aggregates count.
    pub canonical: Vec<Option<usize>>,
    /// `ships[e][s]`: shipment `s` of plan entry `e`, resolved.
    pub ships: Vec<Vec<Ship>>,
    /// `(order, line id)` → line index, for orders too long to search line by line (a plan of
    /// one 100,000-line order would otherwise take minutes to check).
    long_order_lines: HashMap<(OrderIdx, &'a str), usize>,
}

/// Orders with more lines than this have their line ids hashed in [`Ctx`].
const LINES_SEARCHED_IN_ORDER: usize = 16;

fn first_index<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (i, name) in names.enumerate() {
        index.entry(name).or_insert(i);
    }
    index
}

impl<'a> Ctx<'a> {
    pub fn new(model: &'a Model, plan: &'a Plan) -> Self {
        let node_of = first_index(model.nodes.iter().map(|n| n.id.as_str()));
        let method_of = first_index(model.methods.iter().map(|m| m.id.as_str()));
        let sku_of = first_index(model.skus.iter().map(String::as_str));
        let order_of = first_index(model.orders.iter().map(|o| o.id.as_str()));
        let entry_order: Vec<Option<OrderIdx>> = plan
            .orders
            .iter()
            .map(|r| order_of.get(r.id.as_str()).copied())
            .collect();
        let mut canonical = vec![None; model.orders.len()];
        for (e, order) in entry_order.iter().enumerate() {
            if let Some(o) = *order {
                if canonical[o].is_none() {
                    canonical[o] = Some(e);
                }
            }
        }
        let mut long_order_lines = HashMap::new();
        for (o, order) in model.orders.iter().enumerate() {
            if order.lines.len() > LINES_SEARCHED_IN_ORDER {
                for (li, line) in order.lines.iter().enumerate() {
                    long_order_lines.entry((o, line.id.as_str())).or_insert(li);
                }
            }
        }
        let mut ctx = Ctx {
            model,
            plan,
            node_of,
            method_of,
            sku_of,
            order_of,
            entry_order,
            canonical,
            ships: Vec::new(),
            long_order_lines,
        };
        ctx.ships = (0..plan.orders.len())
            .map(|e| ctx.resolve_entry(e))
            .collect();
        ctx
    }

    fn resolve_entry(&self, entry: usize) -> Vec<Ship> {
        let order = self.entry_order[entry];
        self.plan.orders[entry]
            .shipments
            .iter()
            .map(|s| {
                let node = self.node_of.get(s.node.as_str()).copied();
                let method = self.method_of.get(s.method.as_str()).copied();
                let lines: Vec<ShipLine> = s
                    .lines
                    .iter()
                    .map(|l| {
                        let line = order.and_then(|o| self.line_index(o, &l.line));
                        let sku = match (order, line) {
                            (Some(o), Some(li)) => Some(self.model.orders[o].lines[li].sku),
                            _ => self.sku_of.get(l.sku.as_str()).copied(),
                        };
                        ShipLine {
                            line,
                            sku,
                            units: l.qty.max(0),
                        }
                    })
                    .collect();
                let units = lines
                    .iter()
                    .fold(0i64, |acc, l| acc.saturating_add(l.units));
                let quote = match (order, node, method) {
                    (Some(o), Some(n), Some(m)) => self.model.quote(o, n, m),
                    _ => None,
                };
                Ship {
                    node,
                    method,
                    lines,
                    units,
                    quote,
                }
            })
            .collect()
    }

    /// Index of the line with this id in the order (the first, should ids repeat).
    pub fn line_index(&self, order: OrderIdx, line_id: &str) -> Option<usize> {
        let lines = &self.model.orders[order].lines;
        if lines.len() > LINES_SEARCHED_IN_ORDER {
            return self.long_order_lines.get(&(order, line_id)).copied();
        }
        lines.iter().position(|l| l.id == line_id)
    }

    /// Plan entries that aggregates count, in plan order: `(entry, order)`.
    pub fn canonical_entries(&self) -> impl Iterator<Item = (usize, OrderIdx)> + '_ {
        self.entry_order
            .iter()
            .enumerate()
            .filter_map(move |(e, order)| match *order {
                Some(o) if self.canonical[o] == Some(e) => Some((e, o)),
                _ => None,
            })
    }

    /// Plan entries that name an input order (duplicates included): `(entry, order)`.
    pub fn known_entries(&self) -> impl Iterator<Item = (usize, OrderIdx)> + '_ {
        self.entry_order
            .iter()
            .enumerate()
            .filter_map(|(e, order)| order.map(|o| (e, o)))
    }

    /// Units shipped per line of `order` by plan entry `entry` (counted units, saturating).
    pub fn shipped_by_line(&self, entry: usize, order: OrderIdx) -> Vec<i64> {
        let mut shipped = vec![0i64; self.model.orders[order].lines.len()];
        for ship in &self.ships[entry] {
            for l in &ship.lines {
                if let Some(li) = l.line {
                    shipped[li] = shipped[li].saturating_add(l.units);
                }
            }
        }
        shipped
    }

    /// Units shipped per line of an input order by its canonical entry (zeros when absent).
    pub fn order_shipped(&self, order: OrderIdx) -> Vec<i64> {
        match self.canonical[order] {
            Some(e) => self.shipped_by_line(e, order),
            None => vec![0; self.model.orders[order].lines.len()],
        }
    }

    /// The shipments an input order's canonical entry holds (none when absent).
    pub fn order_ships(&self, order: OrderIdx) -> &[Ship] {
        match self.canonical[order] {
            Some(e) => &self.ships[e],
            None => &[],
        }
    }

    /// Whether every shipment of every counted entry has a route and therefore a price.
    pub fn all_priced(&self) -> bool {
        self.canonical_entries()
            .all(|(e, _)| self.ships[e].iter().all(|s| s.quote.is_some()))
    }

    pub fn order_id(&self, order: OrderIdx) -> &str {
        &self.model.orders[order].id
    }

    pub fn node_id(&self, node: NodeIdx) -> &str {
        &self.model.nodes[node].id
    }

    pub fn sku_name(&self, sku: SkuIdx) -> &str {
        &self.model.skus[sku]
    }

    pub fn channel_name(&self, order: OrderIdx) -> &str {
        &self.model.channels[self.model.orders[order].channel]
    }
}

/// JSON pointers into the plan.
pub mod path {
    use super::pointer_token;

    pub fn entry(e: usize) -> String {
        format!("/orders/{e}")
    }

    pub fn shipment(e: usize, s: usize) -> String {
        format!("/orders/{e}/shipments/{s}")
    }

    pub fn shipment_field(e: usize, s: usize, field: &str) -> String {
        format!("/orders/{e}/shipments/{s}/{field}")
    }

    pub fn shipment_line(e: usize, s: usize, l: usize) -> String {
        format!("/orders/{e}/shipments/{s}/lines/{l}")
    }

    pub fn unfilled(e: usize, u: usize) -> String {
        format!("/orders/{e}/unfilled/{u}")
    }

    /// `/kpis/<group>/<name>/<field>` with the name escaped.
    pub fn kpi_group_field(group: &str, name: &str, field: &str) -> String {
        format!("/kpis/{group}/{}/{field}", pointer_token(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_uses_relative_and_absolute_tolerance() {
        assert!(close(1.0, 1.0 + 5e-7));
        assert!(close(1e9, 1e9 + 100.0));
        assert!(!close(1.0, 1.001));
        assert!(!close(f64::NAN, 1.0));
        assert!(!close(1.0, f64::NAN));
        assert!(!close(f64::INFINITY, 1.0));
        assert!(!close(f64::INFINITY, f64::INFINITY));
    }

    #[test]
    fn numbers_in_messages_drop_trailing_zeros() {
        assert_eq!(num(10.5), "10.5");
        assert_eq!(num(80.0), "80");
        assert_eq!(num(14.0 / 17.0), "0.823529");
        assert_eq!(num(-1e-9), "0");
        assert_eq!(num(f64::NAN), "NaN");
    }
}
