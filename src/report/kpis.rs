//! KPIs of a plan and per-node utilisation (SPEC.md §3).

use std::collections::BTreeMap;

use crate::format::{
    GroupKpis, Kpis, NodeResult, Objective, OrderResult, OrderStatus, Utilization,
};
use crate::model::Model;
use crate::solver::ledger::Ledger;

fn ratio(part: i64, whole: i64, if_empty: f64) -> f64 {
    if whole == 0 {
        if_empty
    } else {
        part as f64 / whole as f64
    }
}

pub fn compute(model: &Model, orders: &[OrderResult], objective: &Objective) -> Kpis {
    let mut k = Kpis::default();
    for tier in &model.tiers {
        k.by_tier.insert(tier.name.clone(), GroupKpis::default());
    }
    let mut by_channel: BTreeMap<String, GroupKpis> = BTreeMap::new();
    let mut on_time = 0;
    for (oi, result) in orders.iter().enumerate() {
        let o = &model.orders[oi];
        let demanded = o.units();
        let allocated: i64 = result
            .shipments
            .iter()
            .flat_map(|s| &s.lines)
            .map(|l| l.qty)
            .sum();
        let complete = result.status == OrderStatus::Filled;
        k.orders += 1;
        k.units_demanded += demanded;
        k.units_allocated += allocated;
        k.orders_complete += complete as i64;
        k.shipments += result.shipments.len() as i64;
        k.split_orders += (result.shipments.len() > 1) as i64;
        on_time += result.shipments.iter().filter(|s| s.on_time).count() as i64;
        let groups = [
            k.by_tier.get_mut(&model.tiers[o.tier].name),
            Some(
                by_channel
                    .entry(model.channels[o.channel].clone())
                    .or_default(),
            ),
        ];
        for g in groups.into_iter().flatten() {
            g.orders += 1;
            g.units_demanded += demanded;
            g.units_allocated += allocated;
            g.orders_complete += complete as i64;
        }
    }
    k.by_channel = by_channel;
    for g in k.by_tier.values_mut().chain(k.by_channel.values_mut()) {
        g.fill_rate = ratio(g.units_allocated, g.units_demanded, 1.0);
    }
    k.fill_rate = ratio(k.units_allocated, k.units_demanded, 1.0);
    k.on_time_rate = ratio(on_time, k.shipments, 1.0);
    k.cost_per_unit = if k.units_allocated == 0 {
        0.0
    } else {
        objective.total / k.units_allocated as f64
    };
    k
}

pub fn node_results(model: &Model, ledger: &Ledger) -> Vec<NodeResult> {
    let share =
        |used: i64, cap: Option<i64>| cap.map(|c| if c > 0 { used as f64 / c as f64 } else { 0.0 });
    model
        .nodes
        .iter()
        .enumerate()
        .map(|(n, node)| NodeResult {
            id: node.id.clone(),
            shipments: ledger.node_shipments[n],
            units: ledger.node_units[n],
            utilization: Utilization {
                shipments: share(ledger.node_shipments[n], node.capacity_shipments),
                units: share(ledger.node_units[n], node.capacity_units),
            },
        })
        .collect()
}
