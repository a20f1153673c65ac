//! The master MIP's runs: first over the orders the LP leaves unsettled on the start, a chunk at
//! a time with the others held (small MIPs that HiGHS proves in well under a second, where the
//! whole master's presolve alone takes seconds at M size), then, with time left, over every
//! order from the best plan so far.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use super::master::{Column, Master};
use super::{plan_of, settings, stopped, Chunking, PoolLimits, PoolReport};
use crate::model::{Model, OrderIdx};
use crate::solver::highs::program::StageModel;
use crate::solver::highs::run as highs_run;
use crate::solver::highs::RunStatus;
use crate::solver::{plan_score, Allocation};

/// The master MIP stops at this relative gap: the pool is a heuristic, its optimum no proof.
const MASTER_GAP: f64 = 1e-4;

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
    for _ in 0..CHUNK_PASSES {
        let before_pass = incumbent.score.clone();
        let chunks = unsettled_chunks(columns, lp, &incumbent.covers, limits.chunking);
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
    let whole_fits = orders <= limits.chunking.one_master_up_to
        && (orders <= SMALL_MASTER_ORDERS || time >= MIN_WHOLE_MASTER_TIME);
    if !stopped() && whole_fits {
        let mut all: Vec<OrderIdx> = columns.iter().map(|c| c.order).collect();
        all.sort_unstable();
        all.dedup();
        run(&all, time, incumbent);
    }
}

/// Below this many orders the whole master runs in whatever time is left.
const SMALL_MASTER_ORDERS: usize = 1_000;
/// Larger whole masters run only with this much time left: M's (4,764 orders) found nothing in
/// 0.75 s, and the search does more with it.
const MIN_WHOLE_MASTER_TIME: Duration = Duration::from_secs(3);
/// Passes over the unsettled orders, while one gains.
const CHUNK_PASSES: usize = 3;

/// The orders whose cover in `start` the LP does not settle (their start cover's LP value, or
/// with no start cover the LP's weight on no cover, below 0.99), least settled first, in chunks
/// of `chunking.orders`.
fn unsettled_chunks(
    columns: &[Column],
    lp: Option<&[f64]>,
    start: &[usize],
    chunking: Chunking,
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
        .chunks(chunking.orders.max(1))
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
    settings.mip_gap = MASTER_GAP;
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
