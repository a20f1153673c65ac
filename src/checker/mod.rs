//! The independent plan checker: re-verifies any plan against its wave.
//!
//! It shares no code with the solvers. It uses only the domain model (for interning and
//! availability), the cost/time model of [`crate::model::routing`] and the calendar of
//! [`crate::model::dates`], and recomputes every figure a plan states. Each check family lives in
//! its own file with one function, and all of them run, so [`check`] lists every violation at
//! once, each with a JSON pointer into the plan, a stable code and a message that names the
//! order, node, SKU and numbers involved. The codes are listed in `docs/checker.md`.
//!
//! Which entries count: per-shipment checks (structure, eligibility, rules, costs) look at every
//! plan entry that names an input order, duplicates included. Aggregate checks (stock,
//! reservations, capacity, objective, KPIs, node figures, exceptions) count each input order
//! once, through the first plan entry that names it; duplicates and unknown orders are reported
//! by the coverage check instead of being counted twice.

mod capacity;
mod context;
mod costs;
mod coverage;
mod exceptions;
mod kpis;
mod nodes;
mod objective;
mod reasons;
mod reservations;
mod rules;
mod shipments;
mod status;
mod stock;

use crate::error::{Error, Problem};
use crate::format::{Plan, Wave};
use crate::model::Model;

use context::Ctx;

/// Every violation of the plan against the wave; empty when the plan is valid.
///
/// When the wave itself is invalid its validation problems are returned instead (paths then
/// point into the wave). Never panics, whatever the plan holds.
pub fn check(wave: &Wave, plan: &Plan) -> Vec<Problem> {
    let model = match Model::from_wave(wave) {
        Ok(model) => model,
        Err(Error::Invalid(problems)) => return problems,
        Err(other) => return vec![Problem::new("", other.code(), other.to_string())],
    };
    check_model(&model, plan)
}

/// Checks a plan against an already-built model of its wave.
pub fn check_model(model: &Model, plan: &Plan) -> Vec<Problem> {
    let ctx = Ctx::new(model, plan);
    let mut problems = Vec::new();
    let out = &mut problems;
    coverage::check_wave_id(&ctx, out);
    coverage::check_orders_listed_once(&ctx, out);
    coverage::check_units_accounted(&ctx, out);
    shipments::check_shipment_structure(&ctx, out);
    shipments::check_unfilled_structure(&ctx, out);
    status::check_order_status(&ctx, out);
    status::check_holds(&ctx, out);
    rules::check_eligibility(&ctx, out);
    rules::check_order_rules(&ctx, out);
    rules::check_hard_sla(&ctx, out);
    stock::check_inventory(&ctx, out);
    reservations::check_reservations(&ctx, out);
    capacity::check_capacity(&ctx, out);
    costs::check_shipment_figures(&ctx, out);
    objective::check_objective(&ctx, out);
    objective::check_bound_and_gap(&ctx, out);
    kpis::check_kpis(&ctx, out);
    kpis::check_group_kpis(&ctx, out);
    nodes::check_node_results(&ctx, out);
    exceptions::check_required_exceptions(&ctx, out);
    exceptions::check_exception_fields(&ctx, out);
    reasons::check_unfilled_reasons(&ctx, out);
    problems
}
