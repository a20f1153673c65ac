//! Large-neighbourhood search: the optimizer's route for waves too large to solve as one MIP in
//! the time given, and its last phase when the monolithic MIP stops unproven.
//!
//! Each round frees a small set of orders (a *neighbourhood*), keeps every other shipment, and
//! solves the freed orders exactly with the same staged MIP as the whole wave, on the residual
//! model of what the kept shipments leave ([`Model::residual`]). The round's start is the freed
//! orders' current plan, so a round never makes the plan worse; it is kept only when it is
//! strictly better: under `strict`, higher tier fills lexicographically, then lower cost; under
//! `weighted`, lower cost plus unfilled penalties.
//!
//! Neighbourhoods alternate between orders shipping near one another (they compete for the same
//! nodes) and orders sharing SKUs (they compete for the same stock), seeded first from the orders
//! with the most to gain: unfilled, late or split. Sub-problems stop at a node limit, not a time
//! limit, so rounds give the same answer on any machine; the overall deadline still stops the
//! search, and the notes say when it did.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

mod neighbourhoods;
mod solve;

use crate::format::StageStats;
use crate::model::residual::KeptUse;
use crate::model::{Model, OrderIdx};
use crate::solver::bound::{PriceBoard, Prices};
use crate::solver::ledger::Ledger;
use crate::solver::plan_score::{improves, score};
use crate::solver::polish;
use crate::solver::tuning::Tuning;
use crate::solver::{Allocation, ShipmentDecision};
use solve::{reroute_residual, solve_residual};

pub struct Limits<'a> {
    pub deadline: Instant,
    pub max_rounds: usize,
    pub mip_gap: f64,
    pub threads: u32,
    pub cancel: &'a AtomicBool,
    /// Whether rounds may re-decide fills (staged rounds seeded by short orders). Without them
    /// every round holds each line's fill and lowers cost only.
    pub staged_rounds: bool,
    /// Where the Lagrangian relaxation posts its prices; between rounds the search re-sources
    /// every order by them ([`steer_by_prices`]) when new ones have come.
    pub prices: Option<&'a PriceBoard>,
    pub tuning: Tuning,
}

/// What the search did, for `solver.stages` and `solver.notes`.
#[derive(Debug, Clone)]
pub struct Report {
    pub rounds: usize,
    pub improved: usize,
    /// Passes steered by the Lagrangian's prices, and how many lowered the cost.
    pub price_passes: usize,
    pub price_passes_improved: usize,
    pub stopped_on_time: bool,
    pub cost_before: f64,
    pub cost_after: f64,
    pub fills_before: Vec<i64>,
    pub fills_after: Vec<i64>,
    pub time_ms: u64,
}

impl Report {
    pub fn stage(&self) -> StageStats {
        StageStats {
            name: "lns".to_string(),
            status: if self.stopped_on_time {
                "time_limit"
            } else {
                "rounds_done"
            }
            .to_string(),
            objective: Some(self.cost_after),
            bound: None,
            gap: None,
            time_ms: self.time_ms,
            variables: 0,
            constraints: 0,
        }
    }

    pub fn note(&self) -> String {
        let mut note = format!(
            "large-neighbourhood search: {} rounds, {} improved; cost {:.2} -> {:.2}, tier fills \
             {:?} -> {:?}",
            self.rounds,
            self.improved,
            self.cost_before,
            self.cost_after,
            self.fills_before,
            self.fills_after
        );
        if self.price_passes > 0 {
            note.push_str(&format!(
                "; {} passes re-sourcing every order at the Lagrangian relaxation's prices, {} \
                 lowered the cost",
                self.price_passes, self.price_passes_improved
            ));
        }
        if self.stopped_on_time {
            note.push_str(
                "; stopped by the time limit, so the number of rounds (and the plan) depends on \
                 the machine's speed",
            );
        }
        note
    }
}

