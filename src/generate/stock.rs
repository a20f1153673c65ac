//! Stock for a generated wave: inventory sized from the wave's own demand (ordinary SKUs
//! covered, scarce ones not), channel reservations on the scarce SKUs, and node capacities
//! sized from each node's expected share of the work so that about a third of them bind.

use super::demand::{sku_id, sku_rank, EDI, SALES_REP, WEB};
use super::rng::{choose_indices, round_to, Rng, Weighted};
use super::GeneratorConfig;
use crate::format::{InventoryRecord, Node, NodeKind, Order, Reservation};

/// Share of ordinary SKUs that a drop-ship supplier also carries.
const DROPSHIP_SKU_SHARE: f64 = 0.15;
/// The most popular 30% of SKUs are also stocked in stores.
const STORE_SKU_SHARE: f64 = 0.3;
/// Shipments per line, roughly, once an order's lines are consolidated.
const SHIPMENTS_PER_LINE: f64 = 0.8;
/// Channels that reservations protect stock for, in turn.
const RESERVED_CHANNELS: [&str; 3] = [EDI, SALES_REP, WEB];

pub struct Stock {
    pub inventory: Vec<InventoryRecord>,
    pub reservations: Vec<Reservation>,
    /// Per node: units and shipments it would handle if every SKU's demand were sourced in
    /// proportion to where its stock sits.
    expected_units: Vec<f64>,
    expected_shipments: Vec<f64>,
}

/// Which SKUs are scarce: every `1 / share`-th SKU that is demanded at all, in popularity
/// order starting at the third, so that scarce SKUs range from hot items to the long tail.
fn scarce_skus(demand: &[i64], share: f64) -> Vec<bool> {
    if share <= 0.0 {
        return vec![false; demand.len()];
    }
    let stride = ((1.0 / share).round() as usize).max(1);
    let mut demanded = 0;
    demand
        .iter()
        .map(|&d| {
            if d == 0 {
                return false;
            }
            demanded += 1;
            (demanded - 1) % stride == 2 % stride
        })
        .collect()
}

/// How strongly each kind of node attracts stock (0: never stocks this SKU).
fn stocking_weight(node: &Node, popular: bool) -> f64 {
    if !node.active {
        return 0.0;
    }
    match node.kind {
        NodeKind::Warehouse => 5.0,
        NodeKind::ThirdParty => 3.0,
        NodeKind::Store if popular => 1.5,
        NodeKind::Store | NodeKind::Dropship => 0.0,
    }
}

/// Units of one SKU at one node.
struct Holding {
    node: usize,
    available: i64,
}

/// Where one band's SKUs may be stocked: weights per node (0 outside the band) for popular and
/// long-tail SKUs, the band's active drop-ship suppliers, and its closed nodes.
struct BandNodes {
    popular: Vec<f64>,
    tail: Vec<f64>,
    stocking: [Weighted; 2],
    dropships: Vec<usize>,
    inactive: Vec<usize>,
}

