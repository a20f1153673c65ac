//! Channel reservations resolved to places (SPEC.md §2, Reservation).
//!
//! A *place* is one SKU at one node, or one SKU across the whole network. At each place with
//! available units `A`, the requested reservations are honoured in list order until stock runs
//! out, giving each channel an effective reservation `R_c`. A plan is valid at the place when
//! the units `u_c` consumed there by each channel satisfy `Σ_c max(0, u_c − R_c) ≤ A − Σ_c R_c`.

use std::collections::HashMap;

use super::{ChannelIdx, Model, NodeIdx, SkuIdx};
use crate::error::Problem;
use crate::format;

#[derive(Debug, Clone)]
pub struct ReservationPlace {
    pub sku: SkuIdx,
    /// `None`: the whole network (every active node).
    pub node: Option<NodeIdx>,
    /// Units available at the place (`A`).
    pub available: i64,
    /// Effective reservation per channel, sorted by channel, channels with `R_c > 0` only.
    pub shares: Vec<ReservedShare>,
    /// The input reservations at this place, in list order, with what each was granted.
    pub requests: Vec<ReservationRequest>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReservedShare {
    pub channel: ChannelIdx,
    pub reserved: i64,
}

#[derive(Debug, Clone)]
pub struct ReservationRequest {
    /// Index in the wave's `reservations` list.
    pub input_index: usize,
    pub channel: ChannelIdx,
    pub requested: i64,
    pub granted: i64,
}

impl ReservationPlace {
    pub fn reserved_total(&self) -> i64 {
        self.shares.iter().map(|s| s.reserved).sum()
    }

    pub fn reserved_for(&self, channel: ChannelIdx) -> i64 {
        self.shares
            .iter()
            .find(|s| s.channel == channel)
            .map_or(0, |s| s.reserved)
    }

    /// Units any channel may consume: `A − Σ R_c`.
    pub fn unreserved(&self) -> i64 {
        self.available - self.reserved_total()
    }

    /// Whether stock at `node` counts toward this place.
    pub fn covers(&self, node: NodeIdx) -> bool {
        self.node.is_none_or(|n| n == node)
    }
}

/// Resolves the wave's reservations into places, capping them in list order.
pub(super) fn resolve(
    model: &Model,
    reservations: &[format::Reservation],
    node_index: &HashMap<&str, usize>,
) -> Result<Vec<ReservationPlace>, Problem> {
    let channel_index: HashMap<&str, usize> = model
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let sku_index: HashMap<&str, usize> = model
        .skus
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();

    let mut places: Vec<ReservationPlace> = Vec::new();
    let mut place_of: HashMap<(SkuIdx, Option<NodeIdx>), usize> = HashMap::new();
    for (ri, r) in reservations.iter().enumerate() {
        let missing = |what: &str, name: &str, field: &str| {
            Problem::new(
                format!("/reservations/{ri}/{field}"),
                "unknown_reference",
                format!("unknown {what} '{name}'"),
            )
        };
        let sku = *sku_index
            .get(r.sku.as_str())
            .ok_or_else(|| missing("sku", &r.sku, "sku"))?;
        let channel = *channel_index
            .get(r.channel.as_str())
            .ok_or_else(|| missing("channel", &r.channel, "channel"))?;
        let node = match &r.node {
            Some(id) => Some(
                *node_index
                    .get(id.as_str())
                    .ok_or_else(|| missing("node", id, "node"))?,
            ),
            None => None,
        };
        let slot = *place_of.entry((sku, node)).or_insert_with(|| {
            let available = match node {
                Some(n) if model.nodes[n].active => model.available(n, sku),
                Some(_) => 0,
                None => model.network_available(sku),
            };
            places.push(ReservationPlace {
                sku,
                node,
                available,
                shares: Vec::new(),
                requests: Vec::new(),
            });
            places.len() - 1
        });
        let place = &mut places[slot];
        let requested = match (r.qty, r.share) {
            (Some(qty), _) => qty.max(0),
            (None, Some(share)) => (share.clamp(0.0, 1.0) * place.available as f64).floor() as i64,
            (None, None) => 0,
        };
        let already: i64 = place.requests.iter().map(|q| q.granted).sum();
        let granted = requested.min((place.available - already).max(0));
        place.requests.push(ReservationRequest {
            input_index: ri,
            channel,
            requested,
            granted,
        });
    }
    for place in &mut places {
        let mut by_channel: HashMap<ChannelIdx, i64> = HashMap::new();
        for q in &place.requests {
            *by_channel.entry(q.channel).or_default() += q.granted;
        }
        let mut shares: Vec<ReservedShare> = by_channel
            .into_iter()
            .filter(|&(_, reserved)| reserved > 0)
            .map(|(channel, reserved)| ReservedShare { channel, reserved })
            .collect();
        shares.sort_by_key(|s| s.channel);
        place.shares = shares;
    }
    Ok(places)
}