/// Improves `start` round by round until `limits` stop it. The result is never worse than
/// `start` in the policy's order (see the module docs).
pub fn improve(model: &Model, start: Allocation, limits: &Limits) -> (Allocation, Report) {
    let started = Instant::now();
    let mut search = Search::new(model, start, &limits.tuning);
    let (fills_before, cost_before) = score(model, &search.allocation());
    let mut rounds = 0;
    let mut improved = 0;
    let mut stopped_on_time = false;
    let seed_list: Vec<(OrderIdx, Mode)> = search
        .seeds()
        .into_iter()
        .filter(|&(_, mode)| limits.staged_rounds || mode == Mode::Routing)
        .collect();
    // Every seed, twice over (so routing seeds see both kinds of neighbourhood), without a gain:
    // a local optimum.
    let converged_after = 2 * seed_list.len();
    let mut since_gain = 0;
    let mut seeds = seed_list.into_iter().cycle();
    let mut steering = Steering::default();
    let spacing = limits
        .deadline
        .saturating_duration_since(started)
        .mul_f64(limits.tuning.price_pass_spacing);
    while rounds < limits.max_rounds && since_gain < converged_after {
        if limits.cancel.load(Ordering::Relaxed) || Instant::now() >= limits.deadline {
            stopped_on_time = true;
            break;
        }
        if let Some(board) = limits.prices {
            let due = steering.last.is_none_or(|t| t.elapsed() >= spacing);
            if let Some((version, prices)) = board.newer_than(steering.seen).filter(|_| due) {
                steering.seen = version;
                steering.last = Some(Instant::now());
                let (passes, gained) = steer_by_prices(model, &mut search, &prices, limits);
                steering.passes += passes;
                steering.improved += gained;
                if gained > 0 {
                    since_gain = 0;
                }
            }
        }
        let Some((seed, mode)) = seeds.next() else {
            break;
        };
        // Staged rounds (fills re-decided) gather the orders competing for the seed's SKUs;
        // routing rounds (fills held) alternate between those and the seed's neighbours.
        let hood = if mode == Mode::Routing && rounds % 2 == 0 {
            search.near(seed)
        } else {
            search.sharing_skus(seed, rounds)
        };
        let (better, proven) = search.round(&hood, mode, limits);
        improved += usize::from(better);
        since_gain = if better { 0 } else { since_gain + 1 };
        search.adapt(proven, &limits.tuning);
        rounds += 1;
    }
    let allocation = search.allocation();
    let (fills_after, cost_after) = score(model, &allocation);
    let report = Report {
        rounds,
        improved,
        price_passes: steering.passes,
        price_passes_improved: steering.improved,
        stopped_on_time,
        cost_before,
        cost_after,
        fills_before,
        fills_after,
        time_ms: started.elapsed().as_millis() as u64,
    };
    (allocation, report)
}

/// When the search last steered by prices, and by which.
#[derive(Default)]
struct Steering {
    seen: u64,
    last: Option<Instant>,
    passes: usize,
    improved: usize,
}

/// Passes that re-source every order at `prices` ([`polish::reassign_priced`]: contested stock
/// is dear, so orders with a nearly as good cover elsewhere leave it) and then once more at real
/// cost ([`polish::reassign_until`]); each is kept only if the plan's score improves, and they stop at the first that does
/// not. Fills per line never change. Returns (passes, passes kept).
fn steer_by_prices<'m>(
    model: &'m Model,
    search: &mut Search<'m>,
    prices: &Prices,
    limits: &Limits,
) -> (usize, usize) {
    let mut current = search.allocation();
    let mut current_score = score(model, &current);
    let (mut passes, mut kept) = (0, 0);
    while passes < limits.tuning.price_passes
        && Instant::now() < limits.deadline
        && !limits.cancel.load(Ordering::Relaxed)
    {
        passes += 1;
        let priced = polish::reassign_priced(model, &current, prices, Some(limits.deadline));
        let candidate = polish::reassign_until(model, &priced, Some(limits.deadline));
        let candidate_score = score(model, &candidate);
        if !improves(&candidate_score, &current_score) {
            break;
        }
        kept += 1;
        current = candidate;
        current_score = candidate_score;
    }
    if kept > 0 {
        *search = Search::new(model, current, &limits.tuning);
    }
    (passes, kept)
}

