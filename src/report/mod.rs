//! Turns a solver's [`SolveOutcome`] into a complete wire [`Plan`]: shipments with their costs
//! and dates, unfilled units with reasons, the objective breakdown, exceptions, KPIs and node
//! utilisation. Shared by every engine, so every plan is reported the same way.

mod exceptions;
mod explain;
mod holders;
mod kpis;
pub mod reasons;
pub mod summary;

use crate::format::{
    Objective, OrderResult, OrderStatus, Plan, Shipment, ShipmentLine, SolverStats, UnfilledLine,
    UnfilledReason,
};
use crate::model::dates::format_day;
use crate::model::Model;
use crate::solver::ledger::Ledger;
use crate::solver::SolveOutcome;

/// Assembles the plan. `elapsed_ms` is the whole call's wall time.
pub fn assemble(model: &Model, outcome: SolveOutcome, explain: bool, elapsed_ms: u64) -> Plan {
    let allocation = &outcome.allocation;
    let ledger = Ledger::of_allocation(model, allocation);
    let filled = allocation.filled(model);
    let reasons = reasons::Reasoner::new(model, allocation, &ledger, &outcome.stages);
    // Per order, the detail of each unfilled line (the nodes that hold it but cannot serve).
    let mut details: Vec<Vec<Option<String>>> = vec![Vec::new(); model.orders.len()];

    let mut orders: Vec<OrderResult> = model
        .orders
        .iter()
        .map(|o| OrderResult {
            id: o.id.clone(),
            status: OrderStatus::Unfilled,
            shipments: Vec::new(),
            unfilled: Vec::new(),
            explain: None,
            metadata: None,
        })
        .collect();
    let mut objective = Objective::default();
    for s in &allocation.shipments {
        let o = &model.orders[s.order];
        let units = s.units();
        let quote = model
            .quote(s.order, s.node, s.method)
            .expect("solvers only ship along routes that exist");
        objective.shipping += quote.shipping_cost(units);
        objective.handling += quote.handling_cost(units);
        objective.late_penalty += model.policy.late_rate() * quote.days_late as f64;
        orders[s.order].shipments.push(Shipment {
            node: model.nodes[s.node].id.clone(),
            method: model.methods[s.method].id.clone(),
            lines: s
                .lines
                .iter()
                .map(|&(li, qty)| ShipmentLine {
                    line: o.lines[li].id.clone(),
                    sku: model.skus[o.lines[li].sku].clone(),
                    qty,
                    metadata: None,
                })
                .collect(),
            cost: quote.shipment_cost(units),
            ship_date: format_day(quote.ship_day),
            eta: format_day(quote.eta_day),
            on_time: quote.on_time(),
            days_late: quote.days_late,
        });
    }
    objective.fixed = (0..model.nodes.len())
        .filter(|&n| ledger.node_shipments[n] > 0)
        .map(|n| model.nodes[n].fixed_cost)
        .sum();

    let weighted = model.policy.allocation == crate::format::Allocation::Weighted;
    for (oi, o) in model.orders.iter().enumerate() {
        let result = &mut orders[oi];
        let shipped: i64 = filled[oi].iter().sum();
        let splits = (result.shipments.len() as i64 - 1).max(0);
        objective.split_penalty += model.policy.split_penalty * splits as f64;
        let short: Vec<usize> = (0..o.lines.len())
            .filter(|&li| o.lines[li].qty > filled[oi][li])
            .collect();
        for (&li, verdict) in short.iter().zip(reasons.reasons(oi, &short)) {
            let reason = verdict.reason;
            details[oi].push(verdict.detail);
            let line = &o.lines[li];
            let missing = line.qty - filled[oi][li];
            if weighted && reason != UnfilledReason::OnHold {
                objective.unfilled_penalty += model.unfilled_penalty(oi) * missing as f64;
            }
            result.unfilled.push(UnfilledLine {
                line: line.id.clone(),
                sku: model.skus[line.sku].clone(),
                qty: missing,
                reason,
                metadata: None,
            });
        }
        result.status = if o.is_held() {
            OrderStatus::Held
        } else if shipped == o.units() {
            OrderStatus::Filled
        } else if shipped == 0 {
            OrderStatus::Unfilled
        } else {
            OrderStatus::Partial
        };
        if explain {
            result.explain = Some(explain::explain_order(model, oi, &result.shipments));
        }
    }
    objective.total = objective.shipping
        + objective.handling
        + objective.fixed
        + objective.split_penalty
        + objective.late_penalty
        + objective.unfilled_penalty;

    let exceptions = exceptions::collect(model, &orders, &details, &ledger);
    let kpis = kpis::compute(model, &orders, &objective);
    let nodes = kpis::node_results(model, &ledger);
    let (bound, gap) = honest_bound(&outcome, objective.total);
    Plan {
        wave_id: model.wave_id.clone(),
        status: outcome.status,
        objective,
        bound,
        gap,
        orders,
        exceptions,
        kpis,
        nodes,
        solver: SolverStats {
            engine: outcome.engine.to_string(),
            time_ms: elapsed_ms,
            stages: outcome.stages,
            variables: outcome.variables,
            constraints: outcome.constraints,
            components: outcome.components,
            versions: crate::format::Versions::current(),
            notes: outcome.notes,
        },
    }
}

/// The bound and gap are the solver's figures: HiGHS's for the cost stage, or on the search
/// routes the per-unit relaxation's (`solver::bound`). Engines that prove nothing report a
/// bound of 0, and the gap is then `(total − bound) / |total|`. Never NaN.
fn honest_bound(outcome: &SolveOutcome, total: f64) -> (f64, f64) {
    let bound = outcome.bound.min(total);
    let gap = if outcome.gap.is_finite() {
        outcome.gap.max(0.0)
    } else if total.abs() > 0.0 {
        ((total - bound) / total.abs()).max(0.0)
    } else {
        0.0
    };
    (bound, gap)
}
