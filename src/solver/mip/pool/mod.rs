//! The cover pool (price and branch): every order's shipments re-chosen at once, from a pool of
//! whole covers, by a set-partitioning MIP.
//!
//! HiGHS finds good plans slowly on the compact model (`formulation`): the S preset's cost stage
//! is 34% above its optimum after 10 s, though its bound is within 1%. Choosing whole covers is
//! a much easier MIP. Each order's units per line stay as they are; the pool starts with its
//! current cover and its cheapest cover at real cost, then grows by column generation: the master
//! LP's row duals price stock, unit and shipment capacity, and each order's cheapest cover at
//! those prices ([`pricing::cheapest_cover`]) joins the pool when its reduced cost is negative.
//! The master MIP ([`master::Master`]) then picks one cover per order, started from the current
//! plan, so the result is never worse; it is kept only when cheaper.
//!
//! This is a heuristic for the plan, not a bound: reservation and fixed-cost rows are not
//! priced, and the MIP is restricted to the pool. Bounds come from elsewhere.

mod chunks;
mod master;
mod pricing;
mod rounding;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::format::{Allocation as AllocationMode, StageStats, WithinTier};
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::cover::{shipment_options, CoverWorkspace};
use crate::solver::highs::run::{self as highs_run, Settings};
use crate::solver::mip::solution;
use crate::solver::tuning::Tuning;
use crate::solver::{plan_score, units_per_line, Allocation, ShipmentDecision};
use master::{Column, Held, Master};
use pricing::{cheapest_cover, real_cost, OrderToPrice};

pub struct PoolLimits<'a> {
    /// The pool's share of pricing, its rounds and the master MIP's chunks.
    pub tuning: Tuning,
    /// Hold every line's units even where tier fills alone could be held (a later stage re-decides
    /// lines anyway, or the caller wants them kept).
    pub hold_lines: bool,
    pub deadline: Instant,
    pub threads: u32,
    pub cancel: &'a AtomicBool,
}

/// What the pool did, for `solver.notes`.
#[derive(Debug, Clone, Default)]
pub struct PoolReport {
    /// Whether every line's units were held (FIFO), not each tier's fill.
    pub lines_held: bool,
    pub orders: usize,
    pub columns: usize,
    pub pricing_rounds: usize,
    pub master_status: &'static str,
    /// Master MIPs run (one per chunk of unsettled orders).
    pub master_runs: usize,
    /// The cost of the master LP's rounding by moves from the plan ([`rounding::round`]).
    pub rounded: Option<f64>,
    /// The cost of the plan built in the LP's order ([`rounding::construct`]), when one fitted.
    pub constructed: Option<f64>,
    pub cost_before: f64,
    pub cost_after: f64,
    pub time_ms: u64,
}

impl PoolReport {
    /// Its entry in `solver.stages`: the last master MIP's status, the cost after, the pool's
    /// covers as variables. It proves no bound.
    pub fn stage(&self) -> StageStats {
        StageStats {
            name: "cover_pool".to_string(),
            status: self.master_status.to_string(),
            objective: Some(self.cost_after),
            bound: None,
            gap: None,
            time_ms: self.time_ms,
            variables: self.columns as u64,
            constraints: 0,
        }
    }

    pub fn note(&self) -> String {
        format!(
            "cover pool ({} held): {} orders re-chosen from {} covers ({} pricing rounds), LP \
             rounded to {} by moves and {} built in its order, {} master MIPs (last {}); cost \
             {:.2} -> {:.2}",
            if self.lines_held {
                "every line's units"
            } else {
                "tier fills"
            },
            self.orders,
            self.columns,
            self.pricing_rounds,
            self.rounded.map_or("–".to_string(), |c| format!("{c:.2}")),
            self.constructed
                .map_or("no fitting plan".to_string(), |c| format!("{c:.2}")),
            self.master_runs,
            self.master_status,
            self.cost_before,
            self.cost_after
        )
    }
}

