//! KPIs, recounted from the orders and shipments: the wave-level figures and the per-tier and
//! per-channel fill figures.

use std::collections::BTreeMap;

use super::context::{close, num, path, ratio, Ctx};
use super::objective::expected_total;
use super::status::is_complete;
use crate::error::Problem;
use crate::format::GroupKpis;
use crate::model::OrderIdx;

/// Demand and allocation of one input order, as its counted plan entry has it.
struct OrderFigures {
    demanded: i64,
    allocated: i64,
    complete: bool,
}

fn order_figures(ctx: &Ctx, o: OrderIdx) -> OrderFigures {
    let order = &ctx.model.orders[o];
    OrderFigures {
        demanded: order.lines.iter().fold(0, |a, l| a.saturating_add(l.qty)),
        allocated: ctx
            .order_shipped(o)
            .iter()
            .fold(0, |a, &s| a.saturating_add(s)),
        complete: is_complete(ctx, o),
    }
}

/// `/kpis/by_tier/gold/orders` → `kpis.by_tier.gold.orders`, for messages.
fn dotted(at: &str) -> String {
    at.trim_start_matches('/').replace('/', ".")
}

fn int_kpi(at: String, written: i64, expected: i64, rule: &str, out: &mut Vec<Problem>) {
    if written != expected {
        out.push(Problem::new(
            at.clone(),
            "wrong_kpi",
            format!(
                "{} is {written} but should be {expected} ({rule})",
                dotted(&at)
            ),
        ));
    }
}

fn float_kpi(at: String, written: f64, expected: f64, rule: &str, out: &mut Vec<Problem>) {
    if !close(written, expected) {
        out.push(Problem::new(
            at.clone(),
            "wrong_kpi",
            format!(
                "{} is {written} but should be {} ({rule})",
                dotted(&at),
                num(expected)
            ),
        ));
    }
}

/// `wrong_kpi` for the wave-level KPIs.
pub fn check_kpis(ctx: &Ctx, out: &mut Vec<Problem>) {
    let k = &ctx.plan.kpis;
    let model = ctx.model;
    let (mut demanded, mut allocated, mut complete) = (0i64, 0i64, 0i64);
    let (mut shipments, mut split_orders, mut on_time) = (0i64, 0i64, 0i64);
    for o in 0..model.orders.len() {
        let f = order_figures(ctx, o);
        demanded = demanded.saturating_add(f.demanded);
        allocated = allocated.saturating_add(f.allocated);
        complete += i64::from(f.complete);
        let ships = ctx.order_ships(o);
        shipments += ships.len() as i64;
        split_orders += i64::from(ships.len() > 1);
        if let Some(e) = ctx.canonical[o] {
            for (s, ship) in ships.iter().enumerate() {
                let written = ctx.plan.orders[e].shipments[s].days_late;
                on_time += i64::from(ship.days_late(written) == 0);
            }
        }
    }
    let total = expected_total(ctx).unwrap_or(ctx.plan.objective.total);
    let cost_per_unit = if allocated == 0 {
        0.0
    } else {
        total / allocated as f64
    };
    let orders = model.orders.len() as i64;
    int_kpi(
        "/kpis/orders".into(),
        k.orders,
        orders,
        "orders in the wave",
        out,
    );
    int_kpi(
        "/kpis/units_demanded".into(),
        k.units_demanded,
        demanded,
        "Σ qty of every line, held orders included",
        out,
    );
    int_kpi(
        "/kpis/units_allocated".into(),
        k.units_allocated,
        allocated,
        "Σ units shipped",
        out,
    );
    float_kpi(
        "/kpis/fill_rate".into(),
        k.fill_rate,
        ratio(allocated, demanded, 1.0),
        &format!("{allocated} allocated / {demanded} demanded"),
        out,
    );
    int_kpi(
        "/kpis/orders_complete".into(),
        k.orders_complete,
        complete,
        "orders with status filled",
        out,
    );
    int_kpi(
        "/kpis/shipments".into(),
        k.shipments,
        shipments,
        "shipments in the plan",
        out,
    );
    int_kpi(
        "/kpis/split_orders".into(),
        k.split_orders,
        split_orders,
        "orders with more than one shipment",
        out,
    );
    float_kpi(
        "/kpis/on_time_rate".into(),
        k.on_time_rate,
        ratio(on_time, shipments, 1.0),
        &format!("{on_time} on-time shipments / {shipments}"),
        out,
    );
    float_kpi(
        "/kpis/cost_per_unit".into(),
        k.cost_per_unit,
        cost_per_unit,
        &format!(
            "objective total {} / {allocated} units allocated",
            num(total)
        ),
        out,
    );
}

