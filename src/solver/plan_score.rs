//! How every search compares plans: tier fills first (strict), then cost.

use crate::format::Allocation as AllocationMode;
use crate::model::Model;
use crate::solver::Allocation;

/// Tier fills (strict) and the cost the search minimises: the plan's cost, plus unfilled
/// penalties under `weighted` (then fills are not compared separately).
pub fn score(model: &Model, allocation: &Allocation) -> (Vec<i64>, f64) {
    let late = model.policy.late_rate();
    let mut cost = 0.0;
    let mut shipments_of = vec![0usize; model.orders.len()];
    let mut node_used = vec![false; model.nodes.len()];
    let mut shipped = vec![0i64; model.orders.len()];
    for s in &allocation.shipments {
        if let Some(q) = model.quote(s.order, s.node, s.method) {
            cost += q.per_shipment_total(late) + q.per_unit_total() * s.units() as f64;
        }
        shipments_of[s.order] += 1;
        node_used[s.node] = true;
        shipped[s.order] += s.units();
    }
    for (n, used) in node_used.iter().enumerate() {
        if *used {
            cost += model.nodes[n].fixed_cost;
        }
    }
    for &k in &shipments_of {
        cost += model.policy.split_penalty * k.saturating_sub(1) as f64;
    }
    let fills = allocation.tier_fills(model);
    match model.policy.allocation {
        AllocationMode::Strict => (fills, cost),
        AllocationMode::Weighted => {
            for (o, order) in model.orders.iter().enumerate() {
                if !order.is_held() {
                    cost += model.unfilled_penalty(o) * (order.units() - shipped[o]) as f64;
                }
            }
            (Vec::new(), cost)
        }
    }
}

/// Strictly better: higher fills in the first tier that differs, else a lower cost by more than
/// rounding.
pub(crate) fn improves(candidate: &(Vec<i64>, f64), incumbent: &(Vec<i64>, f64)) -> bool {
    match candidate.0.cmp(&incumbent.0) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => candidate.1 < incumbent.1 - 1e-6 * incumbent.1.abs().max(1.0),
    }
}
