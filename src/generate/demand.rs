//! The orders of a generated wave: who orders (channels, tiers, customers), where to, what
//! (a Zipf-like SKU popularity), by when, and with which special rules.

use super::cities::{region, Bands, CitySampler};
use super::network::TIERS;
use super::rng::{choose_indices, round_to, Rng, Weighted};
use super::{GeneratorConfig, LineMix, AS_OF};
use crate::format::{Order, OrderLine, ShipTo};

pub const EDI: &str = "edi";
pub const B2B_PORTAL: &str = "b2b_portal";
pub const PHONE: &str = "phone";
pub const SALES_REP: &str = "sales_rep";
pub const WEB: &str = "web";

/// Channels of business accounts, with their shares of B2B orders.
const B2B_CHANNELS: [(&str, f64); 4] = [
    (EDI, 0.35),
    (B2B_PORTAL, 0.35),
    (PHONE, 0.15),
    (SALES_REP, 0.15),
];
/// Share of orders from the web shop (consumers, standard tier).
const WEB_SHARE: f64 = 0.4;
/// Tier shares of business accounts, in [`TIERS`] order.
const ACCOUNT_TIER_SHARES: [f64; 3] = [0.12, 0.28, 0.60];
/// Shares of orders with 1, 2, 3, 4, 5 lines.
const LINE_COUNT_SHARES: [f64; 5] = [0.35, 0.25, 0.20, 0.12, 0.08];
/// Shares of due dates 1..=6 days after `as_of`.
const DUE_DAY_SHARES: [f64; 6] = [0.10, 0.20, 0.25, 0.20, 0.15, 0.10];
/// Share of orders without a due date.
const NO_DUE_DATE_SHARE: f64 = 0.04;
/// Zipf–Mandelbrot popularity: the SKU of rank r (0-based) has weight 1 / (r + this).
const POPULARITY_OFFSET: f64 = 5.0;
const HOLD_REASONS: [&str; 3] = ["credit", "fraud_review", "address_check"];

/// `SKU-00001` is the most popular SKU, and so on down.
pub fn sku_id(rank: usize) -> String {
    format!("SKU-{:05}", rank + 1)
}

/// The popularity rank of an id made by [`sku_id`].
pub fn sku_rank(id: &str) -> Option<usize> {
    id.strip_prefix("SKU-")?
        .parse::<usize>()
        .ok()?
        .checked_sub(1)
}

struct Account {
    id: String,
    channel: &'static str,
    tier: &'static str,
    site: (f64, f64),
    state: &'static str,
    band: usize,
}

fn accounts(count: usize, sampler: &CitySampler, bands: &Bands, rng: &mut Rng) -> Vec<Account> {
    let channels = Weighted::new(B2B_CHANNELS.iter().map(|c| c.1));
    let tiers = Weighted::new(ACCOUNT_TIER_SHARES);
    (0..count)
        .map(|i| {
            let city = sampler.sample(rng);
            Account {
                id: format!("C-{:05}", i + 1),
                channel: B2B_CHANNELS[channels.sample(rng)].0,
                tier: TIERS[tiers.sample(rng)].0,
                site: jitter(city.lat, city.lon, 0.05, rng),
                state: city.state,
                band: bands.of(city.lon),
            }
        })
        .collect()
}

fn jitter(lat: f64, lon: f64, degrees: f64, rng: &mut Rng) -> (f64, f64) {
    (
        round_to(lat + rng.real(-degrees, degrees), 4),
        round_to(lon + rng.real(-degrees, degrees), 4),
    )
}

/// SKU popularity within each band: a band orders only its own SKUs (rank `r` belongs to band
/// `r % bands`), in the same Zipf-like order.
fn popularity(skus: usize, bands: usize) -> Vec<Weighted> {
    (0..bands)
        .map(|band| {
            Weighted::new((0..skus).map(|r| {
                if r % bands == band {
                    1.0 / (r as f64 + POPULARITY_OFFSET)
                } else {
                    0.0
                }
            }))
        })
        .collect()
}

/// The weights of 1, 2, … lines an order.
fn line_count_shares(config: &GeneratorConfig) -> Vec<f64> {
    match config.line_mix {
        LineMix::Standard => {
            LINE_COUNT_SHARES[..config.max_lines.clamp(1, 5).min(config.skus)].to_vec()
        }
        LineMix::Wide => {
            let max = config.max_lines.max(1).min(config.skus);
            (1..=max).map(|n| (n * (max + 1 - n)) as f64).collect()
        }
    }
}

