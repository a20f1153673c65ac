//! The *Lagrangian relaxation*: a lower bound on cost that keeps each order's shipments whole.
//!
//! The rows that link orders — stock per (node, SKU), unit and shipment capacity per node, each
//! reservation place's rows (SPEC.md §2) and (strict) the tier fills `Σ_{o in k} fill(o) ≥ F_k`
//! — are moved into the objective with prices `λ ≥ 0` (stock), `ν ≥ 0` (units), `μ ≥ 0`
//! (shipments), `ρ` (reservations, [`Prices`]) and `π ≥ 0` (tier fills). What is left splits by
//! order: each order picks its shipments, paying each one's per-shipment cost (late penalty
//! included) plus `μ` at its node, and its units, paying per-unit cost plus `λ + ν + ρ` and
//! earning `π` of its tier (weighted: its unfilled penalty), under its own rules (ship-complete,
//! fill-or-kill, at most `max_shipments_per_order`, split penalty). Node fixed costs are dropped
//! (they are ≥ 0). For any prices of those signs,
//!
//! `L = Σ_o best(o) − Σ λ·available − Σ ν·capacity_units − Σ μ·capacity_shipments − ρ·(reserved
//! and unreserved units) + Σ_k π_k·F_k` (weighted: plus `Σ penalty·units`)
//!
//! is at most the cost of every plan with tier fills ≥ F, because on such a plan every priced
//! term is ≤ 0 and each order's part is at least its best. Each order's best is found exactly by
//! a small branch and bound ([`order`]), so `L` is a proven bound whatever the prices; better
//! prices only make it higher. They start from the flow relaxation's duals when that LP was
//! solved (then `L` is at least the flow bound: with those prices each order's priced cost is at
//! least the flow LP's), and are improved by Kelley's cutting planes ([`master`], the
//! Dantzig–Wolfe master over the covers found so far) while its LP solves within its share of
//! the time, then by projected subgradient steps (which leave the reservation prices as they
//! are).

mod master;
mod order;
mod prices;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::format::Allocation as Policy;
use crate::model::Model;
use crate::solver::Allocation;
use master::Master;
use order::{solve_order, OrderCandidates, Workspace};
pub use prices::Prices;

/// The best Lagrangian bound found, its prices, and what it took.
#[derive(Debug, Clone)]
pub struct LagrangianBound {
    pub prices: Prices,
    pub value: f64,
    /// Evaluations of the relaxation (each at one set of prices).
    pub iterations: usize,
    /// How many of those prices came from the master LP ([`master`]); the rest are subgradient
    /// steps.
    pub master_rounds: usize,
    /// Orders whose subproblem search was cut short in the best iteration (their part is then a
    /// bound below their optimum, so the total stays a bound).
    pub orders_cut_short: usize,
    pub time_ms: u64,
}

/// The Lagrangian's best prices so far, posted for the search to steer by
/// ([`crate::solver::polish::reassign_priced`]). Each post has a new version number.
#[derive(Default)]
pub struct PriceBoard {
    latest: Mutex<(u64, Option<Arc<Prices>>)>,
}

impl PriceBoard {
    pub fn post(&self, prices: &Prices) {
        if let Ok(mut latest) = self.latest.lock() {
            latest.0 += 1;
            latest.1 = Some(Arc::new(prices.clone()));
        }
    }

    /// The latest prices, if posted after version `seen`.
    pub fn newer_than(&self, seen: u64) -> Option<(u64, Arc<Prices>)> {
        let latest = self.latest.lock().ok()?;
        let prices = latest.1.clone()?;
        (latest.0 > seen).then_some((latest.0, prices))
    }
}

/// Kelley's rounds: when they are tried, how much of the time each master LP may take, and how
/// they smooth the prices. Defaults in [`crate::solver::tuning::Tuning`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MasterLimits {
    /// The rounds are tried only when the time left after the first evaluation holds this many
    /// more (they need tens, each with an evaluation).
    pub min_evaluations: f64,
    /// Share of the time left the first master LP (from scratch) may take; when it does not
    /// fit, the subgradient steps lose only that share.
    pub first_share: f64,
    /// Share of the time left each later master LP may take.
    pub share: f64,
    /// Seconds a master LP takes per square of its rows (by [`Master::first_rows`]), about:
    /// the rounds are tried only when `share` of the time left holds that for the first rows,
    /// since an LP's time grows faster than its size. (The very first LP, over the start plan's
    /// covers alone, is quick; the second, with the first evaluation's, is the costly one.)
    pub seconds_per_row_squared: f64,
    /// How far the next prices stay toward the best so far (Wentges' smoothing).
    pub smoothing: f64,
}

