//! The master MIP's runs: first over the orders the LP leaves unsettled on the start, a chunk at
//! a time with the others held (small MIPs that HiGHS proves in well under a second, where the
//! whole master's presolve alone takes seconds at M size), then, with time left, over every
//! order from the best plan so far.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use super::master::{Column, Master};
use super::{plan_of, settings, stopped, PoolLimits, PoolReport};
use crate::model::{Model, OrderIdx};
use crate::solver::highs::program::StageModel;
use crate::solver::highs::run as highs_run;
use crate::solver::highs::RunStatus;
use crate::solver::{plan_score, Allocation};

/// The best plan so far: its score in the search's order ([`plan_score::score`]) and its pool covers.
pub(super) struct Incumbent {
    pub plan: Allocation,
    pub score: (Vec<i64>, f64),
    pub covers: Vec<usize>,
}

/// Runs the master MIP within `limits` (chunks of unsettled orders, then the whole master when
/// it fits), keeping in `incumbent` whatever improves it; `report` counts the runs.
pub(super) fn run_master(
    model: &Model,
    master: &Master,
    columns: &[Column],
    lp: Option<&[f64]>,
    incumbent: &mut Incumbent,
    limits: &PoolLimits,
    report: &mut PoolReport,
) {
    let stopped = || stopped(limits, limits.deadline);
    let mut run = |chunk: &[OrderIdx], time: Duration, incumbent: &mut Incumbent| {
        let r = solve_chunk(master, columns, chunk, &incumbent.covers, limits, time);
        report.master_status = r.status.as_str();
        report.master_runs += 1;
        if let Some(picked) = r.picked {
            let chosen = plan_of(columns, &picked);
            let value = plan_score::score(model, &chosen);
            if std::env::var_os("WAVEOPT_POOL_LOG").is_some() {
                eprintln!(
                    "pool master over {} orders: {}, {:.2}",
                    chunk.len(),
                    r.status,
                    value.1
                );
            }
            if plan_score::improves(&value, &incumbent.score) {
                *incumbent = Incumbent {
                    plan: chosen,
                    score: value,
                    covers: picked,
                };
            }
        }
    };
    for _ in 0..limits.tuning.pool_chunk_passes {
        let before_pass = incumbent.score.clone();
        let chunk_orders = limits.tuning.pool_chunk_orders;
        let chunks = unsettled_chunks(columns, lp, &incumbent.covers, chunk_orders);
        for (i, chunk) in chunks.iter().enumerate() {
            if stopped() {
                break;
            }
            let slice = limits.deadline.saturating_duration_since(Instant::now())
                / (chunks.len() - i) as u32;
            run(chunk, slice, incumbent);
        }
        if stopped() || !plan_score::improves(&incumbent.score, &before_pass) {
            break;
        }
    }
    let orders = report.orders;
    let time = limits.deadline.saturating_duration_since(Instant::now());
    let tuning = &limits.tuning;
    let whole_fits = orders <= tuning.pool_one_master_orders
        && (orders <= tuning.pool_small_master_orders || time >= tuning.pool_min_whole_master_time);
    if !stopped() && whole_fits {
        let mut all: Vec<OrderIdx> = columns.iter().map(|c| c.order).collect();
        all.sort_unstable();
        all.dedup();
        run(&all, time, incumbent);
    }
}

/// The orders whose cover in `start` the LP does not settle (their start cover's LP value, or
/// with no start cover the LP's weight on no cover, below 0.99), least settled first, in chunks
/// of `chunk_orders`.
fn unsettled_chunks(
    columns: &[Column],
    lp: Option<&[f64]>,
    start: &[usize],
    chunk_orders: usize,
) -> Vec<Vec<OrderIdx>> {
    let mut on_covers: BTreeMap<OrderIdx, f64> = BTreeMap::new();
    for (k, c) in columns.iter().enumerate() {
        *on_covers.entry(c.order).or_insert(0.0) += lp.map_or(0.0, |lp| lp[k]);
    }
    let start_of: BTreeMap<OrderIdx, usize> =
        start.iter().map(|&k| (columns[k].order, k)).collect();
    let mut unsettled: Vec<(f64, OrderIdx)> = on_covers
        .into_iter()
        .map(|(o, sum)| {
            let settled = match (lp, start_of.get(&o)) {
                (None, _) => 0.0,
                (Some(lp), Some(&k)) => lp[k],
                (Some(_), None) => 1.0 - sum,
            };
            (settled, o)
        })
        .filter(|&(v, _)| v < 0.99)
        .collect();
    unsettled.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    unsettled
        .chunks(chunk_orders.max(1))
        .map(|c| c.iter().map(|&(_, o)| o).collect())
        .collect()
}

struct ChunkResult {
    status: RunStatus,
    picked: Option<Vec<usize>>,
}

/// The master MIP with only `chunk`'s orders free: every other order keeps its start cover (or,
/// with fills free, may drop it). Started from `start`, within `time`.
fn solve_chunk(
    master: &Master,
    columns: &[Column],
    chunk: &[OrderIdx],
    start: &[usize],
    limits: &PoolLimits,
    time: Duration,
) -> ChunkResult {
    let mut upper = master.program.upper.clone();
    let free: HashSet<OrderIdx> = chunk.iter().copied().collect();
    let start_set: HashSet<usize> = start.iter().copied().collect();
    for (k, c) in columns.iter().enumerate() {
        if !free.contains(&c.order) && !start_set.contains(&k) {
            upper[master.z[k]] = 0.0;
        }
    }
    let stage = StageModel {
        upper: Some(upper),
        ..master.stage.clone()
    };
    let mut settings = settings(limits, Instant::now() + time);
    settings.mip_gap = limits.tuning.pool_master_gap;
    let point = master.point(columns, start);
    let r = highs_run::run(&master.program, &stage, settings, Some(&point));
    ChunkResult {
        status: r.status,
        picked: r.values.map(|values| {
            (0..columns.len())
                .filter(|&k| values[master.z[k]] > 0.5)
                .collect()
        }),
    }
}
