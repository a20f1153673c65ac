//! Channel reservations: at every reserved place (one SKU at a node, or across all active
//! nodes) with available units `A` and effective reservations `R_c`, the units `u_c` each channel
//! consumes there satisfy `Σ_c max(0, u_c − R_c) ≤ A − Σ_c R_c`.

use std::collections::BTreeMap;

use super::context::{path, Ctx};
use crate::error::Problem;
use crate::model::{ChannelIdx, ReservationPlace};

/// `reservation_breached`: reported once per place, at the shipment line where the units taken
/// beyond reservations first exceed the unreserved pool.
pub fn check_reservations(ctx: &Ctx, out: &mut Vec<Problem>) {
    for place in &ctx.model.reservations {
        if let Some(n) = place.node {
            // A closed node's place has A = 0; shipping there is reported as `inactive_node`.
            if !ctx.model.nodes.get(n).is_some_and(|node| node.active) {
                continue;
            }
        }
        check_place(ctx, place, out);
    }
}

fn excess(used: i64, reserved: i64) -> i64 {
    used.saturating_sub(reserved).max(0)
}

fn check_place(ctx: &Ctx, place: &ReservationPlace, out: &mut Vec<Problem>) {
    let unreserved = place.unreserved();
    let mut used: BTreeMap<ChannelIdx, i64> = BTreeMap::new();
    let mut beyond: i64 = 0;
    let mut crossing: Option<(String, String)> = None;
    for (e, o) in ctx.canonical_entries() {
        let channel = ctx.model.orders[o].channel;
        for (s, ship) in ctx.ships[e].iter().enumerate() {
            let Some(n) = ship.node else { continue };
            let counts = match place.node {
                Some(at) => at == n,
                None => ctx.model.nodes[n].active,
            };
            if !counts {
                continue;
            }
            for (l, line) in ship.lines.iter().enumerate() {
                if line.sku != Some(place.sku) || line.units == 0 {
                    continue;
                }
                let reserved = place.reserved_for(channel);
                let u = used.entry(channel).or_insert(0);
                let old = excess(*u, reserved);
                *u = u.saturating_add(line.units);
                beyond = beyond.saturating_add(excess(*u, reserved) - old);
                if crossing.is_none() && beyond > unreserved {
                    crossing = Some((path::shipment_line(e, s, l), ctx.order_id(o).to_string()));
                }
            }
        }
    }
    let Some((at, order)) = crossing else { return };
    let where_ = match place.node {
        Some(n) => format!("node '{}'", ctx.node_id(n)),
        None => "the network (all active nodes)".to_string(),
    };
    let name = |c: ChannelIdx| ctx.model.channels.get(c).map_or("?", String::as_str);
    let reserved: Vec<String> = place
        .shares
        .iter()
        .map(|s| format!("{} {}", name(s.channel), s.reserved))
        .collect();
    let consumed: Vec<String> = used
        .iter()
        .map(|(&c, &u)| format!("{} {u} (reserved {})", name(c), place.reserved_for(c)))
        .collect();
    out.push(Problem::new(
        at,
        "reservation_breached",
        format!(
            "sku '{}' at {where_}: {} available, reserved [{}]; consumed [{}] takes {beyond} unit(s) beyond reservations but only {unreserved} are unreserved; first breached by order '{order}'",
            ctx.sku_name(place.sku),
            place.available,
            reserved.join(", "),
            consumed.join(", "),
        ),
    ));
}