impl Default for MasterLimits {
    fn default() -> Self {
        MasterLimits {
            min_evaluations: 40.0,
            first_share: 0.1,
            share: 0.25,
            seconds_per_row_squared: 1e-8,
            smoothing: 0.5,
        }
    }
}

/// How long and how hard the relaxation may work.
#[derive(Clone, Copy)]
pub struct Effort<'a> {
    pub deadline: Instant,
    /// Set from outside to stop early (the bound so far is returned).
    pub stop: Option<&'a AtomicBool>,
    /// Where every improvement's prices are posted.
    pub board: Option<&'a PriceBoard>,
    pub master: MasterLimits,
}

/// At most this many subgradient steps; the bound is also returned at the deadline.
pub const MAX_ITERATIONS: usize = 300;

/// The Lagrangian bound for plans whose tier k fills at least `tier_fills[k]` (strict; unused
/// when weighted), from `start` prices (or zero stock and capacity prices with each tier priced at
/// its per-unit marginal rate), improved by Kelley's rounds ([`master`], which start from the
/// covers of `plan` when given: a plan with these fills) and subgradient steps aimed at `target`
/// (a plan's cost) within `effort` ([`MAX_ITERATIONS`] evaluations at most). `None` when not
/// even one evaluation finished.
pub fn lagrangian_bound(
    model: &Model,
    tier_fills: &[i64],
    start: Option<Prices>,
    (target, plan): (f64, Option<&Allocation>),
    effort: &Effort,
) -> Option<LagrangianBound> {
    let Effort {
        deadline,
        stop,
        board,
        master: limits,
    } = *effort;
    let started = Instant::now();
    let stopped = || stop.is_some_and(|s| s.load(Ordering::Relaxed)) || Instant::now() >= deadline;
    let orders: Vec<usize> = (0..model.orders.len())
        .filter(|&o| !model.orders[o].is_held())
        .collect();
    // Each order's shipment options are kept between iterations unless that would take more
    // than CACHED_OPTIONS_LIMIT entries (XL); then they are recomputed every time.
    let cache = orders.len() * model.nodes.len() * model.methods.len() <= CACHED_OPTIONS_LIMIT;
    let mut candidates = Vec::new();
    if cache {
        for (i, &o) in orders.iter().enumerate() {
            if i % 1024 == 0 && stopped() {
                return None;
            }
            candidates.push(OrderCandidates::new(model, o));
        }
    }
    let source = if cache {
        Source::Cached(&candidates)
    } else {
        Source::OnTheFly(&orders)
    };
    let weighted = model.policy.allocation == Policy::Weighted;
    let fills: Vec<i64> = (0..model.tiers.len())
        .map(|k| {
            if weighted {
                0
            } else {
                tier_fills.get(k).copied().unwrap_or(0)
            }
        })
        .collect();
    let mut prices = start.unwrap_or_else(|| {
        let mut p = Prices::zero(model);
        p.tiers = super::marginal_rates(model, &fills);
        p
    });
    let mut ws = Workspace::default();
    let mut best: Option<LagrangianBound> = None;
    let mut step_scale = 1.0;
    let mut since_gain = 0;
    // Kelley's rounds ([`master`]) while the master LP solves in time and each evaluation finds
    // a cover it lacks; subgradient steps from the best prices after that.
    // Written after the first evaluation, when the rounds are worth trying.
    let mut kelley: Option<Master> = None;
    let mut master_rounds = 0;
    let mut smoothing = limits.smoothing;
    let mut last_master: Option<Prices> = None;
    // Whether the prices just evaluated were smoothed toward the best (not the master's own).
    let mut smoothed_last = false;
    for iteration in 0..MAX_ITERATIONS {
        let known = kelley.as_ref().map_or(0, Master::len);
        let evaluated = Instant::now();
        let Some(eval) = evaluate(
            model,
            &source,
            &prices,
            &fills,
            &mut ws,
            &stopped,
            kelley.as_mut(),
        ) else {
            break;
        };
        let gained = best
            .as_ref()
            .is_none_or(|b| eval.value > b.value + 1e-9 * b.value.abs().max(1.0));
        if gained {
            if let Some(board) = board {
                board.post(&prices);
            }
            best = Some(LagrangianBound {
                prices: prices.clone(),
                value: eval.value,
                iterations: 0,
                master_rounds: 0,
                orders_cut_short: eval.cut_short,
                time_ms: 0,
            });
        }
        let Some(b) = best.as_mut() else { break };
        let left = deadline.saturating_duration_since(Instant::now());
        // The master's size is counted only after the first evaluation, once.
        let first_lp = || {
            plan.map_or(0.0, |p| {
                (Master::first_rows(model, p) as f64).powi(2) * limits.seconds_per_row_squared
            })
        };
        if iteration == 0
            && left >= evaluated.elapsed().mul_f64(limits.min_evaluations)
            && left.as_secs_f64() * limits.share >= first_lp()
        {
            // Kelley needs tens of rounds, each with an evaluation: with time for fewer, the
            // subgradient steps are the better use of it (and the master is never written).
            let mut master = Master::new(model, &fills, weighted);
            if let Some(plan) = plan {
                master.add_plan(model, plan);
            }
            kelley = Some(master);
        }
        b.iterations = iteration + 1;
        b.master_rounds = master_rounds;
        b.time_ms = started.elapsed().as_millis() as u64;
        let best_value = b.value;
        if let Some(found) = kelley.as_mut() {
            // Wentges' smoothing: the next prices lie between the best so far and the master's;
            // after a point that gained nothing, the master's own (which always teach it).
            smoothing = if gained || smoothing == 0.0 {
                limits.smoothing
            } else {
                0.0
            };
            if found.len() == known {
                // Nothing new for the master: try its own prices once, else it has converged
                // as far as these subproblems' budgets allow.
                match last_master.take() {
                    Some(master) if smoothed_last => {
                        prices = master;
                        smoothed_last = false;
                    }
                    _ => {
                        kelley = None;
                        prices = b.prices.clone();
                    }
                }
                continue;
            }
            // The master gets a share of the time left; when it needs more, the subgradient
            // steps it would have taken are the better use of the time.
            let share = if master_rounds == 0 {
                limits.first_share
            } else {
                limits.share
            };
            let left = deadline
                .saturating_duration_since(Instant::now())
                .mul_f64(share);
            // A unit a tier lacks in the master costs twice the best price so far (at least 2),
            // so the next prices raise that tier's.
            let short_cost: Vec<f64> = b.prices.tiers.iter().map(|&p| 2.0 * p.max(1.0)).collect();
            let next = (!stopped())
                .then(|| found.prices(model, &short_cost, left.as_secs_f64()))
                .flatten();
            match next {
                Some((master, estimate)) => {
                    master_rounds += 1;
                    if estimate - best_value <= 1e-7 * estimate.abs().max(1.0) {
                        // No cover can lower the master: the best prices this relaxation has.
                        break;
                    }
                    prices = b.prices.toward(&master, 1.0 - smoothing);
                    smoothed_last = smoothing > 0.0;
                    last_master = Some(master);
                    continue;
                }
                None => {
                    kelley = None;
                    prices = b.prices.clone();
                    continue;
                }
            }
        }
        if gained {
            since_gain = 0;
        } else {
            since_gain += 1;
            if since_gain >= 5 {
                step_scale /= 2.0;
                since_gain = 0;
            }
        }
        let gap = target - eval.value;
        if gap <= 1e-9 * target.abs().max(1.0) || step_scale < 1e-3 {
            break;
        }
        if !eval.step(&mut prices, step_scale * gap) {
            break; // a zero subgradient: these prices are optimal
        }
    }
    best
}

