//! A quick plan from the master's LP: from the current plan, orders in turn, the most decided
//! first, move to a pool cover the LP values more than what they have, when it fits what the
//! others hold (stock, reservations, capacity, through the ledger) and keeps every tier's fill at
//! its floor. Every step keeps the plan feasible. It gives the master MIP a start near the LP
//! within milliseconds, where HiGHS's own heuristics take seconds at M size.

use std::collections::BTreeMap;

use super::master::Column;
use crate::model::{Model, OrderIdx};
use crate::solver::greedy::coverable;
use crate::solver::ledger::Ledger;

/// Passes over the orders: a later order's move can free what an earlier one wanted.
const ROUNDING_PASSES: usize = 2;

/// The pool columns picked (at most one per order). `lp[k]` is column `k`'s LP value (0 for
/// columns added after the LP); `current` holds the covers of the orders that ship now. With
/// `fills_free`, an order may also ship nothing, keeping each tier's fill at least `tier_floor`
/// when given.
pub(super) fn round(
    model: &Model,
    columns: &[Column],
    lp: &[f64],
    current: &[usize],
    fills_free: bool,
    tier_floor: Option<&[i64]>,
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
    let mut tier_fill = vec![0i64; model.tiers.len()];
    for &k in chosen.values() {
        for s in &columns[k].shipments {
            ledger.book(s, 1);
        }
        tier_fill[model.orders[columns[k].order].tier] += columns[k].units();
    }
    for _ in 0..ROUNDING_PASSES {
        for (order, ks) in &orders {
            let now = chosen.get(order).copied();
            // With fills free, shipping nothing is a choice too, worth what the covers leave.
            let nothing = 1.0 - ks.iter().map(|&k| value(k)).sum::<f64>();
            let value_of = |c: Option<usize>| c.map_or(nothing, value);
            let mut options: Vec<Option<usize>> = ks.iter().copied().map(Some).collect();
            if fills_free {
                let at = options
                    .iter()
                    .position(|&c| value_of(c) < nothing)
                    .unwrap_or(options.len());
                options.insert(at, None);
            }
            let preferred: Vec<Option<usize>> = options
                .into_iter()
                .take_while(|&c| c != now && value_of(c) > value_of(now) + 1e-6)
                .collect();
            if preferred.is_empty() {
                continue;
            }
            let tier = model.orders[*order].tier;
            let units = |c: Option<usize>| c.map_or(0, |k| columns[k].units());
            if let Some(k) = now {
                for s in &columns[k].shipments {
                    ledger.book(s, -1);
                }
            }
            let keeps_floor = |c: Option<usize>| {
                tier_floor
                    .is_none_or(|floor| tier_fill[tier] - units(now) + units(c) >= floor[tier])
            };
            let moved = preferred
                .into_iter()
                .filter(|&c| keeps_floor(c))
                .find(|&c| match c {
                    Some(k) => book_if_fits(model, &mut ledger, &columns[k]),
                    None => true,
                });
            match moved {
                Some(c) => {
                    tier_fill[tier] += units(c) - units(now);
                    match c {
                        Some(k) => chosen.insert(*order, k),
                        None => chosen.remove(order),
                    };
                }
                None => {
                    if let Some(k) = now {
                        for s in &columns[k].shipments {
                            ledger.book(s, 1);
                        }
                    }
                }
            }
        }
    }
    chosen.into_values().collect()
}

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
