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

mod master;
mod pricing;
mod rounding;

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::cover::{shipment_options, CoverWorkspace};
use crate::solver::mip::highs_run::{self, Settings};
use crate::solver::{Allocation, ShipmentDecision};
use master::{Column, Master};
use pricing::{cheapest_cover, real_cost, OrderToPrice};

/// Share of the pool's time for column generation; the master MIP gets the rest.
const PRICING_SHARE: f64 = 0.5;
const MAX_PRICING_ROUNDS: usize = 50;
/// Column generation stops once a round lowers the master LP by less than this share.
const MIN_ROUND_GAIN: f64 = 2e-4;
/// The master MIP stops at this relative gap: the pool is a heuristic, its optimum no proof.
const MASTER_GAP: f64 = 1e-4;

pub struct PoolLimits<'a> {
    pub deadline: Instant,
    pub threads: u32,
    pub cancel: &'a AtomicBool,
}

/// What the pool did, for `solver.notes`.
#[derive(Debug, Clone, Default)]
pub struct PoolReport {
    pub orders: usize,
    pub columns: usize,
    pub pricing_rounds: usize,
    pub master_status: &'static str,
    /// The cost of the master LP's rounding, when it fitted.
    pub rounded: Option<f64>,
    pub cost_before: f64,
    pub cost_after: f64,
}

impl PoolReport {
    pub fn note(&self) -> String {
        format!(
            "cover pool: {} orders re-chosen from {} covers ({} pricing rounds), LP rounded to {}, \
             master MIP {}; cost {:.2} -> {:.2}",
            self.orders,
            self.columns,
            self.pricing_rounds,
            self.rounded
                .map_or("no fitting plan".to_string(), |c| format!("{c:.2}")),
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
    seen: HashSet<(OrderIdx, CoverKey)>,
}

impl Pool {
    /// Adds the cover unless the order's pool has it already; true when added.
    fn add(&mut self, model: &Model, order: OrderIdx, shipments: Vec<ShipmentDecision>) -> bool {
        let key: CoverKey = shipments
            .iter()
            .map(|s| (s.node, s.method, s.lines.clone()))
            .collect();
        let Some(cost) = real_cost(model, &shipments) else {
            return false;
        };
        if !self.seen.insert((order, key)) {
            return false;
        }
        self.columns.push(Column {
            order,
            shipments,
            cost,
        });
        true
    }
}

/// The allocation with every order's shipments re-chosen by the cover pool, within `limits`.
/// Units per line are unchanged; never costlier than `allocation`.
pub fn improve(
    model: &Model,
    allocation: &Allocation,
    limits: &PoolLimits,
) -> (Allocation, PoolReport) {
    let started = Instant::now();
    let score = |a: &Allocation| crate::solver::mip::lns::score(model, a).1;
    let mut report = PoolReport {
        cost_before: score(allocation),
        master_status: "not run",
        ..Default::default()
    };
    report.cost_after = report.cost_before;
    let mut by_order: BTreeMap<OrderIdx, Vec<ShipmentDecision>> = BTreeMap::new();
    for s in &allocation.shipments {
        let mut s = s.clone();
        s.lines.sort_unstable();
        by_order.entry(s.order).or_default().push(s);
    }
    let mut pool = Pool {
        columns: Vec::new(),
        seen: HashSet::new(),
    };
    let mut orders = Vec::with_capacity(by_order.len());
    for (&order, shipments) in &mut by_order {
        shipments.sort_by_key(|s| (s.node, s.method));
        let mut filled = vec![0i64; model.orders[order].lines.len()];
        for s in shipments.iter() {
            for &(line, qty) in &s.lines {
                filled[line] += qty;
            }
        }
        if !pool.add(model, order, shipments.clone()) {
            return (allocation.clone(), report);
        }
        orders.push(OrderToPrice {
            order,
            filled,
            options: shipment_options(model, order),
        });
    }
    report.orders = orders.len();
    if orders.is_empty() {
        // Nothing ships: nothing to re-choose (and HiGHS is not handed an empty program).
        return (allocation.clone(), report);
    }
    let current: Vec<usize> = (0..pool.columns.len()).collect();
    let mut ws = CoverWorkspace::default();
    for o in &orders {
        if let Some((_, cover)) = cheapest_cover(model, o, None, None, &mut ws) {
            pool.add(model, o.order, cover);
        }
    }
    let pricing_deadline = started
        + limits
            .deadline
            .saturating_duration_since(started)
            .mul_f64(PRICING_SHARE);
    let stopped = |until: Instant| Instant::now() >= until || limits.cancel.load(Ordering::Relaxed);
    let mut last_lp: Option<Vec<f64>> = None;
    let mut last_value = f64::INFINITY;
    while report.pricing_rounds < MAX_PRICING_ROUNDS && !stopped(pricing_deadline) {
        let master = Master::build(model, &pool.columns);
        let settings = settings(limits, pricing_deadline);
        let Some(lp) = highs_run::lp_solution(&master.program, &master.stage, settings) else {
            break;
        };
        let prices = master.prices(model, &lp.duals);
        let z_values: Vec<f64> = master.z.iter().map(|&c| lp.columns[c]).collect();
        last_lp = Some(z_values);
        let mut added = 0;
        for o in &orders {
            let Some((priced, cover)) = cheapest_cover(model, o, Some(&prices), None, &mut ws)
            else {
                continue;
            };
            let dual = prices.orders.get(&o.order).copied().unwrap_or(0.0);
            if priced - dual < -1e-6 * (1.0 + dual.abs()) && pool.add(model, o.order, cover) {
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
        if added == 0 || gain < MIN_ROUND_GAIN * lp.value.abs() {
            break;
        }
    }
    report.columns = pool.columns.len();
    // The LP's rounding, when it fits and is cheaper, starts the master MIP.
    let mut start_cover = current.clone();
    let mut best = allocation.clone();
    let mut best_cost = report.cost_before;
    if let Some(mut lp) = last_lp {
        lp.resize(pool.columns.len(), 0.0);
        let picked = rounding::round(model, &pool.columns, &lp, &current);
        {
            let rounded = plan_of(&pool.columns, &picked);
            let cost = score(&rounded);
            report.rounded = Some(cost);
            if cost < best_cost - 1e-9 {
                best = rounded;
                best_cost = cost;
                start_cover = picked;
            }
        }
    }
    report.master_status = "not run (time)";
    if !stopped(limits.deadline) {
        let master = Master::build(model, &pool.columns);
        let start = master.point(&pool.columns, &start_cover);
        let mut settings = settings(limits, limits.deadline);
        settings.mip_gap = MASTER_GAP;
        let r = highs_run::run(&master.program, &master.stage, settings, Some(&start));
        report.master_status = r.status;
        if let Some(values) = r.values {
            let picked: Vec<usize> = (0..pool.columns.len())
                .filter(|&k| values[master.z[k]] > 0.5)
                .collect();
            let chosen = plan_of(&pool.columns, &picked);
            let cost = score(&chosen);
            if cost < best_cost - 1e-9 {
                best = chosen;
                best_cost = cost;
            }
        }
    }
    report.cost_after = best_cost;
    (best, report)
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