/// `missing_kpi_group`, `unexpected_kpi_group`, `wrong_kpi` for `by_tier` (one entry per policy
/// tier) and `by_channel` (one entry per channel of some order).
pub fn check_group_kpis(ctx: &Ctx, out: &mut Vec<Problem>) {
    let model = ctx.model;
    let mut by_tier: BTreeMap<&str, GroupKpis> = model
        .tiers
        .iter()
        .map(|t| (t.name.as_str(), GroupKpis::default()))
        .collect();
    let mut by_channel: BTreeMap<&str, GroupKpis> = BTreeMap::new();
    for (o, order) in model.orders.iter().enumerate() {
        let f = order_figures(ctx, o);
        let tier = model.tiers.get(order.tier).map_or("", |t| t.name.as_str());
        for group in [
            by_tier.entry(tier).or_default(),
            by_channel.entry(ctx.channel_name(o)).or_default(),
        ] {
            group.orders += 1;
            group.units_demanded = group.units_demanded.saturating_add(f.demanded);
            group.units_allocated = group.units_allocated.saturating_add(f.allocated);
            group.orders_complete += i64::from(f.complete);
        }
    }
    compare_groups("by_tier", "tier", &by_tier, &ctx.plan.kpis.by_tier, out);
    compare_groups(
        "by_channel",
        "channel",
        &by_channel,
        &ctx.plan.kpis.by_channel,
        out,
    );
}

fn compare_groups(
    group: &str,
    what: &str,
    expected: &BTreeMap<&str, GroupKpis>,
    written: &BTreeMap<String, GroupKpis>,
    out: &mut Vec<Problem>,
) {
    for (&name, exp) in expected {
        let Some(w) = written.get(name) else {
            out.push(Problem::new(
                format!("/kpis/{group}"),
                "missing_kpi_group",
                format!(
                    "kpis.{group} has no entry for {what} '{name}' ({} order(s), {} unit(s) demanded)",
                    exp.orders, exp.units_demanded
                ),
            ));
            continue;
        };
        let at = |field: &str| path::kpi_group_field(group, name, field);
        let rule = format!("{what} '{name}'");
        int_kpi(at("orders"), w.orders, exp.orders, &rule, out);
        int_kpi(
            at("units_demanded"),
            w.units_demanded,
            exp.units_demanded,
            &rule,
            out,
        );
        int_kpi(
            at("units_allocated"),
            w.units_allocated,
            exp.units_allocated,
            &rule,
            out,
        );
        float_kpi(
            at("fill_rate"),
            w.fill_rate,
            ratio(exp.units_allocated, exp.units_demanded, 1.0),
            &format!(
                "{rule}: {} allocated / {} demanded",
                exp.units_allocated, exp.units_demanded
            ),
            out,
        );
        int_kpi(
            at("orders_complete"),
            w.orders_complete,
            exp.orders_complete,
            &rule,
            out,
        );
    }
    for name in written.keys() {
        if !expected.contains_key(name.as_str()) {
            out.push(Problem::new(
                format!("/kpis/{group}/{}", crate::error::pointer_token(name)),
                "unexpected_kpi_group",
                format!("kpis.{group} has an entry for '{name}', which is not a {what} of the wave's orders or policy"),
            ));
        }
    }
}