/// Identifies a cover within its order's pool.
type CoverKey = Vec<(NodeIdx, MethodIdx, Vec<(usize, i64)>)>;

struct Pool {
    columns: Vec<Column>,
    seen: HashMap<(OrderIdx, CoverKey), usize>,
}

impl Pool {
    /// Adds the cover unless the order's pool has it already; true when added. `reward` is what
    /// a unit filled is worth to the master's objective.
    fn add(
        &mut self,
        model: &Model,
        order: OrderIdx,
        reward: f64,
        shipments: Vec<ShipmentDecision>,
    ) -> bool {
        let before = self.columns.len();
        self.index_of(model, order, reward, shipments) == Some(before)
    }

    /// The cover's column, added when new; `None` when it does not ship.
    fn index_of(
        &mut self,
        model: &Model,
        order: OrderIdx,
        reward: f64,
        mut shipments: Vec<ShipmentDecision>,
    ) -> Option<usize> {
        shipments.iter_mut().for_each(|s| s.lines.sort_unstable());
        shipments.sort_by_key(|s| (s.node, s.method));
        let key: CoverKey = shipments
            .iter()
            .map(|s| (s.node, s.method, s.lines.clone()))
            .collect();
        let cost = real_cost(model, &shipments)?;
        let next = self.columns.len();
        let k = *self.seen.entry((order, key)).or_insert(next);
        if k == next {
            let units: i64 = shipments.iter().map(|s| s.units()).sum();
            self.columns.push(Column {
                order,
                shipments,
                cost: cost - reward * units as f64,
            });
        }
        Some(k)
    }
}

/// What the pool holds of `allocation`: each line's units when asked or under `within_tier: fifo`
/// (its FIFO levels weigh single orders), else each tier's fill (strict) or nothing (weighted, where the
/// objective carries the unfilled penalties).
fn held_for(model: &Model, allocation: &Allocation, hold_lines: bool) -> Held {
    if hold_lines || model.policy.within_tier == WithinTier::Fifo {
        return Held::Lines;
    }
    Held::Tiers {
        tier_floor: match model.policy.allocation {
            AllocationMode::Strict => Some(solution::tier_fills(model, allocation)),
            AllocationMode::Weighted => None,
        },
    }
}

/// The orders the pool re-chooses and their pricing data: with lines held, the orders that ship
/// (each exactly its units per line); with fills free, every order not on hold that has a
/// shipment option (each any units up to its lines).
fn orders_to_price(
    model: &Model,
    held: &Held,
    by_order: &BTreeMap<OrderIdx, Vec<ShipmentDecision>>,
) -> Vec<OrderToPrice> {
    let weighted = model.policy.allocation == AllocationMode::Weighted;
    let mut out = Vec::new();
    for (o, order) in model.orders.iter().enumerate() {
        if order.is_held() {
            continue;
        }
        let qty = match (held, by_order.get(&o)) {
            (Held::Lines, None) => continue,
            (Held::Lines, Some(shipments)) => units_per_line(model, o, shipments),
            (Held::Tiers { .. }, _) => order.lines.iter().map(|l| l.qty).collect(),
        };
        let options = shipment_options(model, o);
        if options.is_empty() {
            continue;
        }
        out.push(OrderToPrice {
            order: o,
            qty,
            optional: !matches!(held, Held::Lines),
            reward: if weighted && !matches!(held, Held::Lines) {
                model.unfilled_penalty(o)
            } else {
                0.0
            },
            options,
        });
    }
    out
}

