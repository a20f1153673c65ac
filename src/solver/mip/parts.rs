//! A wave of independent parts ([`crate::model::components`]) solved part by part.
//!
//! A part is a component, or small components gathered ([`grouped`]). Parts share no stock, no capacitated or fixed-cost node and no network-wide reservation, so
//! every rule holds part by part: the whole wave's lexicographic fills are the parts' fills
//! added up (a part short of its own maximum would leave the sum short), its cost is their
//! sum, and the sum of the parts' proven bounds is a proven bound. Each part is solved as a
//! wave of its own, in parallel on the rayon pool when `threads > 1`, within the shared
//! deadline: a part starting gets the share of the time left that its size is of the sizes
//! not yet done, times the number of parts running at once.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;

use super::solve;
use crate::format::{Options, PlanStatus, StageStats};
use crate::model::{Model, OrderIdx};
use crate::solver::highs::run::relative_gap;
use crate::solver::highs::threads::threads_for;
use crate::solver::tuning::Tuning;
use crate::solver::{plan_score, Allocation, SolveOutcome};

/// Orders plus lines: the size a part's time share is measured in.
fn size(model: &Model, part: &[OrderIdx]) -> usize {
    part.iter().map(|&o| 1 + model.orders[o].lines.len()).sum()
}

/// The parts to solve apart, from `components` ([`crate::model::components::parts`]): the
/// components of at least [`Tuning::min_part_share`] of the wave alone, the smaller ones
/// gathered (see there), and orders in no component (nothing can serve them) in the largest
/// part. Each part's orders in index order, the largest part first; a union of components is
/// itself independent.
pub fn grouped(
    model: &Model,
    components: Vec<Vec<OrderIdx>>,
    tuning: &Tuning,
) -> Vec<Vec<OrderIdx>> {
    let mut in_part = vec![false; model.orders.len()];
    for &o in components.iter().flatten() {
        in_part[o] = true;
    }
    let stray: Vec<OrderIdx> = (0..model.orders.len()).filter(|&o| !in_part[o]).collect();
    let total: usize = model.orders.iter().map(|o| 1 + o.lines.len()).sum();
    let least = (total as f64 * tuning.min_part_share).ceil() as usize;
    let mut sized: Vec<(usize, Vec<OrderIdx>)> = components
        .into_iter()
        .map(|c| (size(model, &c), c))
        .collect();
    sized.sort_by_key(|(size, c)| (std::cmp::Reverse(*size), c.first().copied()));
    let mut parts: Vec<Vec<OrderIdx>> = Vec::new();
    let (mut gathering, mut gathered) = (Vec::new(), 0);
    for (size, component) in sized {
        if size >= least {
            parts.push(component);
            continue;
        }
        gathering.extend(component);
        gathered += size;
        if gathered >= least {
            parts.push(std::mem::take(&mut gathering));
            gathered = 0;
        }
    }
    gathering.extend(stray);
    match parts.first_mut() {
        Some(largest) => largest.extend(gathering),
        None => parts.push(gathering),
    }
    for part in &mut parts {
        part.sort_unstable();
    }
    parts
}

