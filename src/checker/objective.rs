//! The objective, recomputed term by term, and the honesty of `bound` and `gap`.

use super::context::{close, num, Ctx, TOLERANCE};
use crate::error::Problem;
use crate::format::Allocation;

/// The objective as the plan's shipments imply it. Terms that need a price are `None` when
/// some counted shipment has no route (that shipment is reported on its own).
struct Expected {
    shipping: Option<f64>,
    handling: Option<f64>,
    fixed: f64,
    split_penalty: f64,
    late_penalty: Option<f64>,
    unfilled_penalty: f64,
}

impl Expected {
    fn total(&self) -> Option<f64> {
        Some(
            self.shipping?
                + self.handling?
                + self.fixed
                + self.split_penalty
                + self.late_penalty?
                + self.unfilled_penalty,
        )
    }
}

fn expected(ctx: &Ctx) -> Expected {
    let model = ctx.model;
    let priced = ctx.all_priced();
    let mut shipping = 0.0;
    let mut handling = 0.0;
    let mut late_days: f64 = 0.0;
    let mut splits: f64 = 0.0;
    let mut node_used = vec![false; model.nodes.len()];
    for (e, _) in ctx.canonical_entries() {
        let ships = &ctx.ships[e];
        splits += ships.len().saturating_sub(1) as f64;
        for ship in ships {
            if let Some(n) = ship.node {
                node_used[n] = true;
            }
            if let Some(q) = &ship.quote {
                shipping += q.shipping_cost(ship.units);
                handling += q.handling_cost(ship.units);
                late_days += q.days_late as f64;
            }
        }
    }
    let fixed = model
        .nodes
        .iter()
        .zip(&node_used)
        .filter(|(_, &used)| used)
        .map(|(n, _)| n.fixed_cost)
        .sum();
    let late_penalty = if model.policy.hard_sla {
        Some(0.0)
    } else if priced {
        Some(model.policy.late_penalty_per_day * late_days)
    } else {
        None
    };
    let mut unfilled_penalty = 0.0;
    if model.policy.allocation == Allocation::Weighted {
        for (o, order) in model.orders.iter().enumerate() {
            if order.is_held() {
                continue;
            }
            let shipped = ctx.order_shipped(o);
            let unfilled: f64 = order
                .lines
                .iter()
                .zip(&shipped)
                .map(|(l, &s)| l.qty.saturating_sub(s).max(0) as f64)
                .sum();
            let penalty = model
                .tiers
                .get(order.tier)
                .map_or(crate::format::DEFAULT_UNFILLED_PENALTY, |t| {
                    t.unfilled_penalty
                });
            unfilled_penalty += penalty * unfilled;
        }
    }
    Expected {
        shipping: priced.then_some(shipping),
        handling: priced.then_some(handling),
        fixed,
        split_penalty: model.policy.split_penalty * splits,
        late_penalty,
        unfilled_penalty,
    }
}

/// The objective total the plan's shipments imply, when every counted shipment has a price.
pub fn expected_total(ctx: &Ctx) -> Option<f64> {
    expected(ctx).total()
}

/// `wrong_objective`: each term and the total must match their recomputation.
pub fn check_objective(ctx: &Ctx, out: &mut Vec<Problem>) {
    let exp = expected(ctx);
    let obj = &ctx.plan.objective;
    let policy = &ctx.model.policy;
    let weighted = policy.allocation == Allocation::Weighted;
    let terms: [(&str, f64, Option<f64>, String); 6] = [
        (
            "shipping",
            obj.shipping,
            exp.shipping,
            "Σ shipping cost of the shipments".into(),
        ),
        (
            "handling",
            obj.handling,
            exp.handling,
            "Σ node handling of the shipments".into(),
        ),
        (
            "fixed",
            obj.fixed,
            Some(exp.fixed),
            "Σ fixed_cost of the nodes that ship".into(),
        ),
        (
            "split_penalty",
            obj.split_penalty,
            Some(exp.split_penalty),
            format!(
                "split_penalty {} × shipments beyond each order's first",
                policy.split_penalty
            ),
        ),
        (
            "late_penalty",
            obj.late_penalty,
            exp.late_penalty,
            if policy.hard_sla {
                "0 under sla: hard".into()
            } else {
                format!(
                    "late_penalty_per_day {} × Σ days late",
                    policy.late_penalty_per_day
                )
            },
        ),
        (
            "unfilled_penalty",
            obj.unfilled_penalty,
            Some(exp.unfilled_penalty),
            if weighted {
                "Σ tier unfilled_penalty × unfilled units of orders not on hold".into()
            } else {
                "0 under allocation: strict".into()
            },
        ),
    ];
    for (name, written, expected, rule) in terms {
        if let Some(expected) = expected {
            if !close(written, expected) {
                out.push(wrong(name, written, expected, &rule));
            }
        }
    }
    match exp.total() {
        Some(total) => {
            if !close(obj.total, total) {
                out.push(wrong("total", obj.total, total, "the sum of the terms"));
            }
        }
        None => {
            let parts = obj.shipping
                + obj.handling
                + obj.fixed
                + obj.split_penalty
                + obj.late_penalty
                + obj.unfilled_penalty;
            if !close(obj.total, parts) {
                out.push(wrong(
                    "total",
                    obj.total,
                    parts,
                    "the sum of the plan's own terms",
                ));
            }
        }
    }
}

fn wrong(term: &str, written: f64, expected: f64, rule: &str) -> Problem {
    Problem::new(
        format!("/objective/{term}"),
        "wrong_objective",
        format!(
            "objective.{term} is {written} but should be {} ({rule})",
            num(expected)
        ),
    )
}

/// `invalid_bound`, `invalid_gap`: a finite bound no greater than the total, a finite gap ≥ 0.
pub fn check_bound_and_gap(ctx: &Ctx, out: &mut Vec<Problem>) {
    let plan = ctx.plan;
    let total = plan.objective.total;
    if !plan.bound.is_finite() || (plan.bound > total && !close(plan.bound, total)) {
        out.push(Problem::new(
            "/bound",
            "invalid_bound",
            format!(
                "bound {} must be a finite lower bound on objective.total {total}",
                plan.bound
            ),
        ));
    }
    if !plan.gap.is_finite() || plan.gap < -TOLERANCE {
        out.push(Problem::new(
            "/gap",
            "invalid_gap",
            format!("gap {} must be a finite relative gap >= 0", plan.gap),
        ));
    }
}