/// The allocation with every order's shipments re-chosen by the cover pool, within `limits`.
/// Tier fills (or, under FIFO, every line's units) are held; never worse than `allocation` in
/// the search's order ([`plan_score::score`]).
pub fn improve(
    model: &Model,
    allocation: &Allocation,
    limits: &PoolLimits,
) -> (Allocation, PoolReport) {
    let started = Instant::now();
    let score = |a: &Allocation| plan_score::score(model, a);
    let before = score(allocation);
    let held = held_for(model, allocation, limits.hold_lines);
    let mut report = PoolReport {
        cost_before: before.1,
        cost_after: before.1,
        lines_held: matches!(held, Held::Lines),
        master_status: "not run",
        ..Default::default()
    };
    let mut by_order: BTreeMap<OrderIdx, Vec<ShipmentDecision>> = BTreeMap::new();
    for s in &allocation.shipments {
        by_order.entry(s.order).or_default().push(s.clone());
    }
    let orders = orders_to_price(model, &held, &by_order);
    report.orders = orders.len();
    if orders.is_empty() {
        // Nothing to re-choose (and HiGHS is not handed an empty program).
        return (allocation.clone(), report);
    }
    let mut pool = Pool {
        columns: Vec::new(),
        seen: HashMap::new(),
    };
    let mut ws = CoverWorkspace::default();
    let mut current = Vec::with_capacity(by_order.len());
    for o in &orders {
        let Some(shipments) = by_order.get(&o.order) else {
            continue;
        };
        let Some(k) = pool.index_of(model, o.order, o.reward, shipments.clone()) else {
            return (allocation.clone(), report);
        };
        current.push(k);
        // The cheapest cover of the order's current units per line, at real cost.
        let exactly = OrderToPrice {
            order: o.order,
            qty: units_per_line(model, o.order, shipments),
            optional: false,
            reward: 0.0,
            options: o.options.clone(),
        };
        if let Some((_, cover)) = cheapest_cover(model, &exactly, None, &mut ws) {
            pool.add(model, o.order, o.reward, cover);
        }
    }
    if current.len() != by_order.len() {
        // An order ships that the pool does not re-choose: leave the plan as it is.
        return (allocation.clone(), report);
    }
    let pricing_deadline = started
        + limits
            .deadline
            .saturating_duration_since(started)
            .mul_f64(limits.tuning.pool_pricing_share);
    let stopped = |until: Instant| stopped(limits, until);
    let mut last_lp: Option<Vec<f64>> = None;
    let mut last_value = f64::INFINITY;
    while report.pricing_rounds < limits.tuning.pool_max_pricing_rounds
        && !stopped(pricing_deadline)
    {
        let master = Master::build(model, &pool.columns, &held);
        let settings = settings(limits, pricing_deadline);
        let Some(lp) = highs_run::lp_solution(&master.program, &master.stage, settings) else {
            break;
        };
        let prices = master.prices(model, &lp.duals);
        last_lp = Some(master.z.iter().map(|&c| lp.columns[c]).collect());
        let mut added = 0;
        for (i, o) in orders.iter().enumerate() {
            if i % 256 == 0 && stopped(limits.deadline) {
                break;
            }
            let Some((priced, cover)) = cheapest_cover(model, o, Some(&prices), &mut ws) else {
                continue;
            };
            let dual = prices.orders.get(&o.order).copied().unwrap_or(0.0);
            if priced - dual < -1e-6 * (1.0 + dual.abs())
                && pool.add(model, o.order, o.reward, cover)
            {
                added += 1;
            }
        }
        report.pricing_rounds += 1;
        if std::env::var_os("WAVEOPT_POOL_LOG").is_some() {
            eprintln!(
                "pool round {}: LP {:.2}, {} rows, {} added, {} ms",
                report.pricing_rounds,
                lp.value,
                master.program.rows.len(),
                added,
                started.elapsed().as_millis()
            );
        }
        let gain = last_value - lp.value;
        last_value = lp.value;
        if added == 0 || gain < limits.tuning.pool_min_round_gain * lp.value.abs() {
            break;
        }
    }
    // The LP's rounding, when it is better, starts the master MIP.
    let mut incumbent = chunks::Incumbent {
        plan: allocation.clone(),
        score: before,
        covers: current.clone(),
    };
    if let Some(lp) = &last_lp {
        let mut lp = lp.clone();
        lp.resize(pool.columns.len(), 0.0);
        let floor = match &held {
            Held::Tiers { tier_floor } => tier_floor.clone(),
            Held::Lines => None,
        };
        let fills_free = !report.lines_held;
        let moved = rounding::round(
            model,
            &pool.columns,
            &lp,
            &current,
            fills_free,
            floor.as_deref(),
        );
        let built = constructed(
            model,
            (&mut pool, &current),
            (&lp, &orders),
            fills_free,
            floor.as_deref(),
            limits.deadline,
            &mut ws,
        );
        for (picked, is_built) in [(Some(moved), false), (built, true)] {
            let Some(picked) = picked else { continue };
            let plan = plan_of(&pool.columns, &picked);
            let value = score(&plan);
            if is_built {
                report.constructed = Some(value.1);
            } else {
                report.rounded = Some(value.1);
            }
            if plan_score::improves(&value, &incumbent.score) {
                incumbent = chunks::Incumbent {
                    plan,
                    score: value,
                    covers: picked,
                };
            }
        }
    }
    report.columns = pool.columns.len();
    if std::env::var_os("WAVEOPT_POOL_LOG").is_some() {
        eprintln!("pool roundings done: {} ms", started.elapsed().as_millis());
    }
    report.master_status = "not run (time)";
    let lp = last_lp.map(|mut lp| {
        lp.resize(pool.columns.len(), 0.0);
        lp
    });
    let master = Master::build(model, &pool.columns, &held);
    chunks::run_master(
        model,
        &master,
        &pool.columns,
        lp.as_deref(),
        &mut incumbent,
        limits,
        &mut report,
    );
    report.cost_after = incumbent.score.1;
    report.time_ms = started.elapsed().as_millis() as u64;
    if std::env::var_os("WAVEOPT_POOL_LOG").is_some() {
        eprintln!("pool done: {} ms", started.elapsed().as_millis());
    }
    (incumbent.plan, report)
}

