//! Which orders a round frees: seeds first from the orders with the most to gain, then the
//! seed's nearest neighbours by ship-to, or the orders competing for its SKUs.

use super::{Mode, Search};
use crate::model::OrderIdx;

impl Search<'_> {
    /// Plannable orders, those with the most to gain first: units short, days late, splits.
    pub(super) fn seeds(&self) -> Vec<(OrderIdx, Mode)> {
        let m = self.model;
        let late = m.policy.late_rate();
        let mut short_seeds: Vec<(usize, i64, OrderIdx)> = Vec::new();
        let mut gain: Vec<(f64, OrderIdx)> = Vec::new();
        for o in (0..m.orders.len()).filter(|&o| !m.orders[o].lines.is_empty()) {
            let order = &m.orders[o];
            if order.is_held() {
                continue;
            }
            let mut filled = vec![0i64; order.lines.len()];
            for s in &self.by_order[o] {
                for &(li, q) in &s.lines {
                    filled[li] += q;
                }
            }
            let short: i64 = order
                .lines
                .iter()
                .zip(&filled)
                .map(|(l, f)| l.qty - f)
                .sum();
            if self.could_fill_more(o, &filled) {
                short_seeds.push((order.tier, -short, o));
            }
            let days_late: f64 = self.by_order[o]
                .iter()
                .filter_map(|s| m.quote(o, s.node, s.method))
                .map(|q| q.days_late as f64)
                .sum();
            let splits = self.by_order[o].len().saturating_sub(1) as f64;
            let g = short as f64 * 1000.0 + days_late * late + splits * m.policy.split_penalty;
            gain.push((g, o));
        }
        short_seeds.sort_unstable();
        gain.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // One staged round, then three routing rounds, while both lists last.
        let mut staged = short_seeds.into_iter().map(|(_, _, o)| (o, Mode::Staged));
        let mut routing = gain.into_iter().map(|(_, o)| (o, Mode::Routing));
        let mut out = Vec::new();
        loop {
            let before = out.len();
            out.extend(staged.next());
            out.extend(routing.by_ref().take(3));
            if out.len() == before {
                return out;
            }
        }
    }

    /// Whether some short line's SKU is on the shelf at a node that serves the order's channel:
    /// only then can re-deciding fills help this order (the stock may be held by others).
    fn could_fill_more(&self, order: OrderIdx, filled: &[i64]) -> bool {
        let m = self.model;
        m.orders[order]
            .lines
            .iter()
            .zip(filled)
            .filter(|(l, &f)| f < l.qty)
            .any(|(l, _)| {
                (0..m.nodes.len()).any(|n| {
                    m.nodes[n].active
                        && m.node_serves_channel(order, n)
                        && m.available(n, l.sku) > 0
                })
            })
    }

    /// The `size` orders whose ship-to lies nearest the seed's (the seed's zone when it has no
    /// coordinates), the seed included.
    pub(super) fn near(&self, seed: OrderIdx) -> Vec<OrderIdx> {
        let m = self.model;
        let s = &m.orders[seed];
        let mut scored: Vec<(f64, OrderIdx)> = (0..m.orders.len())
            .filter(|&o| !m.orders[o].is_held() && !m.orders[o].lines.is_empty())
            .filter_map(|o| {
                let other = &m.orders[o];
                let d = match (s.ship_to, other.ship_to) {
                    (Some(a), Some(b)) => crate::model::routing::haversine_km(a.0, a.1, b.0, b.1),
                    _ if s.zone.is_some() && s.zone == other.zone => 0.0,
                    _ => return None,
                };
                Some((d, o))
            })
            .collect();
        let k = self.size.min(scored.len());
        if k < scored.len() {
            scored.select_nth_unstable_by(k, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            scored.truncate(k);
        }
        let mut hood: Vec<OrderIdx> = scored.into_iter().map(|(_, o)| o).collect();
        if !hood.contains(&seed) {
            hood.push(seed);
        }
        hood.sort_unstable();
        hood
    }

    /// The seed and orders sharing its SKUs (then theirs), up to `size`; long SKU lists are
    /// entered at a point that moves with the round, so repeated seeds see other orders.
    pub(super) fn sharing_skus(&self, seed: OrderIdx, round: usize) -> Vec<OrderIdx> {
        let m = self.model;
        let mut taken = vec![seed];
        let mut frontier = vec![seed];
        let mut seen_sku = vec![false; m.skus.len()];
        while taken.len() < self.size {
            let Some(o) = frontier.pop() else {
                break;
            };
            for l in &m.orders[o].lines {
                if std::mem::replace(&mut seen_sku[l.sku], true) {
                    continue;
                }
                let list = &self.orders_of_sku[l.sku];
                let offset = round.wrapping_mul(7919) % list.len().max(1);
                for &other in list.iter().cycle().skip(offset).take(list.len()) {
                    if taken.len() >= self.size {
                        break;
                    }
                    if !taken.contains(&other) {
                        taken.push(other);
                        frontier.insert(0, other);
                    }
                }
            }
        }
        taken.sort_unstable();
        taken
    }
}
