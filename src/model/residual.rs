//! A *residual* wave: a few orders planned again on what the rest of a plan leaves them.
//!
//! The large-neighbourhood search (`solver::mip::lns`) frees a small set of orders, keeps every
//! other order's shipments, and re-solves the freed orders exactly on a model that holds only
//! them. That model must accept exactly the plans for the freed orders that, joined to the kept
//! shipments, satisfy the whole wave:
//! - stock per (node, SKU) is what the kept shipments leave on the shelf;
//! - node capacities (shipments and units) are reduced by the kept shipments' use;
//! - a node's fixed cost is already paid when a kept shipment opens it, so it costs 0 here;
//! - at a reservation place with available `A`, reservations `R_c` and kept consumption `k_c`,
//!   the freed orders see `A' = A − Σ_c k_c` and `R'_c = max(0, R_c − k_c)`. Then for any use
//!   `u_c` by the freed orders, `Σ_c max(0, k_c + u_c − R_c) = Σ_c max(0, k_c − R_c) +
//!   Σ_c max(0, u_c − R'_c)`, so the wave's rule `Σ_c max(0, k_c + u_c − R_c) ≤ A − Σ_c R_c`
//!   holds exactly when `Σ_c max(0, u_c − R'_c) ≤ A' − Σ_c R'_c`.
//!
//! SKUs are re-indexed to those the freed orders carry, so the residual model is small however
//! large the wave is. Orders keep their line indices; order indices map through `orders`.

use super::{ChannelIdx, Model, NodeIdx, OrderIdx, ReservationPlace, ReservedShare, SkuIdx};

/// What the kept shipments use, as the residual model needs it.
pub struct KeptUse<'a> {
    /// Units of (node, sku) the kept shipments take.
    pub stock: &'a dyn Fn(NodeIdx, SkuIdx) -> i64,
    /// Shipments and units the kept shipments put on each node.
    pub node_shipments: &'a [i64],
    pub node_units: &'a [i64],
    /// Units the kept shipments of a channel consume at a reservation place (by index).
    pub place_use: &'a dyn Fn(usize, ChannelIdx) -> i64,
}

/// The residual model and how its indices map back to the wave's.
pub struct Residual {
    pub model: Model,
    /// Wave order index of each residual order.
    pub orders: Vec<OrderIdx>,
}

impl Model {
    /// The model of `orders` alone on what `kept` leaves (see the module docs).
    pub fn residual(&self, orders: &[OrderIdx], kept: &KeptUse) -> Residual {
        let mut sku_map: Vec<Option<SkuIdx>> = vec![None; self.skus.len()];
        let mut skus: Vec<SkuIdx> = Vec::new();
        for &o in orders {
            for l in &self.orders[o].lines {
                if sku_map[l.sku].is_none() {
                    sku_map[l.sku] = Some(skus.len());
                    skus.push(l.sku);
                }
            }
        }
        let sub_orders = orders
            .iter()
            .map(|&o| {
                let mut order = self.orders[o].clone();
                for l in &mut order.lines {
                    l.sku = sku_map[l.sku].expect("every line's SKU was mapped above");
                }
                order
            })
            .collect();
        let mut available = vec![0i64; self.nodes.len() * skus.len()];
        for n in 0..self.nodes.len() {
            for (s, &sku) in skus.iter().enumerate() {
                available[n * skus.len() + s] =
                    (self.available(n, sku) - (kept.stock)(n, sku)).max(0);
            }
        }
        let nodes = self
            .nodes
            .iter()
            .enumerate()
            .map(|(n, node)| {
                let mut node = node.clone();
                node.capacity_shipments = node
                    .capacity_shipments
                    .map(|c| (c - kept.node_shipments[n]).max(0));
                node.capacity_units = node.capacity_units.map(|c| (c - kept.node_units[n]).max(0));
                if kept.node_shipments[n] > 0 {
                    node.fixed_cost = 0.0;
                }
                node
            })
            .collect();
        let reservations = self
            .reservations
            .iter()
            .enumerate()
            .filter_map(|(p, place)| {
                let sku = sku_map[place.sku]?;
                let used: i64 = (0..self.channels.len())
                    .map(|c| (kept.place_use)(p, c))
                    .sum();
                let shares = place
                    .shares
                    .iter()
                    .map(|s| ReservedShare {
                        channel: s.channel,
                        reserved: (s.reserved - (kept.place_use)(p, s.channel)).max(0),
                    })
                    .filter(|s| s.reserved > 0)
                    .collect();
                Some(ReservationPlace {
                    sku,
                    node: place.node,
                    available: (place.available - used).max(0),
                    shares,
                    requests: Vec::new(),
                })
            })
            .collect();
        let model = Model {
            wave_id: self.wave_id.clone(),
            as_of_day: self.as_of_day,
            orders: sub_orders,
            nodes,
            methods: self.methods.clone(),
            tiers: self.tiers.clone(),
            channels: self.channels.clone(),
            skus: skus.iter().map(|&s| self.skus[s].clone()).collect(),
            zones: self.zones.clone(),
            available,
            reservations,
            lanes: self.lanes.clone(),
            policy: self.policy.clone(),
        };
        Residual {
            model,
            orders: orders.to_vec(),
        }
    }
}
