//! Each shipment's stated figures, recomputed with the cost/time model: `cost` (shipping plus
//! the node's handling), `ship_date`, `eta`, `on_time` and `days_late`.

use super::context::{close, num, path, Ctx};
use crate::error::Problem;
use crate::model::dates::format_day;

/// `wrong_shipment_cost`, `wrong_ship_date`, `wrong_eta`, `wrong_on_time`, `wrong_days_late`.
pub fn check_shipment_figures(ctx: &Ctx, out: &mut Vec<Problem>) {
    for (e, o) in ctx.known_entries() {
        let order_id = ctx.order_id(o);
        for (s, ship) in ctx.ships[e].iter().enumerate() {
            let written = &ctx.plan.orders[e].shipments[s];
            let node = written.node.as_str();
            let Some(q) = &ship.quote else {
                // No route (reported elsewhere): only the shipment's own consistency is checked.
                if !written.cost.is_finite() {
                    out.push(Problem::new(
                        path::shipment_field(e, s, "cost"),
                        "wrong_shipment_cost",
                        format!(
                            "order '{order_id}' shipment from node '{node}' has cost {}; a cost must be a finite number",
                            written.cost
                        ),
                    ));
                }
                if written.on_time != (written.days_late == 0) {
                    out.push(wrong_on_time(e, s, order_id, node, written.days_late));
                }
                continue;
            };
            let cost = q.shipment_cost(ship.units);
            if !close(written.cost, cost) {
                out.push(Problem::new(
                    path::shipment_field(e, s, "cost"),
                    "wrong_shipment_cost",
                    format!(
                        "order '{order_id}' shipment from node '{node}' by '{}' of {} unit(s) costs {} (shipping {} + handling {}), not {}",
                        written.method,
                        ship.units,
                        num(cost),
                        num(q.shipping_cost(ship.units)),
                        num(q.handling_cost(ship.units)),
                        written.cost
                    ),
                ));
            }
            let ship_date = format_day(q.ship_day);
            if written.ship_date != ship_date {
                out.push(Problem::new(
                    path::shipment_field(e, s, "ship_date"),
                    "wrong_ship_date",
                    format!(
                        "order '{order_id}' shipment from node '{node}' leaves on {ship_date} (as_of + processing days), not '{}'",
                        written.ship_date
                    ),
                ));
            }
            let eta = format_day(q.eta_day);
            if written.eta != eta {
                out.push(Problem::new(
                    path::shipment_field(e, s, "eta"),
                    "wrong_eta",
                    format!(
                        "order '{order_id}' shipment from node '{node}' by '{}' arrives on {eta} ({} transit day(s) after {ship_date}), not '{}'",
                        written.method, q.transit_days, written.eta
                    ),
                ));
            }
            if written.days_late != q.days_late {
                out.push(Problem::new(
                    path::shipment_field(e, s, "days_late"),
                    "wrong_days_late",
                    format!(
                        "order '{order_id}' shipment from node '{node}' arriving {eta} is {} day(s) late, not {}",
                        q.days_late, written.days_late
                    ),
                ));
            }
            if written.on_time != q.on_time() {
                out.push(wrong_on_time(e, s, order_id, node, q.days_late));
            }
        }
    }
}

fn wrong_on_time(e: usize, s: usize, order: &str, node: &str, days_late: i64) -> Problem {
    let expected = days_late == 0;
    Problem::new(
        path::shipment_field(e, s, "on_time"),
        "wrong_on_time",
        format!(
            "order '{order}' shipment from node '{node}' is {days_late} day(s) late, so on_time must be {expected}"
        ),
    )
}
