//! The network of a generated wave: nodes at real metros, ship methods, zone lanes, and policy.

use super::cities::{region, rough_distance_sq, Bands, CitySampler, REGIONS};
use super::demand::{B2B_PORTAL, WEB};
use super::rng::{choose_indices, round_to, Rng};
use super::GeneratorConfig;
use crate::format::{
    Allocation, Capacity, Handling, Lane, LatLon, Node, NodeKind, Policy, ShipMethod, SlaMode,
    Tier, WithinTier,
};

/// The tiers of every generated wave, highest first, with decreasing unfilled penalties.
pub const TIERS: [(&str, f64); 3] = [("strategic", 500.0), ("key", 250.0), ("standard", 100.0)];

pub struct Network {
    pub nodes: Vec<Node>,
    /// The state of each node's metro (for rate zones).
    pub states: Vec<&'static str>,
    /// The band ([`Bands`]) of each node: 0 for all with one region.
    pub bands: Vec<usize>,
}

/// How many nodes of each kind: roughly 40% warehouses, 30% stores, 18% 3PLs and 12% drop-ship
/// suppliers, with at least one of each once there are four nodes.
fn kind_counts(nodes: usize) -> [(NodeKind, usize); 4] {
    let at_least_one = |share: f64| ((share * nodes as f64).round() as usize).max(1);
    let (stores, third_party, dropship) = match nodes {
        0 | 1 => (0, 0, 0),
        2 => (1, 0, 0),
        3 => (1, 1, 0),
        _ => (at_least_one(0.30), at_least_one(0.18), at_least_one(0.12)),
    };
    let warehouses = nodes.saturating_sub(stores + third_party + dropship);
    [
        (NodeKind::Warehouse, warehouses),
        (NodeKind::Store, stores),
        (NodeKind::ThirdParty, third_party),
        (NodeKind::Dropship, dropship),
    ]
}

fn prefix(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Warehouse => "WH",
        NodeKind::Store => "ST",
        NodeKind::ThirdParty => "3PL",
        NodeKind::Dropship => "DS",
    }
}

/// Warehouses and 3PLs ("hubs") sit at distinct metros, spread over the country; stores and
/// drop-ship suppliers sit wherever people are. With several bands, the nodes take turns
/// (in id order) to sit in each band.
pub fn nodes(config: &GeneratorConfig, bands: &Bands, rng: &mut Rng) -> Network {
    let samplers: Vec<CitySampler> = (0..bands.count())
        .map(|b| CitySampler::in_band(bands, b))
        .collect();
    let counts = kind_counts(config.nodes);
    let hubs = counts[0].1 + counts[2].1;
    let min_hub_gap_sq = (300.0 / hubs.max(1) as f64).clamp(1.0, 36.0);
    let width = config.nodes.to_string().len().max(2);
    let mut hub_sites: Vec<(f64, f64)> = Vec::new();
    let mut nodes = Vec::with_capacity(config.nodes);
    let mut states = Vec::with_capacity(config.nodes);
    let mut node_bands = Vec::with_capacity(config.nodes);
    for (kind, count) in counts {
        for _ in 0..count {
            let band = nodes.len() % samplers.len();
            let sampler = &samplers[band];
            let is_hub = matches!(kind, NodeKind::Warehouse | NodeKind::ThirdParty);
            let mut city = sampler.sample(rng);
            if is_hub {
                for _ in 0..50 {
                    let site = (city.lat, city.lon);
                    if hub_sites
                        .iter()
                        .all(|&h| rough_distance_sq(h, site) >= min_hub_gap_sq)
                    {
                        break;
                    }
                    city = sampler.sample(rng);
                }
                hub_sites.push((city.lat, city.lon));
            }
            let id = format!(
                "{}-{:0width$}-{}",
                prefix(kind),
                nodes.len() + 1,
                city.state
            );
            nodes.push(node(
                id,
                kind,
                LatLon {
                    lat: city.lat,
                    lon: city.lon,
                },
                rng,
            ));
            states.push(city.state);
            node_bands.push(band);
        }
    }
    // Close the last warehouses (never the only one).
    let warehouses = counts[0].1;
    for node in nodes[..warehouses]
        .iter_mut()
        .rev()
        .take(config.inactive_nodes.min(warehouses.saturating_sub(1)))
    {
        node.active = false;
    }
    Network {
        nodes,
        states,
        bands: node_bands,
    }
}

/// Fixed costs on warehouses and stores too (a pickup fee, a minimum charge), chosen at
/// random, until `share` of the nodes has one.
pub fn add_fixed_costs(nodes: &mut [Node], share: f64, rng: &mut Rng) {
    let wanted = GeneratorConfig::count(share, nodes.len());
    let have = nodes.iter().filter(|n| n.fixed_cost > 0.0).count();
    let free: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].fixed_cost == 0.0)
        .collect();
    for k in choose_indices(rng, free.len(), wanted.saturating_sub(have)) {
        nodes[free[k]].fixed_cost = round_to(rng.real(15.0, 50.0), 2);
    }
}