struct Search<'m> {
    model: &'m Model,
    by_order: Vec<Vec<ShipmentDecision>>,
    ledger: Ledger<'m>,
    orders_of_sku: Vec<Vec<OrderIdx>>,
    size: usize,
}

impl<'m> Search<'m> {
    fn new(model: &'m Model, start: Allocation, tuning: &Tuning) -> Self {
        let ledger = Ledger::of_allocation(model, &start);
        let mut by_order = vec![Vec::new(); model.orders.len()];
        for s in start.shipments {
            by_order[s.order].push(s);
        }
        let mut orders_of_sku = vec![Vec::new(); model.skus.len()];
        for (o, order) in model.orders.iter().enumerate() {
            if order.is_held() {
                continue;
            }
            for l in &order.lines {
                if orders_of_sku[l.sku].last() != Some(&o) {
                    orders_of_sku[l.sku].push(o);
                }
            }
        }
        Search {
            model,
            by_order,
            ledger,
            orders_of_sku,
            size: tuning.lns_first_neighbourhood,
        }
    }

    fn allocation(&self) -> Allocation {
        let mut a = Allocation {
            shipments: self.by_order.iter().flatten().cloned().collect(),
        };
        a.normalise();
        a
    }

    /// Grows the neighbourhood after a proven round, shrinks it after one cut short.
    fn adapt(&mut self, proven: bool, tuning: &Tuning) {
        self.size = if proven {
            (self.size * 5 / 4).min(tuning.lns_max_neighbourhood)
        } else {
            (self.size * 4 / 5).max(tuning.lns_min_neighbourhood)
        };
    }

    /// Re-plans `hood` on what the rest leaves. Returns whether the plan improved and whether
    /// every stage of the round was proven.
    fn round(&mut self, hood: &[OrderIdx], mode: Mode, limits: &Limits) -> (bool, bool) {
        let m = self.model;
        for &o in hood {
            for s in &self.by_order[o] {
                self.ledger.book(s, -1);
            }
        }
        let ledger = &self.ledger;
        let stock = |n, s| ledger.used(n, s);
        let place_use = |p, c| ledger.place_consumption(p, c);
        let kept = KeptUse {
            stock: &stock,
            node_shipments: &ledger.node_shipments,
            node_units: &ledger.node_units,
            place_use: &place_use,
        };
        let residual = m.residual(hood, &kept);
        let local_start = Allocation {
            shipments: hood
                .iter()
                .enumerate()
                .flat_map(|(i, &o)| {
                    self.by_order[o].iter().map(move |s| ShipmentDecision {
                        order: i,
                        ..s.clone()
                    })
                })
                .collect(),
        };
        let round_started = Instant::now();
        let (found, proven) = match mode {
            Mode::Staged => solve_residual(&residual.model, &local_start, limits),
            Mode::Routing => reroute_residual(&residual.model, &local_start, limits),
        };
        let found_score = found.as_ref().map(|f| score(&residual.model, f));
        let better = found.filter(|candidate| {
            improves(
                &score(&residual.model, candidate),
                &score(&residual.model, &local_start),
            )
        });
        let improved = better.is_some();
        if std::env::var_os("WAVEOPT_LNS_LOG").is_some() {
            eprintln!(
                "lns {mode:?}: {} orders, {} ms, proven {proven}, start {:?}, found {:?}",
                hood.len(),
                round_started.elapsed().as_millis(),
                score(&residual.model, &local_start),
                found_score
            );
        }
        if let Some(better) = better {
            for &o in hood {
                self.by_order[o].clear();
            }
            for s in better.shipments {
                let order = residual.orders[s.order];
                self.by_order[order].push(ShipmentDecision { order, ..s });
            }
        }
        for &o in hood {
            for s in &self.by_order[o] {
                self.ledger.book(s, 1);
            }
        }
        (improved, proven)
    }
}

/// How a round re-plans its neighbourhood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The policy's staged MIP: fills may change (lexicographically up), then cost.
    Staged,
    /// Cost only, with every line's fill held at its current value.
    Routing,
}