/// Above this many (order, node, method) triples the options are not cached (about 32 bytes
/// each): L's 6M are, XL's 60M are recomputed per iteration.
const CACHED_OPTIONS_LIMIT: usize = 10_000_000;

/// Where an iteration gets each order's shipment options.
enum Source<'a> {
    Cached(&'a [OrderCandidates]),
    OnTheFly(&'a [usize]),
}

/// The relaxation at one set of prices: its value and a subgradient.
struct Evaluation {
    value: f64,
    cut_short: usize,
    /// Row activity minus right-hand side, per priced row (same layout as [`Prices`]).
    stock: Vec<(usize, f64)>,
    units: Vec<f64>,
    shipments: Vec<f64>,
    tiers: Vec<f64>,
}

fn evaluate(
    model: &Model,
    source: &Source,
    prices: &Prices,
    fills: &[i64],
    ws: &mut Workspace,
    stopped: &dyn Fn() -> bool,
    mut master: Option<&mut Master>,
) -> Option<Evaluation> {
    let weighted = model.policy.allocation == Policy::Weighted;
    let nodes = model.nodes.len();
    let skus = model.skus.len();
    let mut value = 0.0;
    let mut cut_short = 0;
    let mut used_stock: std::collections::HashMap<usize, i64> = std::collections::HashMap::new();
    let mut used_units = vec![0i64; nodes];
    let mut used_shipments = vec![0i64; nodes];
    let mut filled = vec![0i64; model.tiers.len()];
    let count = match source {
        Source::Cached(c) => c.len(),
        Source::OnTheFly(o) => o.len(),
    };
    let mut fresh;
    for i in 0..count {
        if i % 256 == 0 && stopped() {
            return None;
        }
        let oc = match source {
            Source::Cached(c) => &c[i],
            Source::OnTheFly(o) => {
                fresh = OrderCandidates::new(model, o[i]);
                &fresh
            }
        };
        let o = &model.orders[oc.order];
        let reward = if weighted {
            value += model.unfilled_penalty(oc.order) * o.units() as f64;
            model.unfilled_penalty(oc.order)
        } else {
            prices.tiers[o.tier]
        };
        let solution = solve_order(model, prices, oc, reward, ws);
        if let Some(master) = master.as_deref_mut() {
            master.add(oc.order, &solution);
        }
        value += solution.value;
        cut_short += usize::from(solution.cut_short);
        for (n, _, lines) in &solution.cover {
            used_shipments[*n] += 1;
            for &(l, units) in lines {
                *used_stock.entry(n * skus + o.lines[l].sku).or_insert(0) += units;
                used_units[*n] += units;
                filled[o.tier] += units;
            }
        }
    }
    // The priced rows' right-hand sides, and the subgradient of every stock row with a price or
    // with more used than available.
    let mut stock: Vec<(usize, f64)> = Vec::new();
    for (i, &price) in prices.stock.iter().enumerate() {
        if price > 0.0 {
            let available = model.available(i / skus, i % skus) as f64;
            value -= price * available;
            if !used_stock.contains_key(&i) {
                stock.push((i, -available));
            }
        }
    }
    value -= prices.reservation_worth(model);
    for (n, node) in model.nodes.iter().enumerate() {
        value -= prices.units[n] * node.capacity_units.unwrap_or(0) as f64;
        value -= prices.shipments[n] * node.capacity_shipments.unwrap_or(0) as f64;
    }
    if !weighted {
        for (k, &f) in fills.iter().enumerate() {
            value += prices.tiers[k] * f as f64;
        }
    }
    for (&i, &u) in &used_stock {
        stock.push((i, (u - model.available(i / skus, i % skus)) as f64));
    }
    stock.sort_by_key(|&(i, _)| i);
    let capacity_gap = |used: &[i64], cap: fn(&crate::model::Node) -> Option<i64>| -> Vec<f64> {
        model
            .nodes
            .iter()
            .zip(used)
            .map(|(n, &u)| cap(n).map_or(0.0, |c| (u - c) as f64))
            .collect()
    };
    let tiers = if weighted {
        vec![0.0; model.tiers.len()]
    } else {
        fills
            .iter()
            .zip(&filled)
            .map(|(&f, &got)| (f - got) as f64)
            .collect()
    };
    Some(Evaluation {
        value,
        cut_short,
        stock,
        units: capacity_gap(&used_units, |n| n.capacity_units),
        shipments: capacity_gap(&used_shipments, |n| n.capacity_shipments),
        tiers,
    })
}

impl Evaluation {
    /// One projected subgradient step of Polyak length `aim / ‖g‖²`. Components that would push
    /// a zero price below zero are left out of the direction. `false` when the direction is zero.
    fn step(&self, prices: &mut Prices, aim: f64) -> bool {
        let keep = |price: f64, g: f64| if price <= 0.0 && g < 0.0 { 0.0 } else { g };
        let mut norm = 0.0;
        for &(i, g) in &self.stock {
            norm += keep(prices.stock[i], g).powi(2);
        }
        let pairs = [
            (&prices.units, &self.units),
            (&prices.shipments, &self.shipments),
            (&prices.tiers, &self.tiers),
        ];
        for (p, g) in pairs {
            norm += p
                .iter()
                .zip(g)
                .map(|(&p, &g)| keep(p, g).powi(2))
                .sum::<f64>();
        }
        if norm <= 0.0 {
            return false;
        }
        let t = aim / norm;
        for &(i, g) in &self.stock {
            prices.stock[i] = (prices.stock[i] + t * g).max(0.0);
        }
        let update = |p: &mut Vec<f64>, g: &[f64]| {
            for (p, &g) in p.iter_mut().zip(g) {
                *p = (*p + t * g).max(0.0);
            }
        };
        update(&mut prices.units, &self.units);
        update(&mut prices.shipments, &self.shipments);
        update(&mut prices.tiers, &self.tiers);
        true
    }
}
