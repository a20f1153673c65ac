//! Quick plans from the master's LP, to start the master MIP near the LP within milliseconds,
//! where HiGHS's own heuristics take seconds at M size. Both check every cover against what the
//! others hold (stock, reservations, capacity) through the ledger:
//! - [`round`] moves orders from the current plan, so every step is a feasible plan;
//! - [`construct`] builds a plan from nothing in the LP's order, which follows the LP much
//!   further but can fail.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use super::master::Column;
use crate::model::{Model, OrderIdx};
use crate::solver::cover::CoverWorkspace;
use crate::solver::ledger::Ledger;
use crate::solver::polish::{book_cheapest_cover, book_if_room};
use crate::solver::{units_per_line, ShipmentDecision};

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
    let value = |k: usize| lp[k];
    let orders = by_lp_value(columns, lp);
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
    book_if_room(model, ledger, &column.shipments)
}

/// One order's part of a constructed plan: a pool column, or a cover found at what the others
/// left when no pool column fitted.
#[derive(Debug, Clone)]
pub(super) enum Pick {
    Column(usize),
    Found(Vec<ShipmentDecision>),
}

/// Attempts of [`construct`] that put the orders that found no cover before first, before it
/// pins them to their current covers instead; it pins earlier once a quarter of its time is
/// gone (on L one attempt takes about a tenth of a second).
const CONSTRUCT_ATTEMPTS: usize = 32;

/// A plan built from nothing, orders in turn, the most decided first: each takes the pool cover
/// the LP values most that still fits what the earlier ones took. With lines held, an order no
/// pool cover fits gets the cheapest cover of its units at what is left; with fills free, it
/// ships nothing. When some order finds no cover, the plan is built again with the orders that
/// failed so far placed first, the latest first (the "squeaky wheel").
/// After [`CONSTRUCT_ATTEMPTS`] such attempts, the orders that ever failed are pinned to their
/// cover in the current plan (`current`, one pool column per order) and booked before all
/// others, and so are those that fail after them, attempt after attempt: pinned covers are part of a valid plan, so they always fit
/// together, and with every order pinned the plan is the current one. (A tier plan packed
/// tightly by the tier engine's repair can leave no room to build M's or L's plan from nothing
/// in any order.) `None` when a tier's fill ends below `tier_floor` or when `deadline` passes
/// first.
///
/// Where [`round`] moves orders from the current plan one at a time, and so stops at the first
/// order another one blocks, this follows the LP wherever the LP is integral: on M, [`round`]
/// makes only 870 of the LP's moves.
pub(super) fn construct(
    model: &Model,
    (columns, current): (&[Column], &[usize]),
    lp: &[f64],
    (fills_free, tier_floor): (bool, Option<&[i64]>),
    deadline: Instant,
    ws: &mut CoverWorkspace,
) -> Option<Vec<Pick>> {
    let orders = by_lp_value(columns, lp);
    let current_of: HashMap<OrderIdx, usize> =
        current.iter().map(|&k| (columns[k].order, k)).collect();
    let mut first: Vec<usize> = Vec::new();
    let mut pinned = vec![false; orders.len()];
    // Each pinning attempt pins at least one more order (pinned ones never fail), so they end
    // by `orders.len()` attempts at the latest, or at the deadline.
    let started = Instant::now();
    let squeaky_until = started + deadline.saturating_duration_since(started) / 4;
    let mut pinning = false;
    for attempts in 1..=CONSTRUCT_ATTEMPTS + orders.len() {
        if Instant::now() >= deadline {
            return None;
        }
        let mut placed = vec![false; orders.len()];
        let sequence: Vec<usize> = first
            .iter()
            .copied()
            .chain(0..orders.len())
            .filter(|&i| !std::mem::replace(&mut placed[i], true))
            .collect();
        let mut ledger = Ledger::new(model);
        let mut tier_fill = vec![0i64; model.tiers.len()];
        let mut picks = Vec::with_capacity(orders.len());
        let mut failed = Vec::new();
        let pins = (0..orders.len()).filter(|&i| pinned[i]);
        let unpinned = sequence.into_iter().filter(|&i| !pinned[i]);
        for i in pins.chain(unpinned) {
            let (order, ks) = &orders[i];
            let pick = match current_of.get(order) {
                Some(&k) if pinned[i] => {
                    book_if_fits(model, &mut ledger, &columns[k]).then_some(Some(Pick::Column(k)))
                }
                _ => pick_cover(model, columns, lp, fills_free, &mut ledger, *order, ks, ws),
            };
            let Some(pick) = pick else {
                failed.push(i);
                continue;
            };
            if let Some(pick) = pick {
                tier_fill[model.orders[*order].tier] += match &pick {
                    Pick::Column(k) => columns[*k].units(),
                    Pick::Found(s) => s.iter().map(|s| s.units()).sum(),
                };
                picks.push(pick);
            }
        }
        if std::env::var_os("WAVEOPT_POOL_LOG").is_some() {
            eprintln!("pool construct attempt {attempts}: {} failed", failed.len());
        }
        if failed.is_empty() {
            let short =
                tier_floor.is_some_and(|floor| tier_fill.iter().zip(floor).any(|(f, m)| f < m));
            return (!short).then_some(picks);
        }
        if pinning {
            for &i in &failed {
                pinned[i] = true;
            }
        } else if attempts == CONSTRUCT_ATTEMPTS || Instant::now() >= squeaky_until {
            // Pinning starts with every order that has failed in any attempt.
            pinning = true;
            for &i in failed.iter().chain(&first) {
                pinned[i] = true;
            }
        }
        // The latest to fail go first of all: an order that fails again is blocked by one of
        // the earlier failures.
        failed.append(&mut first);
        first = failed;
    }
    None
}

