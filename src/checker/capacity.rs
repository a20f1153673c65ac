//! Node capacity: per node, the number of shipments and the units shipped stay within
//! `capacity.shipments` and `capacity.units` (an absent limit is unlimited).

use super::context::{path, Ctx};
use crate::error::Problem;

/// Usage of one node by the counted plan entries, and where each limit was first crossed.
#[derive(Default)]
struct Usage {
    shipments: i64,
    units: i64,
    shipments_crossed: Option<(String, String)>,
    units_crossed: Option<(String, String)>,
}

/// Shipments and units per node over the counted plan entries.
pub fn node_usage(ctx: &Ctx) -> Vec<(i64, i64)> {
    usage(ctx)
        .into_iter()
        .map(|u| (u.shipments, u.units))
        .collect()
}

fn usage(ctx: &Ctx) -> Vec<Usage> {
    let mut usage: Vec<Usage> = (0..ctx.model.nodes.len())
        .map(|_| Usage::default())
        .collect();
    for (e, o) in ctx.canonical_entries() {
        for (s, ship) in ctx.ships[e].iter().enumerate() {
            let Some(n) = ship.node else { continue };
            let node = &ctx.model.nodes[n];
            let u = &mut usage[n];
            u.shipments = u.shipments.saturating_add(1);
            u.units = u.units.saturating_add(ship.units);
            let crossing = || (path::shipment(e, s), ctx.order_id(o).to_string());
            if let Some(cap) = node.capacity_shipments {
                if u.shipments > cap && u.shipments_crossed.is_none() {
                    u.shipments_crossed = Some(crossing());
                }
            }
            if let Some(cap) = node.capacity_units {
                if u.units > cap && u.units_crossed.is_none() {
                    u.units_crossed = Some(crossing());
                }
            }
        }
    }
    usage
}

/// `shipment_capacity_exceeded`, `unit_capacity_exceeded`: reported once per node and limit,
/// at the shipment that first crosses it.
pub fn check_capacity(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (n, u) in usage(ctx).into_iter().enumerate() {
        let node = &ctx.model.nodes[n];
        let limits = [
            (
                "shipment_capacity_exceeded",
                "shipments",
                u.shipments,
                node.capacity_shipments,
                u.shipments_crossed,
            ),
            (
                "unit_capacity_exceeded",
                "units",
                u.units,
                node.capacity_units,
                u.units_crossed,
            ),
        ];
        for (code, what, used, cap, crossed) in limits {
            let (Some((at, order)), Some(cap)) = (crossed, cap) else {
                continue;
            };
            out.push(Problem::new(
                at,
                code,
                format!(
                    "node '{}' has {used} {what} but capacity.{what} is {cap}; {} over, first exceeded by order '{order}'",
                    node.id,
                    used.saturating_sub(cap)
                ),
            ));
        }
    }
}
