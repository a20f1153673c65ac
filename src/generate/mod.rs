//! Deterministic wave generator: realistic waves of any size from a preset (or a custom
//! [`GeneratorConfig`]) and a seed. The same preset and seed give the same wave, byte for byte,
//! on every platform and crate version: the PRNG is written here ([`rng`]) and only exactly
//! rounded float operations are used.
//!
//! What a generated wave contains (see `docs/datasets.md`):
//! - nodes of every kind at real US metros, with handling costs, processing days, fixed costs on
//!   3PL and drop-ship nodes, channel restrictions, and capacities sized from each node's expected
//!   share of demand so that about a third of them bind;
//! - orders from five channels and three tiers, shipped to US cities by population, with 1–5
//!   lines over a Zipf-like SKU popularity, due dates, a few holds, ship-complete and
//!   fill-or-kill orders, and a few orders priced by zone lanes;
//! - stock that covers ordinary SKUs but not the scarce ones, and channel reservations on those.
//!
//! A [`Shape`] varies the structure on top of a size preset: tight capacities over thinly
//! spread stock, independent regions, or orders with many lines.

mod cities;
mod demand;
mod network;
mod rng;
mod shape;
mod stock;

use std::fmt;
use std::str::FromStr;

use crate::format::Wave;

pub use cities::Bands;
pub use rng::Rng;
pub use shape::{generate_regions, generate_shape, Shape, Variant};

/// The reference dataset sizes of SPEC.md §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// 200 orders × 8 nodes × 300 SKUs.
    S,
    /// 5,000 orders × 25 nodes × 2,000 SKUs.
    M,
    /// 50,000 orders × 60 nodes × 10,000 SKUs.
    L,
    /// 200,000 orders × 150 nodes × 20,000 SKUs.
    Xl,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::S, Preset::M, Preset::L, Preset::Xl];

    /// The lower-case name used on the command line and in wave ids: `s`, `m`, `l`, `xl`.
    pub fn name(self) -> &'static str {
        match self {
            Preset::S => "s",
            Preset::M => "m",
            Preset::L => "l",
            Preset::Xl => "xl",
        }
    }

    /// The full generator settings of this preset.
    pub fn config(self) -> GeneratorConfig {
        let (orders, nodes, skus) = match self {
            Preset::S => (200, 8, 300),
            Preset::M => (5_000, 25, 2_000),
            Preset::L => (50_000, 60, 10_000),
            Preset::Xl => (200_000, 150, 20_000),
        };
        GeneratorConfig {
            name: self.name().to_string(),
            orders,
            nodes,
            skus,
            inactive_nodes: usize::from(self != Preset::S),
            ..GeneratorConfig::default()
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| format!("unknown preset '{text}' (expected s, m, l or xl)"))
    }
}

/// Everything the generator can be told. Shares are fractions of the orders (or SKUs, or
/// nodes); counts derived from them are rounded, and at least one when the share is positive
/// and there are at least 10 orders, so small custom waves still show every feature.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratorConfig {
    /// Goes into the wave id: `gen-<name>-seed<seed>`.
    pub name: String,
    pub orders: usize,
    pub nodes: usize,
    pub skus: usize,
    /// Lines per order are 1..=`max_lines` (at most the number of SKUs; at most 5 with
    /// [`LineMix::Standard`]).
    pub max_lines: usize,
    /// How the number of lines per order is drawn.
    pub line_mix: LineMix,
    /// Share of the demanded SKUs that are stocked below their demand.
    pub scarce_sku_share: f64,
    /// Network stock ÷ demand for ordinary SKUs (mean; each SKU varies ±20%).
    pub supply_cover: f64,
    /// Network stock ÷ demand for scarce SKUs (mean; each SKU varies ±20%).
    pub scarce_cover: f64,
    /// Share of nodes whose capacity is set below their expected load.
    pub binding_node_share: f64,
    /// `None`: binding nodes get a unit limit at 55–80% of their expected units, a shipment
    /// limit at 60–85% of their expected shipments, or both, and about half of the other nodes
    /// a slack limit. `Some((lo, hi))`: binding nodes get both limits, each at `lo..hi` of its
    /// expected load, and no other node has a capacity.
    pub binding_load: Option<(f64, f64)>,
    /// `None`: each SKU's stock sits at 2–9 nodes (3 or fewer when scarce). `Some((lo, hi))`:
    /// at as many nodes as it takes to hold `lo..=hi` units a record (drawn per SKU), so stock
    /// is spread thinly and popular SKUs sit everywhere they may.
    pub units_per_record: Option<(i64, i64)>,
    /// `None`: fixed costs on 3PLs and drop-ship suppliers only. `Some(share)`: warehouses and
    /// stores get one too, until this share of the nodes has a fixed cost.
    pub fixed_cost_share: Option<f64>,
    /// West-to-east longitude bands of equal population. With more than one, every band is an
    /// independent part of the wave: its own nodes, customers and SKUs (SKU rank `r` belongs to
    /// band `r % regions`), so no node can serve another band's orders.
    pub regions: usize,
    pub hold_share: f64,
    pub ship_complete_share: f64,
    pub fill_or_kill_share: f64,
    /// Share of orders addressed by zone (priced by lanes where a node has one).
    pub zone_share: f64,
    /// Warehouses closed for the wave (what-if style); their stock is listed but unusable.
    pub inactive_nodes: usize,
    /// `policy.late_penalty_per_day`.
    pub late_penalty_per_day: f64,
    /// `policy.split_penalty`.
    pub split_penalty: f64,
}

