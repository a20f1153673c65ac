//! Neighbourhood repair: the exact tier stage on a few orders at a time, everything else held.
//!
//! Above a few tens of thousands of columns a tier's whole exact stage does not fit in the time
//! it has, but the same MIP fits on the part of the wave where the side rules bind. A
//! neighbourhood starts from tier k's orders that lack units a serving node holds (the seeds),
//! and frees with them the orders of tiers `0..=k` that use those units or fill those nodes (the
//! competitors), which may then move to their other nodes. Every other order keeps its
//! shipments, and what they use is taken from the stock, the capacities and the reservation
//! places ([`TierProgram::build_within`]). The MIP keeps every higher tier's fill and maximises
//! tier k's; a neighbourhood's plan is kept when it ships more. Seeds are taken in turn, as many
//! per neighbourhood as its column budget allows, until a whole turn adds nothing, the tier meets
//! its bound, or time runs out; the lower tiers are then re-planned around the result.
//!
//! It only raises the fill; the stage's bound still comes from the flow and the LP.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::book::Book;
use super::construct::replan_lower_tiers;
use super::exact::{Held, TierProgram};
use crate::model::{Model, NodeIdx, OrderIdx, SkuIdx};
use crate::solver::highs::run::Settings;
use crate::solver::Allocation;

/// How far the repair may go.
#[derive(Clone, Copy)]
pub struct RepairLimits<'a> {
    pub deadline: Instant,
    pub cancel: &'a AtomicBool,
    pub threads: u32,
    pub sizes: RepairSizes,
}

/// How large a neighbourhood is and how long its MIP may take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RepairSizes {
    /// Columns a neighbourhood may have, by its estimate (lines × nodes of its free orders).
    pub max_columns: usize,
    /// Orders freed at most at one full node (no shipment or unit capacity left), fewest units
    /// there first.
    pub movers: usize,
    /// Share of the time left that one neighbourhood's MIP may take.
    pub hood_time_share: f64,
}

/// `plan` with tier `tier`'s fill raised as far as the neighbourhoods find, up to `bound`. The
/// neighbourhoods work on the plan of tiers `0..=tier` (the stage ignores lower tiers); the
/// lower tiers are re-planned once, after the last gain.
pub fn repair(
    model: &Model,
    serving: &[Vec<NodeIdx>],
    plan: &Allocation,
    tier: usize,
    bound: i64,
    limits: RepairLimits,
) -> Allocation {
    let stop = || limits.cancel.load(Ordering::Relaxed) || Instant::now() >= limits.deadline;
    let mut upper = Allocation {
        shipments: plan
            .shipments
            .iter()
            .filter(|s| model.orders[s.order].tier <= tier)
            .cloned()
            .collect(),
    };
    let mut book = Book::new(model, &upper);
    let mut fills = upper.tier_fills(model);
    let mut improved = false;
    // The next seed is the first at or after this order; seeds tried since the last gain.
    let mut cursor: OrderIdx = 0;
    let mut tried = 0usize;
    // Columns the next neighbourhood may have: from an eighth of the budget, halved after a MIP
    // its time cut short and grown by half after one proven in time, so that the size fits the
    // wave's shape and the time left.
    let mut budget = limits.sizes.max_columns / 8;
    while !stop() && fills[tier] < bound {
        let seeds = seeds(model, serving, &book, tier);
        if seeds.is_empty() || tried >= seeds.len() {
            break;
        }
        let start = seeds.partition_point(|s| s.order < cursor) % seeds.len();
        let turn = seeds[start..].iter().chain(&seeds[..start]);
        let movers = limits.sizes.movers;
        let hood = Neighbourhood::around(model, serving, &book, tier, turn, budget, movers);
        tried += hood.seeds;
        cursor = seeds[(start + hood.seeds) % seeds.len()].order;
        // The free orders' shipments: given back to the held ledger, and HiGHS's start.
        let freed = Allocation {
            shipments: hood
                .orders
                .iter()
                .flat_map(|&o| book.shipments(o).iter().cloned())
                .collect(),
        };
        let mut taken = book.ledger().clone();
        for s in &freed.shipments {
            taken.book(s, -1);
        }
        let freed_fills = freed.tier_fills(model);
        let held = Held {
            free: &hood.free,
            taken,
            fills: fills.iter().zip(&freed_fills).map(|(a, b)| a - b).collect(),
        };
        let program = TierProgram::build_within(model, &hood.nodes, tier, &fills, Some(held));
        if program.columns() == 0 {
            // Nothing free has stock left anywhere it may ship from.
            continue;
        }
        let left = limits
            .deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64();
        let clock = Instant::now();
        let start = program.start_of(&freed);
        let (result, found) = program.solve_from(
            Settings {
                time_limit_s: (left * limits.sizes.hood_time_share).max(0.01),
                mip_gap: 0.0,
                threads: limits.threads,
                cancel: Some(limits.cancel),
                max_nodes: None,
            },
            Some(&start),
        );
        budget = if result.proven {
            (budget + budget / 2).min(4 * limits.sizes.max_columns)
        } else {
            (budget / 2).max(limits.sizes.max_columns / 16)
        };
        tracing::debug!(
            tier,
            seeds = hood.seeds,
            free = hood.orders.len(),
            columns = program.columns(),
            ms = clock.elapsed().as_millis(),
            status = result.status.as_str(),
            objective = result.objective,
            bound = result.bound,
            "tier repair: neighbourhood"
        );
        let Some(found) = found else {
            continue;
        };
        let found_fills = found.tier_fills(model);
        let gains = found_fills[tier] > freed_fills[tier];
        let keeps_higher = (0..tier).all(|j| found_fills[j] >= freed_fills[j]);
        if !gains || !keeps_higher {
            continue;
        }
        let mut merged = found;
        merged.shipments.extend(
            upper
                .shipments
                .iter()
                .filter(|s| !hood.free[s.order])
                .cloned(),
        );
        merged.normalise();
        tracing::debug!(
            tier,
            from = fills[tier],
            to = merged.tier_fills(model)[tier],
            "tier repair: neighbourhood improved"
        );
        upper = merged;
        book = Book::new(model, &upper);
        fills = upper.tier_fills(model);
        improved = true;
        tried = 0;
    }
    if improved {
        replan_lower_tiers(model, upper, plan, tier)
    } else {
        plan.clone()
    }
}