/// The order's part of [`construct`], booked on the ledger: `Some(None)` ships nothing (fills
/// free), `None` when no cover fits (lines held).
#[allow(clippy::too_many_arguments)]
fn pick_cover(
    model: &Model,
    columns: &[Column],
    lp: &[f64],
    fills_free: bool,
    ledger: &mut Ledger,
    order: OrderIdx,
    ks: &[usize],
    ws: &mut CoverWorkspace,
) -> Option<Option<Pick>> {
    if fills_free {
        // Nothing is the choice once the LP values it more than the covers left.
        let nothing = 1.0 - ks.iter().map(|&k| lp[k]).sum::<f64>();
        return Some(
            ks.iter()
                .take_while(|&&k| lp[k] >= nothing)
                .find(|&&k| book_if_fits(model, ledger, &columns[k]))
                .map(|&k| Pick::Column(k)),
        );
    }
    if let Some(&k) = ks
        .iter()
        .find(|&&k| book_if_fits(model, ledger, &columns[k]))
    {
        return Some(Some(Pick::Column(k)));
    }
    let units = units_per_line(model, order, &columns[ks[0]].shipments);
    book_cheapest_cover(model, ledger, order, &units, None, f64::INFINITY, ws)
        .map(|found| Some(Pick::Found(found)))
}

/// Each order's pool columns, the LP's favourite first (then the cheaper), orders with the most
/// decided favourite first.
fn by_lp_value(columns: &[Column], lp: &[f64]) -> Vec<(OrderIdx, Vec<usize>)> {
    let mut of_order: BTreeMap<OrderIdx, Vec<usize>> = BTreeMap::new();
    for (k, c) in columns.iter().enumerate() {
        of_order.entry(c.order).or_default().push(k);
    }
    let mut orders: Vec<(OrderIdx, Vec<usize>)> = of_order.into_iter().collect();
    for (_, ks) in &mut orders {
        ks.sort_by(|&a, &b| {
            lp[b]
                .total_cmp(&lp[a])
                .then(columns[a].cost.total_cmp(&columns[b].cost))
                .then(a.cmp(&b))
        });
    }
    orders.sort_by(|(oa, a), (ob, b)| lp[b[0]].total_cmp(&lp[a[0]]).then(oa.cmp(ob)));
    orders
}
