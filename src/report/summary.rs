//! A short human summary of a plan, for the CLI's stderr.

use crate::format::{ExceptionKind, Plan, Severity};

pub fn render(plan: &Plan) -> String {
    let k = &plan.kpis;
    let o = &plan.objective;
    let mut s = String::new();
    s.push_str(&format!(
        "wave {} — {} ({} engine, {} ms)\n",
        plan.wave_id,
        match plan.status {
            crate::format::PlanStatus::Optimal => "optimal",
            crate::format::PlanStatus::Feasible => "feasible",
        },
        plan.solver.engine,
        plan.solver.time_ms
    ));
    s.push_str(&format!(
        "  fill      {:.1}%  ({} of {} units; {} of {} orders complete)\n",
        k.fill_rate * 100.0,
        k.units_allocated,
        k.units_demanded,
        k.orders_complete,
        k.orders
    ));
    for (tier, g) in &k.by_tier {
        s.push_str(&format!(
            "    tier {:<12} {:.1}%  ({} of {} units)\n",
            tier,
            g.fill_rate * 100.0,
            g.units_allocated,
            g.units_demanded
        ));
    }
    s.push_str(&format!(
        "  shipments {}  (split orders {}), on time {:.1}%\n",
        k.shipments,
        k.split_orders,
        k.on_time_rate * 100.0
    ));
    s.push_str(&format!(
        "  cost      {:.2}  = shipping {:.2} + handling {:.2} + fixed {:.2} + splits {:.2} + late {:.2} + unfilled {:.2}  ({:.2}/unit)\n",
        o.total, o.shipping, o.handling, o.fixed, o.split_penalty, o.late_penalty, o.unfilled_penalty, k.cost_per_unit
    ));
    s.push_str(&format!(
        "  bound     {:.2}  gap {:.4}%\n",
        plan.bound,
        plan.gap * 100.0
    ));
    let mut counts: std::collections::BTreeMap<ExceptionKind, usize> = Default::default();
    for e in &plan.exceptions {
        *counts.entry(e.kind).or_default() += 1;
    }
    if !counts.is_empty() {
        let list: Vec<String> = counts
            .iter()
            .map(|(kind, n)| {
                format!(
                    "{} {}",
                    n,
                    serde_json::to_value(kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                )
            })
            .collect();
        s.push_str(&format!("  exceptions: {}\n", list.join(", ")));
    }
    let mut top: Vec<_> = plan.exceptions.iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.severity));
    for e in top
        .iter()
        .take(5)
        .filter(|e| e.severity >= Severity::Warning)
    {
        s.push_str(&format!("  ! {}\n", e.message));
    }
    s
}