/// How many lines an order has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineMix {
    /// 1–5 lines in 35/25/20/12/8% of orders (cut off at `max_lines`).
    Standard,
    /// 1..=`max_lines` lines, `n` lines with weight `n · (max_lines + 1 − n)`: a hump whose mean
    /// is `(max_lines + 1) / 2`.
    Wide,
}

impl Default for GeneratorConfig {
    /// The S preset's settings.
    fn default() -> Self {
        GeneratorConfig {
            name: "s".to_string(),
            orders: 200,
            nodes: 8,
            skus: 300,
            max_lines: 5,
            line_mix: LineMix::Standard,
            scarce_sku_share: 0.05,
            supply_cover: 1.6,
            scarce_cover: 0.6,
            binding_node_share: 1.0 / 3.0,
            binding_load: None,
            units_per_record: None,
            fixed_cost_share: None,
            regions: 1,
            hold_share: 0.01,
            ship_complete_share: 0.05,
            fill_or_kill_share: 0.03,
            zone_share: 0.02,
            inactive_nodes: 0,
            late_penalty_per_day: 25.0,
            split_penalty: 5.0,
        }
    }
}

impl GeneratorConfig {
    /// A count from a share of `total`: rounded, and at least 1 when `share > 0` and `total ≥ 10`.
    fn count(share: f64, total: usize) -> usize {
        let n = (share * total as f64).round().max(0.0) as usize;
        if n == 0 && share > 0.0 && total >= 10 {
            1
        } else {
            n.min(total)
        }
    }
}

/// The fixed "now" of every generated wave (the Thursday of US Thanksgiving week, 10:00 UTC).
pub const AS_OF: &str = "2026-11-26T10:00:00Z";

/// Generates the wave of a preset.
pub fn generate(preset: Preset, seed: u64) -> Wave {
    generate_with(&preset.config(), seed)
}

/// Generates a wave from explicit settings. Linear in orders + SKUs × stocking nodes.
pub fn generate_with(config: &GeneratorConfig, seed: u64) -> Wave {
    let bands = Bands::new(config.regions);
    let network = network::nodes(config, &bands, &mut Rng::stream(seed, 1));
    let orders = demand::orders(config, &bands, &mut Rng::stream(seed, 2));
    let mut nodes = network.nodes;
    if let Some(share) = config.fixed_cost_share {
        network::add_fixed_costs(&mut nodes, share, &mut Rng::stream(seed, 6));
    }
    let stock = stock::stock(
        config,
        &orders,
        &nodes,
        (&network.bands, bands.count()),
        &mut Rng::stream(seed, 3),
    );
    stock::set_capacities(config, &stock, &mut nodes, &mut Rng::stream(seed, 4));
    let lanes = network::lanes(&nodes, &network.states, &mut Rng::stream(seed, 5));
    Wave {
        wave_id: format!("gen-{}-seed{seed}", config.name),
        as_of: AS_OF.to_string(),
        orders,
        nodes,
        inventory: stock.inventory,
        reservations: stock.reservations,
        ship_methods: network::ship_methods(),
        lanes,
        policy: network::policy(config),
        options: Default::default(),
    }
}
