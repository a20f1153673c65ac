//! The prices of the rows the Lagrangian relaxation moves into the objective.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{ChannelIdx, Model, NodeIdx, SkuIdx};

/// Prices on the rows the relaxation moves into the objective; every one is ≥ 0.
#[derive(Debug, Clone)]
pub struct Prices {
    /// Per (node, SKU), dense `node * skus + sku`.
    pub stock: Vec<f64>,
    pub units: Vec<f64>,
    pub shipments: Vec<f64>,
    /// Per tier: what one more unit filled in it is worth (strict only).
    pub tiers: Vec<f64>,
    /// Per reservation place, as in `model.reservations` (see [`PlacePrice`]).
    places: Vec<PlacePrice>,
    /// The places each SKU has ([`places_of_sku`]), shared by every copy.
    places_of_sku: Arc<HashMap<SkuIdx, Vec<usize>>>,
    /// Whether any place has a price above 0 (else units pay no reservation price at all).
    places_priced: bool,
    skus: usize,
}

/// The prices of one reservation place's rows (SPEC.md §2): with `e_c ≥ u_c − R_c` for each
/// reserved channel and `Σ_c e_c + Σ_{c unreserved} u_c ≤ A − Σ_c R_c`, `reserved[i]` prices the
/// first row for the place's i-th share and `overflow` the second. With `0 ≤ reserved[i] ≤
/// overflow`, every plan that keeps the place's rule has `Σ_i reserved[i]·(u_i − R_i) +
/// overflow·(Σ_unreserved u − (A − Σ R)) ≤ 0`, so the relaxation stays a bound.
#[derive(Debug, Clone, Default)]
struct PlacePrice {
    overflow: f64,
    reserved: Vec<f64>,
}

/// The reservation places (indices into `model.reservations`) each SKU has.
pub(super) fn places_of_sku(model: &Model) -> HashMap<SkuIdx, Vec<usize>> {
    let mut places: HashMap<SkuIdx, Vec<usize>> = HashMap::new();
    for (p, place) in model.reservations.iter().enumerate() {
        places.entry(place.sku).or_default().push(p);
    }
    places
}

impl Prices {
    pub fn zero(model: &Model) -> Prices {
        let nodes = model.nodes.len();
        Prices {
            stock: vec![0.0; nodes * model.skus.len()],
            units: vec![0.0; nodes],
            shipments: vec![0.0; nodes],
            tiers: vec![0.0; model.tiers.len()],
            places: model
                .reservations
                .iter()
                .map(|p| PlacePrice {
                    overflow: 0.0,
                    reserved: vec![0.0; p.shares.len()],
                })
                .collect(),
            places_of_sku: Arc::new(places_of_sku(model)),
            places_priced: false,
            skus: model.skus.len(),
        }
    }

    pub fn stock_price(&self, node: NodeIdx, sku: SkuIdx) -> f64 {
        self.stock[node * self.skus + sku]
    }

    /// `(1 − w)·self + w·other`, component by component (both of the same model): prices of the
    /// right signs again, with every share price still within its overflow price.
    pub(super) fn toward(&self, other: &Prices, w: f64) -> Prices {
        let mix = |a: &[f64], b: &[f64]| -> Vec<f64> {
            a.iter()
                .zip(b)
                .map(|(x, y)| (1.0 - w) * x + w * y)
                .collect()
        };
        Prices {
            stock: mix(&self.stock, &other.stock),
            units: mix(&self.units, &other.units),
            shipments: mix(&self.shipments, &other.shipments),
            tiers: mix(&self.tiers, &other.tiers),
            places: self
                .places
                .iter()
                .zip(&other.places)
                .map(|(a, b)| PlacePrice {
                    overflow: (1.0 - w) * a.overflow + w * b.overflow,
                    reserved: mix(&a.reserved, &b.reserved),
                })
                .collect(),
            places_of_sku: Arc::clone(&self.places_of_sku),
            places_priced: self.places_priced || other.places_priced,
            skus: self.skus,
        }
    }

    /// Sets place `place`'s prices: its overflow row's, and the share rows' by channel (a
    /// channel without a share there is ignored). Each share's price is clipped to
    /// `[0, overflow]`, which keeps the relaxation a bound.
    pub(super) fn set_place(
        &mut self,
        model: &Model,
        place: usize,
        overflow: f64,
        reserved: &[(ChannelIdx, f64)],
    ) {
        let shares = &model.reservations[place].shares;
        let price = &mut self.places[place];
        price.overflow = overflow.max(0.0);
        self.places_priced |= price.overflow > 0.0;
        for &(channel, value) in reserved {
            if let Some(i) = shares.iter().position(|s| s.channel == channel) {
                price.reserved[i] = value.clamp(0.0, price.overflow);
            }
        }
    }

    /// What one unit of `sku` at `node` for an order of `channel` pays the reservation places
    /// that cover it: a share's price where the channel holds one, else the overflow's.
    pub fn reservation_price(
        &self,
        model: &Model,
        node: NodeIdx,
        sku: SkuIdx,
        channel: ChannelIdx,
    ) -> f64 {
        if !self.places_priced {
            return 0.0;
        }
        let Some(places) = self.places_of_sku.get(&sku) else {
            return 0.0;
        };
        let mut total = 0.0;
        for &p in places {
            let place = &model.reservations[p];
            if !place.covers(node) {
                continue;
            }
            let price = &self.places[p];
            total += match place.shares.iter().position(|s| s.channel == channel) {
                Some(i) => price.reserved[i],
                None => price.overflow,
            };
        }
        total
    }

    /// `Σ_p overflow·(A − Σ R) + Σ_i reserved[i]·R_i`: what the priced reservation rows' right-hand
    /// sides are worth (subtracted from the relaxation's value).
    pub(super) fn reservation_worth(&self, model: &Model) -> f64 {
        model
            .reservations
            .iter()
            .zip(&self.places)
            .map(|(place, price)| {
                price.overflow * place.unreserved() as f64
                    + place
                        .shares
                        .iter()
                        .zip(&price.reserved)
                        .map(|(s, &r)| r * s.reserved as f64)
                        .sum::<f64>()
            })
            .sum()
    }
}