/// Solves `model` part by part; `parts` come from [`grouped`] and number at least two, out of
/// `components` independent components.
pub fn solve_parts(
    model: &Model,
    options: &Options,
    tuning: &Tuning,
    deadline: Instant,
    cancel: &AtomicBool,
    (parts, components): (Vec<Vec<OrderIdx>>, usize),
) -> SolveOutcome {
    let threads = threads_for(options) as usize;
    let lanes = threads.min(parts.len()).max(1);
    let sizes: Vec<usize> = parts.iter().map(|p| size(model, p)).collect();
    let left = AtomicUsize::new(sizes.iter().sum());
    // Largest first, so that the small parts fill in at the end.
    let mut schedule: Vec<usize> = (0..parts.len()).collect();
    schedule.sort_by_key(|&p| (std::cmp::Reverse(sizes[p]), p));
    let results: Mutex<Vec<Option<SolveOutcome>>> = Mutex::new(vec![None; parts.len()]);
    let solve_one = |p: usize| {
        let now = Instant::now();
        let time_left = deadline.saturating_duration_since(now);
        let share = (sizes[p] * lanes) as f64 / left.load(Ordering::Relaxed).max(1) as f64;
        let budget = time_left.mul_f64(share.min(1.0));
        let part_options = Options {
            time_limit_ms: budget.as_millis().max(1) as i64,
            threads: Some((threads / lanes).max(1) as i64),
            ..options.clone()
        };
        let sub = model.with_orders(&parts[p]);
        let outcome = solve(&sub, &part_options, tuning, now + budget, cancel);
        left.fetch_sub(sizes[p], Ordering::Relaxed);
        results.lock().expect("no part panicked")[p] = Some(outcome);
    };
    if lanes > 1 {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(lanes).build();
        match pool {
            Ok(pool) => pool.install(|| schedule.par_iter().for_each(|&p| solve_one(p))),
            Err(_) => schedule.iter().for_each(|&p| solve_one(p)),
        }
    } else {
        schedule.iter().for_each(|&p| solve_one(p));
    }
    let outcomes: Vec<SolveOutcome> = results
        .into_inner()
        .expect("no part panicked")
        .into_iter()
        .map(|o| o.expect("every part solved"))
        .collect();
    merge(model, (&parts, components), outcomes)
}

/// The whole wave's outcome from its parts'.
fn merge(
    model: &Model,
    (parts, components): (&[Vec<OrderIdx>], usize),
    outcomes: Vec<SolveOutcome>,
) -> SolveOutcome {
    let mut allocation = Allocation::default();
    for (part, outcome) in parts.iter().zip(&outcomes) {
        allocation
            .shipments
            .extend(outcome.allocation.shipments.iter().map(|s| {
                let mut s = s.clone();
                s.order = part[s.order];
                s
            }));
    }
    allocation.normalise();
    let optimal = outcomes.iter().all(|o| o.status == PlanStatus::Optimal);
    let bound: f64 = outcomes.iter().map(|o| o.bound).sum();
    let (_, cost) = plan_score::score(model, &allocation);
    let gap = relative_gap(cost, bound);
    let mut notes = vec![format!(
        "{components} independent components (no shared stock, capacitated or fixed-cost node, or \
         network-wide reservation) in {} parts, each solved as its own wave; fills, cost and \
         bound are their sums",
        parts.len(),
    )];
    for (i, outcome) in outcomes.iter().enumerate() {
        notes.extend(
            outcome
                .notes
                .iter()
                .map(|n| format!("part {} ({} orders): {n}", i + 1, parts[i].len())),
        );
    }
    SolveOutcome {
        allocation,
        status: if optimal {
            PlanStatus::Optimal
        } else {
            PlanStatus::Feasible
        },
        bound,
        gap,
        engine: "mip",
        stages: merged_stages(&outcomes),
        variables: outcomes.iter().map(|o| o.variables).sum(),
        constraints: outcomes.iter().map(|o| o.constraints).sum(),
        components: components as u64,
        notes,
    }
}

/// The parts' stages, one per name in the order they first appear: times, sizes, objectives
/// and bounds added up (a bound only when every part that ran the stage has one), the parts'
/// distinct statuses joined by `+`.
fn merged_stages(outcomes: &[SolveOutcome]) -> Vec<StageStats> {
    let mut merged: Vec<StageStats> = Vec::new();
    for stage in outcomes.iter().flat_map(|o| &o.stages) {
        let Some(m) = merged.iter_mut().find(|m| m.name == stage.name) else {
            merged.push(stage.clone());
            continue;
        };
        m.time_ms += stage.time_ms;
        m.variables += stage.variables;
        m.constraints += stage.constraints;
        m.objective = m.objective.zip(stage.objective).map(|(a, b)| a + b);
        m.bound = m.bound.zip(stage.bound).map(|(a, b)| a + b);
        if !m.status.split('+').any(|s| s == stage.status) {
            m.status = format!("{}+{}", m.status, stage.status);
        }
    }
    for m in &mut merged {
        m.gap = m
            .objective
            .zip(m.bound)
            .map(|(o, b)| relative_gap(o, b))
            .filter(|g| g.is_finite());
    }
    merged
}