/// [`rounding::construct`]'s plan as pool columns (covers it found added to the pool).
fn constructed(
    model: &Model,
    (pool, current): (&mut Pool, &[usize]),
    (lp, orders): (&[f64], &[OrderToPrice]),
    fills_free: bool,
    tier_floor: Option<&[i64]>,
    deadline: Instant,
    ws: &mut CoverWorkspace,
) -> Option<Vec<usize>> {
    let picks = rounding::construct(
        model,
        (&pool.columns, current),
        lp,
        (fills_free, tier_floor),
        deadline,
        ws,
    )?;
    let reward: HashMap<OrderIdx, f64> = orders.iter().map(|o| (o.order, o.reward)).collect();
    picks
        .into_iter()
        .map(|pick| match pick {
            rounding::Pick::Column(k) => Some(k),
            rounding::Pick::Found(shipments) => {
                let order = shipments.first()?.order;
                pool.index_of(model, order, reward[&order], shipments)
            }
        })
        .collect()
}

/// The allocation of these pool columns.
fn plan_of(columns: &[Column], picked: &[usize]) -> Allocation {
    let mut plan = Allocation {
        shipments: picked
            .iter()
            .flat_map(|&k| columns[k].shipments.iter().cloned())
            .collect(),
    };
    plan.normalise();
    plan
}

/// Whether `until` has passed or the caller cancelled.
fn stopped(limits: &PoolLimits, until: Instant) -> bool {
    Instant::now() >= until || limits.cancel.load(Ordering::Relaxed)
}

fn settings<'a>(limits: &PoolLimits<'a>, until: Instant) -> Settings<'a> {
    Settings {
        time_limit_s: until
            .saturating_duration_since(Instant::now())
            .as_secs_f64()
            .max(0.01),
        mip_gap: 0.0,
        threads: limits.threads,
        cancel: Some(limits.cancel),
        max_nodes: None,
    }
}