pub fn orders(config: &GeneratorConfig, bands: &Bands, rng: &mut Rng) -> Vec<Order> {
    let sampler = CitySampler::new();
    let accounts = accounts((config.orders / 8).max(5), &sampler, bands, rng);
    let popularity = popularity(config.skus, bands.count());
    let shares = line_count_shares(config);
    let max_lines = shares.len();
    let line_counts = Weighted::new(shares);
    let line_count = |weighted: &Weighted, rng: &mut Rng| {
        if max_lines == 0 {
            0
        } else {
            1 + weighted.sample(rng)
        }
    };
    let due_days = Weighted::new(DUE_DAY_SHARES);
    let as_of = chrono::DateTime::parse_from_rfc3339(AS_OF).expect("AS_OF is RFC 3339");
    let width = config.orders.to_string().len().max(4);

    let mut states = Vec::with_capacity(config.orders);
    let mut orders: Vec<Order> = (0..config.orders)
        .map(|i| {
            let (customer, channel, tier, site, band) = if rng.chance(WEB_SHARE) {
                let city = sampler.sample(rng);
                let site = jitter(city.lat, city.lon, 0.08, rng);
                states.push(city.state);
                let band = bands.of(city.lon);
                (
                    format!("WEB-{:0width$}", i + 1),
                    WEB,
                    TIERS[2].0,
                    site,
                    band,
                )
            } else {
                let account = rng.pick(&accounts);
                let channel = if rng.chance(0.8) {
                    account.channel
                } else {
                    rng.pick(&B2B_CHANNELS).0
                };
                states.push(account.state);
                let id = account.id.clone();
                (id, channel, account.tier, account.site, account.band)
            };
            let placed_at = as_of - chrono::Duration::seconds(rng.int(0, 72 * 3600));
            let due_by = (!rng.chance(NO_DUE_DATE_SHARE)).then(|| {
                let days = 1 + due_days.sample(rng) as i64;
                (as_of + chrono::Duration::days(days))
                    .format("%Y-%m-%d")
                    .to_string()
            });
            Order {
                id: format!("SO-{:0width$}", i + 1),
                channel: channel.to_string(),
                customer,
                tier: Some(tier.to_string()),
                placed_at: Some(placed_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                ship_to: ShipTo {
                    lat: Some(site.0),
                    lon: Some(site.1),
                    zone: None,
                },
                due_by,
                ship_complete: false,
                fill_or_kill: false,
                hold: None,
                lines: lines(
                    line_count(&line_counts, rng),
                    channel == WEB,
                    &popularity[band],
                    rng,
                ),
                metadata: None,
            }
        })
        .collect();
    mark_special_orders(config, &mut orders, &states, rng);
    orders
}

/// Distinct SKUs by popularity; consumers buy 1–3 units a line, businesses up to a dozen.
fn lines(count: usize, consumer: bool, popularity: &Weighted, rng: &mut Rng) -> Vec<OrderLine> {
    let mut ranks: Vec<usize> = Vec::with_capacity(count);
    for _ in 0..count {
        for _ in 0..20 {
            let rank = popularity.sample(rng);
            if !ranks.contains(&rank) {
                ranks.push(rank);
                break;
            }
        }
    }
    ranks
        .into_iter()
        .enumerate()
        .map(|(i, rank)| {
            let qty = if consumer {
                match rng.unit() {
                    u if u < 0.75 => 1,
                    u if u < 0.93 => 2,
                    _ => 3,
                }
            } else {
                let u = rng.unit();
                1 + (u * u * 12.0) as i64
            };
            OrderLine {
                id: (i + 1).to_string(),
                sku: sku_id(rank),
                qty,
                metadata: None,
            }
        })
        .collect()
}

/// Holds, ship-complete, fill-or-kill and zone-addressed orders, each an exact count of
/// randomly chosen orders (so that even small waves have them).
fn mark_special_orders(
    config: &GeneratorConfig,
    orders: &mut [Order],
    states: &[&str],
    rng: &mut Rng,
) {
    let n = orders.len();
    for i in choose_indices(rng, n, GeneratorConfig::count(config.hold_share, n)) {
        orders[i].hold = Some(rng.pick(&HOLD_REASONS).to_string());
    }
    for i in choose_indices(
        rng,
        n,
        GeneratorConfig::count(config.ship_complete_share, n),
    ) {
        orders[i].ship_complete = true;
    }
    for i in choose_indices(rng, n, GeneratorConfig::count(config.fill_or_kill_share, n)) {
        orders[i].fill_or_kill = true;
    }
    // Zone orders: every third is addressed by zone only (reachable through lanes alone).
    let zoned = choose_indices(rng, n, GeneratorConfig::count(config.zone_share, n));
    for (k, i) in zoned.into_iter().enumerate() {
        let ship_to = &mut orders[i].ship_to;
        ship_to.zone = Some(region(states[i]).to_string());
        if k % 3 == 2 {
            ship_to.lat = None;
            ship_to.lon = None;
        }
    }
}