/// One of tier k's orders that lack units some serving node holds.
struct Seed {
    order: OrderIdx,
    /// The SKUs of its lines that lack units.
    lacking: Vec<SkuIdx>,
    /// Where it could get them: its serving nodes that hold a lacking SKU or ship to it already.
    nodes: Vec<NodeIdx>,
}

/// Tier `tier`'s seeds, by order index.
fn seeds(model: &Model, serving: &[Vec<NodeIdx>], book: &Book, tier: usize) -> Vec<Seed> {
    (0..model.orders.len())
        .filter(|&o| model.orders[o].tier == tier && !model.orders[o].is_held())
        .filter_map(|o| {
            let lacking: Vec<SkuIdx> = model.orders[o]
                .lines
                .iter()
                .zip(book.missing(o))
                .filter(|(_, m)| *m > 0)
                .map(|(l, _)| l.sku)
                .collect();
            if lacking.is_empty() {
                return None;
            }
            let nodes: Vec<NodeIdx> = serving[o]
                .iter()
                .copied()
                .filter(|&n| {
                    book.ships_from(o, n) || lacking.iter().any(|&sku| model.available(n, sku) > 0)
                })
                .collect();
            (!nodes.is_empty()).then_some(Seed {
                order: o,
                lacking,
                nodes,
            })
        })
        .collect()
}

/// The orders one MIP plans, and the nodes each may use.
struct Neighbourhood {
    /// The free orders, in the order they were freed.
    orders: Vec<OrderIdx>,
    free: Vec<bool>,
    /// Per order: its nodes in this neighbourhood (empty for held orders).
    nodes: Vec<Vec<NodeIdx>>,
    /// Seeds it holds.
    seeds: usize,
}

impl Neighbourhood {
    /// Seeds in `seeds`' order, each with its competitors (node by node, the
    /// cheapest first), until `budget` columns are spent; at least one seed.
    fn around<'s>(
        model: &Model,
        serving: &[Vec<NodeIdx>],
        book: &Book,
        tier: usize,
        seeds: impl Iterator<Item = &'s Seed>,
        budget: usize,
        movers: usize,
    ) -> Self {
        let mut hood = Neighbourhood {
            orders: Vec::new(),
            free: vec![false; model.orders.len()],
            nodes: vec![Vec::new(); model.orders.len()],
            seeds: 0,
        };
        let mut columns = 0usize;
        let competes = |o: OrderIdx| model.orders[o].tier <= tier && !model.orders[o].is_held();
        for seed in seeds {
            if hood.seeds > 0 && columns >= budget {
                break;
            }
            hood.seeds += 1;
            columns += hood.free_order(model, seed.order, seed.nodes.clone());
            for &n in &seed.nodes {
                let mut rivals: Vec<OrderIdx> = seed
                    .lacking
                    .iter()
                    .filter(|&&sku| model.available(n, sku) > 0)
                    .flat_map(|&sku| book.orders_at(n, Some(sku)))
                    .collect();
                let ledger = book.ledger();
                if ledger.shipments_left(n) == 0 || ledger.units_left(n) == 0 {
                    let mut at_node = book.orders_at(n, None);
                    let units_at = |o: OrderIdx| -> i64 {
                        book.shipments(o)
                            .iter()
                            .filter(|s| s.node == n)
                            .map(|s| s.units())
                            .sum()
                    };
                    at_node.sort_by_key(|&o| (units_at(o), o));
                    rivals.extend(at_node.into_iter().take(movers));
                }
                for o in rivals {
                    if columns >= budget {
                        break;
                    }
                    if competes(o) && !hood.free[o] {
                        columns += hood.free_order(model, o, serving[o].clone());
                    }
                }
            }
        }
        hood
    }

    /// Frees `order` at `nodes` (which include every node it ships from, so that its current
    /// shipments stay a feasible start); its estimated columns.
    fn free_order(&mut self, model: &Model, order: OrderIdx, nodes: Vec<NodeIdx>) -> usize {
        if !std::mem::replace(&mut self.free[order], true) {
            self.orders.push(order);
        }
        self.nodes[order] = nodes;
        self.nodes[order].len() * model.orders[order].lines.len()
    }
}
