//! A quick plan from the master's LP: from the current plan, orders in turn, the most decided
//! first, move to a pool cover the LP values more, when it fits what the others hold (stock,
//! reservations, capacity, through the ledger). It gives the master MIP a start
//! near the LP within milliseconds, where HiGHS's own heuristics take seconds at M size.

use std::collections::BTreeMap;

use super::master::Column;
use crate::model::{Model, OrderIdx};
use crate::solver::greedy::coverable;
use crate::solver::ledger::Ledger;

/// The pool columns picked (one per order), starting from the current covers: each order in
/// turn, the most decided first, moves to the cover the LP values more than its current one,
/// when it fits what the others hold. Every step keeps the plan feasible. `lp[k]` is column
/// `k`'s LP value (0 for columns added after the LP); `current` holds each order's cover.
pub(super) fn round(
    model: &Model,
    columns: &[Column],
    lp: &[f64],
    current: &[usize],
) -> Vec<usize> {
    let mut of_order: BTreeMap<OrderIdx, Vec<usize>> = BTreeMap::new();
    for (k, c) in columns.iter().enumerate() {
        of_order.entry(c.order).or_default().push(k);
    }
    let value = |k: usize| lp[k];
    let mut orders: Vec<(OrderIdx, Vec<usize>)> = of_order.into_iter().collect();
    for (_, ks) in &mut orders {
        ks.sort_by(|&a, &b| {
            value(b)
                .total_cmp(&value(a))
                .then(columns[a].cost.total_cmp(&columns[b].cost))
                .then(a.cmp(&b))
        });
    }
    // Most decided first: their cover is the one the LP wants whatever the others do.
    orders.sort_by(|(oa, a), (ob, b)| value(b[0]).total_cmp(&value(a[0])).then(oa.cmp(ob)));
    let mut chosen: BTreeMap<OrderIdx, usize> =
        current.iter().map(|&k| (columns[k].order, k)).collect();
    let mut ledger = Ledger::new(model);
    for &k in chosen.values() {
        for s in &columns[k].shipments {
            ledger.book(s, 1);
        }
    }
    for _ in 0..ROUNDING_PASSES {
        for (order, ks) in &orders {
            let now = chosen[order];
            let preferred: Vec<usize> = ks
                .iter()
                .copied()
                .take_while(|&k| k != now && value(k) > value(now) + 1e-6)
                .collect();
            if preferred.is_empty() {
                continue;
            }
            for s in &columns[now].shipments {
                ledger.book(s, -1);
            }
            let moved = preferred
                .into_iter()
                .find(|&k| book_if_fits(model, &mut ledger, &columns[k]));
            match moved {
                Some(k) => {
                    chosen.insert(*order, k);
                }
                None => {
                    for s in &columns[now].shipments {
                        ledger.book(s, 1);
                    }
                }
            }
        }
    }
    chosen.into_values().collect()
}

/// Passes over the orders: a later order's move can free what an earlier one wanted.
const ROUNDING_PASSES: usize = 2;

/// Books the cover's shipments if the ledger holds them all; otherwise leaves it unchanged.
fn book_if_fits(model: &Model, ledger: &mut Ledger, column: &Column) -> bool {
    let lines = model.orders[column.order].lines.len();
    for (i, s) in column.shipments.iter().enumerate() {
        let mut wanted = vec![0; lines];
        for &(line, qty) in &s.lines {
            wanted[line] += qty;
        }
        if coverable(model, ledger, s.order, s.node, &wanted) != wanted {
            for booked in &column.shipments[..i] {
                ledger.book(booked, -1);
            }
            return false;
        }
        ledger.book(s, 1);
    }
    true
}
