//! The optimizer's tuning: the size thresholds that choose its route, the shares of the time
//! limit each phase may take, and the cover pool's and the neighbourhood search's own limits.
//! One value is built at the solve's entry point and passed down; [`Tuning::default`] holds the
//! defaults (`bench/README.md`, "Tuning defaults", says what they were measured on). Physical and
//! numerical constants (HiGHS's seed, tolerances) are not here.

use std::time::Duration;

use crate::model::Model;
use crate::solver::bound::MasterLimits;
use crate::solver::tiers::repair::RepairSizes;

/// See the module documentation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Orders with more lines than this are planned greedily: HiGHS's MIP presolve slows down
    /// sharply on one very long order and does not check the time limit meanwhile. Default 2,000.
    pub max_lines_per_order_for_mip: usize,
    /// Above this many columns (by the formulation's estimate) per 10 s of `time_limit_ms`, the
    /// cost is not minimised by one MIP but by the neighbourhood search: the cost stage's root
    /// LP alone would take most of the limit. Default 40,000.
    pub max_columns_for_one_mip: usize,
    /// Share of the time left that the tier engine may take in a staged MIP (the one MIP, and
    /// each staged round of the search) before its tier stages; it stops once every tier is
    /// proven. Default 0.5.
    pub staged_tier_engine_share: f64,
    /// Share of the time left that the cover pool may take before the one MIP's cost stage.
    /// Default 0.3.
    pub one_mip_pool_share: f64,
    /// Share of the time left that each step of the LP opening ([`crate::solver::mip::stages`]:
    /// the last stage's LP, then the MIP over the nodes it opens) may take before the one MIP's
    /// last stage, on waves whose start pays a fixed cost at a node the LP leaves unused.
    /// Default 0.5 (`models/formulation.md` has the measurements).
    pub lp_opening_share: f64,
    /// The LP opening runs only when the start's fixed costs are at least this share of its
    /// cost: closing nodes can save no more than the fixed costs paid, and the LP's time
    /// (1 s of 10 on the 500-order tight wave, whose start pays 0.6%) is otherwise lost.
    /// Default 0.02 (S's start pays 1.2%; the OR-Library's optima 6.9% and more).
    pub lp_opening_min_fixed_share: f64,
    /// Share of the tier engine's time its flow rounds may take before its exact stages.
    /// Default 0.3.
    pub tier_rounds_share: f64,
    /// Time per column an exact tier stage needs at least, below which it is not started
    /// (`models/formulation.md`, the tier engine, has the measurements behind it). Default 40 µs.
    pub tier_exact_seconds_per_column: f64,
    /// Time per column a tier stage's LP relaxation needs at least (with half of the stage's
    /// time), below which it is not started. Default 20 µs.
    pub tier_lp_seconds_per_column: f64,
    /// The neighbourhood repair of a tier stage too large for its time
    /// ([`crate::solver::tiers::repair`]): columns per neighbourhood (default 20,000), orders
    /// freed at a full node (default 64) and the share of the repair's time left one
    /// neighbourhood's MIP may take (default 0.5).
    pub tier_repair: RepairSizes,
    /// Share of the time that the tier engine may take on the search routes (it stops once every
    /// tier is proven); the cost search gets the rest. Default 0.2.
    pub search_tier_engine_share: f64,
    /// Share of `time_limit_ms` kept free at the end of the search routes for the bound and the
    /// report, which take seconds on the largest waves. Default 0.04.
    pub search_reserve_share: f64,
    /// A wave's independent part below this share of its size (orders plus lines) is not worth a
    /// solve and a time slice of its own: such parts are gathered into groups of at least this
    /// share, and a last group still below it joins the largest part. A wave of one large
    /// component and a few stray orders is then solved whole; a wave of many similar regions is
    /// solved in groups of regions. Default 0.05.
    pub min_part_share: f64,
    /// Share of `time_limit_ms` taken from the end of the cost search for the top-up of the
    /// finished plan (`tiers::top_up`), which also gets half of the search's reserve. On tight
    /// waves a full top-up takes far longer than any share; it goes highest tier first, so the
    /// time it has goes where it counts most. Default 0.03.
    pub top_up_share: f64,
    /// Orders the top-up examines at most when it moves units away from one node to make room
    /// there, so that a full node on a tight wave costs it a bounded search. Default 64.
    pub top_up_movers: usize,
    /// The cover pool re-chooses the whole wave's covers before the search up to this many
    /// orders; above, one pricing round takes most of the search's time. Default 60,000.
    pub max_orders_for_pool: usize,
    /// The pool runs first in the search only when the search has at least this long, plus
    /// [`Self::pool_time_per_order`] per order. Default 1 s.
    pub pool_min_search_time: Duration,
    /// See [`Self::pool_min_search_time`]. Default 50 µs.
    pub pool_time_per_order: Duration,
    /// Share of the search's time the cover pool may take first. Default 0.7.
    pub search_pool_share: f64,
    /// Unsettled orders the pool's master MIP re-chooses at a time. Default 1,000.
    pub pool_chunk_orders: usize,
    /// Up to this many orders the pool's whole master MIP runs after the chunks, in the time
    /// left. Default 5,000.
    pub pool_one_master_orders: usize,
    /// Below this many orders the pool's whole master runs in whatever time is left. Default
    /// 1,000.
    pub pool_small_master_orders: usize,
    /// Larger whole masters run only with this much time left; with less, the search does more
    /// with it. Default 3 s.
    pub pool_min_whole_master_time: Duration,
    /// Passes of the pool's master over the unsettled orders, while one gains. Default 3.
    pub pool_chunk_passes: usize,
    /// The relative gap the pool's master MIP stops at: the pool is a heuristic, its optimum no
    /// proof. Default 0.0001.
    pub pool_master_gap: f64,
    /// Share of the pool's time for column generation; the master MIP gets the rest. Default 0.5.
    pub pool_pricing_share: f64,
    /// Column generation rounds at most. Default 50.
    pub pool_max_pricing_rounds: usize,
    /// Column generation stops once a round lowers the master LP by less than this share.
    /// Default 0.0002.
    pub pool_min_round_gain: f64,
    /// Orders the neighbourhood search frees in its first round; the size then grows after a
    /// proven round and shrinks after one cut short, within the two limits below. Default 40.
    pub lns_first_neighbourhood: usize,
    /// Default 8.
    pub lns_min_neighbourhood: usize,
    /// Default 400.
    pub lns_max_neighbourhood: usize,
    /// Relative gap each round's MIP stops at: rounds repeat, so a slightly early stop costs
    /// little and buys many more rounds. Default 0.001.
    pub lns_round_gap: f64,
    /// Branch-and-bound nodes per stage of one round: a limit that gives the same answer on any
    /// machine. Default 200.
    pub lns_nodes_per_stage: i32,
    /// Most wall time one round may take; the node limit normally ends a round well before, and
    /// the cap keeps one hard neighbourhood from eating the whole budget. Default 3 s.
    pub lns_round_time_cap: Duration,
    /// Passes steered by the Lagrangian's prices start at most this often, as a share of the
    /// search's time. Default 0.15.
    pub price_pass_spacing: f64,
    /// Price-steered passes in a row while each gains. Default 4.
    pub price_passes: usize,
    /// Share of the relaxations' time the flow LP may take: its duals start the Lagrangian far
    /// higher than per-unit prices do, so it gets the larger part. Default 0.75.
    pub relaxations_flow_share: f64,
    /// The most of the search's time the relaxations may take when they cannot run alongside it
    /// (one thread), and likewise before the one MIP's cost stage with one thread. Default 1/3.
    pub relaxations_sequential_share: f64,
    /// The Lagrangian relaxation's Kelley rounds ([`MasterLimits`]): tried when 40 more
    /// evaluations fit after the first and a quarter of the time left holds 1e-8 s per square
    /// of the master's rows; the first master LP may take a tenth of the time left, later ones
    /// a quarter; prices smoothed halfway toward the best so far.
    pub lagrangian_master: MasterLimits,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            max_lines_per_order_for_mip: 2_000,
            max_columns_for_one_mip: 40_000,
            staged_tier_engine_share: 0.5,
            one_mip_pool_share: 0.3,
            lp_opening_share: 0.5,
            lp_opening_min_fixed_share: 0.02,
            tier_rounds_share: 0.3,
            tier_exact_seconds_per_column: 40e-6,
            tier_lp_seconds_per_column: 20e-6,
            tier_repair: RepairSizes {
                max_columns: 20_000,
                movers: 64,
                hood_time_share: 0.5,
            },
            search_tier_engine_share: 0.2,
            search_reserve_share: 0.04,
            min_part_share: 0.05,
            top_up_share: 0.03,
            top_up_movers: 64,
            max_orders_for_pool: 60_000,
            pool_min_search_time: Duration::from_secs(1),
            pool_time_per_order: Duration::from_micros(50),
            search_pool_share: 0.7,
            pool_chunk_orders: 1_000,
            pool_one_master_orders: 5_000,
            pool_small_master_orders: 1_000,
            pool_min_whole_master_time: Duration::from_secs(3),
            pool_chunk_passes: 3,
            pool_master_gap: 1e-4,
            pool_pricing_share: 0.5,
            pool_max_pricing_rounds: 50,
            pool_min_round_gain: 2e-4,
            lns_first_neighbourhood: 40,
            lns_min_neighbourhood: 8,
            lns_max_neighbourhood: 400,
            lns_round_gap: 1e-3,
            lns_nodes_per_stage: 200,
            lns_round_time_cap: Duration::from_secs(3),
            price_pass_spacing: 0.15,
            price_passes: 4,
            relaxations_flow_share: 0.75,
            relaxations_sequential_share: 1.0 / 3.0,
            lagrangian_master: MasterLimits::default(),
        }
    }
}

impl Tuning {
    /// The least time the search must have for the cover pool to run first on this wave.
    pub fn min_search_time_for_pool(&self, model: &Model) -> Duration {
        self.pool_min_search_time
            .max(self.pool_time_per_order * model.orders.len() as u32)
    }
}