impl BandNodes {
    fn new(nodes: &[Node], node_bands: &[usize], band: usize) -> Self {
        let inside = |i: usize| node_bands.get(i).copied().unwrap_or(0) == band;
        let profile = |popular: bool| -> Vec<f64> {
            (0..nodes.len())
                .map(|i| {
                    if inside(i) {
                        stocking_weight(&nodes[i], popular)
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let (popular, tail) = (profile(true), profile(false));
        let stocking = [
            Weighted::new(popular.iter().copied()),
            Weighted::new(tail.iter().copied()),
        ];
        let dropships = (0..nodes.len())
            .filter(|&i| inside(i) && nodes[i].active && nodes[i].kind == NodeKind::Dropship)
            .collect();
        let inactive = (0..nodes.len())
            .filter(|&i| inside(i) && !nodes[i].active)
            .collect();
        BandNodes {
            popular,
            tail,
            stocking,
            dropships,
            inactive,
        }
    }
}

/// Inventory, reservations and expected loads. `node_bands` gives each node's band, of
/// `band_count` (see [`GeneratorConfig::regions`]); SKU rank `r` is stocked only in band
/// `r % band_count`.
pub fn stock(
    config: &GeneratorConfig,
    orders: &[Order],
    nodes: &[Node],
    (node_bands, band_count): (&[usize], usize),
    rng: &mut Rng,
) -> Stock {
    let skus = config.skus;
    let mut demand = vec![0i64; skus];
    let mut lines = vec![0usize; skus];
    for order in orders.iter().filter(|o| o.hold.is_none()) {
        for line in &order.lines {
            if let Some(rank) = sku_rank(&line.sku).filter(|&r| r < skus) {
                demand[rank] += line.qty;
                lines[rank] += 1;
            }
        }
    }
    let scarce_flags = scarce_skus(&demand, config.scarce_sku_share);
    let bands: Vec<BandNodes> = (0..band_count.max(1))
        .map(|band| BandNodes::new(nodes, node_bands, band))
        .collect();

    let mut stock = Stock {
        inventory: Vec::new(),
        reservations: Vec::new(),
        expected_units: vec![0.0; nodes.len()],
        expected_shipments: vec![0.0; nodes.len()],
    };
    let mut records: Vec<(usize, usize, i64, i64)> = Vec::new();
    let mut scarce_seen = 0usize;
    for rank in 0..skus {
        let popular = (rank as f64) < STORE_SKU_SHARE * skus as f64;
        let scarce = scarce_flags[rank];
        let band = &bands[rank % bands.len()];
        let (profile, weighted) = if popular || band.tail.iter().all(|&w| w == 0.0) {
            (&band.popular, &band.stocking[0])
        } else {
            (&band.tail, &band.stocking[1])
        };
        let eligible = profile.iter().filter(|&&w| w > 0.0).count();
        let supply = |rng: &mut Rng| match (demand[rank], scarce) {
            (0, _) => rng.int(2, 10),
            (d, true) => (d as f64 * config.scarce_cover * rng.real(0.8, 1.2)) as i64,
            (d, false) => (d as f64 * config.supply_cover * rng.real(0.8, 1.2)).ceil() as i64,
        };
        let mut holdings = match config.units_per_record {
            None => {
                let closeness = 1.0 - rank as f64 / skus as f64;
                let spread = 2 + (6.0 * closeness * closeness) as usize + rng.below(2);
                let spread = if scarce { spread.min(3) } else { spread }.min(eligible);
                let supply = supply(rng);
                split(supply, spread, weighted, profile, rng)
            }
            Some((lo, hi)) => {
                let supply = supply(rng).max(0);
                let per_record = rng.int(lo.max(1), hi.max(lo.max(1)));
                let spread = (supply as u64).div_ceil(per_record as u64) as usize;
                let spread = spread.min(eligible);
                split_thin(supply, spread, weighted, profile, rng)
            }
        };
        if !scarce && !band.dropships.is_empty() && rng.chance(DROPSHIP_SKU_SHARE) {
            let available = demand[rank] / 2 + rng.int(5, 20);
            holdings.push(Holding {
                node: *rng.pick(&band.dropships),
                available,
            });
        }
        expect_load(&mut stock, &holdings, demand[rank], lines[rank]);
        if scarce {
            if scarce_seen % 5 != 4 {
                if let Some(r) = reservation(&stock, rank, &holdings, nodes, rng) {
                    stock.reservations.push(r);
                }
            }
            scarce_seen += 1;
        }
        for h in holdings {
            let (on_hand, safety_stock) = with_safety_stock(nodes[h.node].kind, h.available, rng);
            records.push((h.node, rank, on_hand, safety_stock));
        }
        if popular && !band.inactive.is_empty() && rng.chance(0.5) {
            records.push((
                *rng.pick(&band.inactive),
                rank,
                (demand[rank] / 4).max(1),
                0,
            ));
        }
    }
    records.sort_unstable_by_key(|&(node, rank, _, _)| (node, rank));
    stock.inventory = records
        .into_iter()
        .map(|(node, rank, on_hand, safety_stock)| InventoryRecord {
            node: nodes[node].id.clone(),
            sku: sku_id(rank),
            on_hand,
            safety_stock,
        })
        .collect();
    stock
}

/// Up to `spread` distinct nodes drawn by weight, each with its weight for this SKU.
fn choose_nodes(
    spread: usize,
    weighted: &Weighted,
    profile: &[f64],
    rng: &mut Rng,
) -> Vec<(usize, f64)> {
    let mut chosen: Vec<(usize, f64)> = Vec::with_capacity(spread);
    for _ in 0..spread * 8 {
        if chosen.len() == spread {
            break;
        }
        let node = weighted.sample(rng);
        if profile[node] > 0.0 && chosen.iter().all(|&(n, _)| n != node) {
            chosen.push((node, profile[node] * rng.real(0.5, 1.5)));
        }
    }
    chosen
}

/// Splits `supply` units over `spread` distinct nodes drawn by weight.
fn split(
    supply: i64,
    spread: usize,
    weighted: &Weighted,
    profile: &[f64],
    rng: &mut Rng,
) -> Vec<Holding> {
    let chosen = choose_nodes(spread, weighted, profile, rng);
    let total: f64 = chosen.iter().map(|c| c.1).sum();
    let mut holdings: Vec<Holding> = chosen
        .iter()
        .map(|&(node, w)| Holding {
            node,
            available: (supply as f64 * w / total) as i64,
        })
        .collect();
    let rest = supply - holdings.iter().map(|h| h.available).sum::<i64>();
    if let Some(first) = holdings.first_mut() {
        first.available += rest;
    }
    holdings
}

/// Splits `supply` units thinly over `spread` distinct nodes drawn by weight: one unit each,
/// then the rest by weight.
fn split_thin(
    supply: i64,
    spread: usize,
    weighted: &Weighted,
    profile: &[f64],
    rng: &mut Rng,
) -> Vec<Holding> {
    let chosen = choose_nodes(spread, weighted, profile, rng);
    let base = i64::from(supply >= chosen.len() as i64);
    let rest = supply - base * chosen.len() as i64;
    let total: f64 = chosen.iter().map(|c| c.1).sum();
    let mut holdings: Vec<Holding> = chosen
        .iter()
        .map(|&(node, w)| Holding {
            node,
            available: base + (rest as f64 * w / total) as i64,
        })
        .collect();
    let left = supply - holdings.iter().map(|h| h.available).sum::<i64>();
    if let Some(first) = holdings.first_mut() {
        first.available += left;
    }
    holdings
}

/// Warehouses and stores often keep a little safety stock; now and then a store is already
/// below it (allowed: nothing is available there).
fn with_safety_stock(kind: NodeKind, available: i64, rng: &mut Rng) -> (i64, i64) {
    if !matches!(kind, NodeKind::Warehouse | NodeKind::Store) || !rng.chance(0.25) {
        return (available, 0);
    }
    if available == 0 && kind == NodeKind::Store {
        return (1, 2);
    }
    let safety = rng.int(1, 3);
    (available + safety, safety)
}

fn expect_load(stock: &mut Stock, holdings: &[Holding], demand: i64, lines: usize) {
    let total: i64 = holdings.iter().map(|h| h.available).sum();
    if total == 0 {
        return;
    }
    let served = demand.min(total) as f64;
    for h in holdings {
        let share = h.available as f64 / total as f64;
        stock.expected_units[h.node] += served * share;
        stock.expected_shipments[h.node] += lines as f64 * share * SHIPMENTS_PER_LINE;
    }
}

/// One reservation on a scarce SKU, cycling through the four forms (node or network, qty or
/// share) and the reserved channels.
fn reservation(
    stock: &Stock,
    rank: usize,
    holdings: &[Holding],
    nodes: &[Node],
    rng: &mut Rng,
) -> Option<Reservation> {
    let made = stock.reservations.len();
    let channel = RESERVED_CHANNELS[made % RESERVED_CHANNELS.len()];
    let serves = |h: &&Holding| {
        nodes[h.node]
            .channels
            .as_ref()
            .is_none_or(|list| list.iter().any(|c| c == channel))
    };
    let largest = holdings
        .iter()
        .filter(serves)
        .max_by_key(|h| (h.available, std::cmp::Reverse(h.node)))?;
    if largest.available == 0 {
        return None;
    }
    let total: i64 = holdings.iter().map(|h| h.available).sum();
    let at_node = Some(nodes[largest.node].id.clone());
    let (node, qty, share) = match made % 4 {
        0 => {
            let qty = (largest.available as f64 * rng.real(0.25, 0.5)).round() as i64;
            (at_node, Some(qty.max(1)), None)
        }
        1 => (None, None, Some(round_to(rng.real(0.2, 0.4), 2))),
        2 => (at_node, None, Some(round_to(rng.real(0.3, 0.5), 2))),
        _ => {
            let qty = (total as f64 * rng.real(0.15, 0.3)).round() as i64;
            (None, Some(qty.max(1)), None)
        }
    };
    Some(Reservation {
        channel: channel.to_string(),
        sku: sku_id(rank),
        node,
        qty,
        share,
    })
}

/// Binding capacities (below the expected load) on `binding_node_share` of the nodes that can
/// take them, and (unless `binding_load` is set) slack ones on about half of the rest;
/// drop-ship suppliers are unlimited.
pub fn set_capacities(config: &GeneratorConfig, stock: &Stock, nodes: &mut [Node], rng: &mut Rng) {
    let candidates: Vec<usize> = (0..nodes.len())
        .filter(|&i| {
            nodes[i].active && nodes[i].kind != NodeKind::Dropship && stock.expected_units[i] > 0.0
        })
        .collect();
    let binding_count = GeneratorConfig::count(config.binding_node_share, nodes.len());
    let binding: Vec<usize> = choose_indices(rng, candidates.len(), binding_count)
        .into_iter()
        .map(|k| candidates[k])
        .collect();
    let cap = |expected: f64, factor: f64| ((expected * factor).ceil() as i64).max(1);
    if let Some((lo, hi)) = config.binding_load {
        for &i in &binding {
            let (units, shipments) = (stock.expected_units[i], stock.expected_shipments[i]);
            nodes[i].capacity.units = Some(cap(units, rng.real(lo, hi)));
            nodes[i].capacity.shipments = Some(cap(shipments, rng.real(lo, hi)));
        }
        return;
    }
    for (i, node) in nodes.iter_mut().enumerate() {
        let units = stock.expected_units[i];
        let shipments = stock.expected_shipments[i];
        if let Some(k) = binding.iter().position(|&b| b == i) {
            if k % 3 != 1 {
                node.capacity.units = Some(cap(units, rng.real(0.55, 0.8)));
            }
            if k % 3 != 0 {
                node.capacity.shipments = Some(cap(shipments, rng.real(0.6, 0.85)));
            }
        } else if node.kind != NodeKind::Dropship && rng.chance(0.5) {
            match node.kind {
                NodeKind::Store => node.capacity.shipments = Some(cap(shipments, 2.5) + 5),
                _ => node.capacity.units = Some(cap(units, rng.real(2.0, 3.0)) + 10),
            }
        }
    }
}
