//! Inventory: per (node, SKU), the units shipped never exceed `max(0, on_hand − safety_stock)`.

use std::collections::HashMap;

use super::context::{path, Ctx};
use crate::error::Problem;
use crate::model::{NodeIdx, SkuIdx};

/// `oversold`: reported once per (node, SKU), at the shipment line where the running total
/// first exceeds what the node has available.
pub fn check_inventory(ctx: &Ctx, out: &mut Vec<Problem>) {
    let mut used: HashMap<(NodeIdx, SkuIdx), i64> = HashMap::new();
    let mut crossings: Vec<((NodeIdx, SkuIdx), String, String)> = Vec::new();
    for (e, o) in ctx.canonical_entries() {
        for (s, ship) in ctx.ships[e].iter().enumerate() {
            let Some(n) = ship.node else { continue };
            for (l, line) in ship.lines.iter().enumerate() {
                let Some(sku) = line.sku else { continue };
                let total = used.entry((n, sku)).or_insert(0);
                let before = *total;
                *total = total.saturating_add(line.units);
                let available = ctx.model.available(n, sku);
                if before <= available && *total > available {
                    crossings.push((
                        (n, sku),
                        path::shipment_line(e, s, l),
                        ctx.order_id(o).to_string(),
                    ));
                }
            }
        }
    }
    for ((n, sku), at, order) in crossings {
        let shipped = used.get(&(n, sku)).copied().unwrap_or(0);
        let available = ctx.model.available(n, sku);
        out.push(Problem::new(
            at,
            "oversold",
            format!(
                "node '{}' ships {shipped} unit(s) of sku '{}' but has only {available} available (on_hand − safety_stock); {} unit(s) oversold, first exceeded by order '{order}'",
                ctx.node_id(n),
                ctx.sku_name(sku),
                shipped.saturating_sub(available)
            ),
        ));
    }
}