fn node(id: String, kind: NodeKind, location: LatLon, rng: &mut Rng) -> Node {
    let money = |rng: &mut Rng, lo: f64, hi: f64| round_to(rng.real(lo, hi), 2);
    let (processing_days, handling, fixed_cost, channels) = match kind {
        NodeKind::Warehouse => (
            i64::from(rng.chance(0.3)),
            (money(rng, 1.2, 2.0), money(rng, 0.20, 0.35)),
            0.0,
            None,
        ),
        NodeKind::Store => (
            i64::from(rng.chance(0.5)),
            (money(rng, 3.0, 4.5), money(rng, 0.8, 1.3)),
            0.0,
            Some(vec![WEB.to_string()]),
        ),
        NodeKind::ThirdParty => (
            1,
            (money(rng, 1.8, 2.8), money(rng, 0.30, 0.50)),
            money(rng, 20.0, 60.0),
            None,
        ),
        NodeKind::Dropship => (
            2,
            (money(rng, 0.0, 1.0), 0.10),
            money(rng, 40.0, 120.0),
            Some(vec![B2B_PORTAL.to_string(), WEB.to_string()]),
        ),
    };
    Node {
        id,
        kind,
        location: Some(location),
        active: true,
        processing_days,
        handling: Handling {
            per_shipment: handling.0,
            per_unit: handling.1,
        },
        fixed_cost,
        capacity: Capacity::default(),
        channels,
    }
}

/// Ground (SPEC.md's default parcel model) and a faster, dearer express.
pub fn ship_methods() -> Vec<ShipMethod> {
    vec![
        ShipMethod::default_ground(),
        ShipMethod {
            id: "express".to_string(),
            base_cost: 14.5,
            per_unit: 0.85,
            per_unit_km: 0.0011,
            km_per_day: 2000.0,
            min_days: 1,
        },
    ]
}

/// Negotiated rates: every 3PL to every region (faster inside its own region; the first 3PL also
/// has an express rate home), and from the first warehouse a ground-only rate into its own
/// region that keeps distance-based transit.
pub fn lanes(nodes: &[Node], states: &[&str], rng: &mut Rng) -> Vec<Lane> {
    let mut lanes = Vec::new();
    let third_parties = nodes
        .iter()
        .zip(states)
        .filter(|(n, _)| n.kind == NodeKind::ThirdParty);
    for (k, (node, state)) in third_parties.enumerate() {
        let home = region(state);
        for zone in REGIONS {
            let days = if zone == home { 2 } else { rng.int(3, 4) };
            lanes.push(Lane {
                from: node.id.clone(),
                to_zone: zone.to_string(),
                method: None,
                per_shipment: Some(round_to(rng.real(6.0, 9.0), 2)),
                per_unit: Some(round_to(rng.real(0.35, 0.60), 2)),
                days: Some(days),
            });
        }
        if k == 0 {
            lanes.push(Lane {
                from: node.id.clone(),
                to_zone: home.to_string(),
                method: Some("express".to_string()),
                per_shipment: Some(12.0),
                per_unit: Some(0.8),
                days: Some(1),
            });
        }
    }
    if let Some((node, state)) = nodes
        .iter()
        .zip(states)
        .find(|(n, _)| n.kind == NodeKind::Warehouse)
    {
        lanes.push(Lane {
            from: node.id.clone(),
            to_zone: region(state).to_string(),
            method: Some("ground".to_string()),
            per_shipment: Some(7.0),
            per_unit: Some(0.4),
            days: None,
        });
    }
    lanes
}

/// Strict tiers, soft SLA, and a split penalty that makes consolidation matter.
pub fn policy(config: &GeneratorConfig) -> Policy {
    Policy {
        tiers: TIERS
            .iter()
            .map(|&(name, penalty)| Tier {
                name: name.to_string(),
                unfilled_penalty: Some(penalty),
            })
            .collect(),
        allocation: Allocation::Strict,
        within_tier: WithinTier::Cost,
        sla: SlaMode::Soft,
        late_penalty_per_day: config.late_penalty_per_day,
        split_penalty: config.split_penalty,
        max_shipments_per_order: None,
        road_factor: 1.2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_nodes_have_every_kind() {
        let counts = kind_counts(8);
        assert!(counts.iter().all(|&(_, n)| n >= 1), "{counts:?}");
        assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), 8);
    }

    #[test]
    fn one_node_is_a_warehouse() {
        assert_eq!(kind_counts(1)[0], (NodeKind::Warehouse, 1));
    }
}
