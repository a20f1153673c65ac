//! The bound reported on the routes where HiGHS proves none for cost (the neighbourhood
//! search): the relaxations ([`super::relaxed_bounds`]) solved on a second thread while the
//! search runs (before it, when one thread is allowed), for the tier fills the search starts
//! from, and the per-unit relaxation at the final plan's fills.

use std::time::Instant;

use super::lns;
pub use super::relaxed_bounds::{relaxation_bound, SearchBounds};
use super::relaxed_bounds::{relaxations, relaxations_beside};
use crate::model::Model;
use crate::solver::Allocation;

/// Runs `search` and, within the time until `deadline`, the relaxations for `fills`: the flow LP
/// (when below [`crate::solver::bound::flow::MAX_FLOW_COLUMNS`]), then the Lagrangian
/// relaxation from its duals (or from per-unit prices without it), with subgradient steps aimed
/// at `target`, the cost the search starts from. With two or more threads allowed (`threads`), they run on one more
/// thread alongside the search (the search's small sub-MIPs barely use a second core) and stop
/// when the search returns. With one, they run first, given at most the tuning's
/// `relaxations_sequential_share` of the time, so the call never uses more threads than
/// `options.threads` allows; `cancel` stops them.
/// The deadline, threads, cancel flag and the board the Lagrangian posts its prices to (for the
/// search to steer by) come from `limits`.
pub fn alongside_bounds<T: Send>(
    model: &Model,
    fills: &[i64],
    target: (f64, &Allocation),
    limits: &lns::Limits,
    search: impl FnOnce() -> T + Send,
) -> (T, SearchBounds) {
    let (deadline, threads, cancel, board) = (
        limits.deadline,
        limits.threads,
        limits.cancel,
        limits.prices,
    );
    let flow_share = limits.tuning.relaxations_flow_share;
    let seconds = deadline
        .saturating_duration_since(Instant::now())
        .as_secs_f64();
    if seconds <= 0.05 {
        return (search(), SearchBounds::default());
    }
    if threads <= 1 {
        let share = limits.tuning.relaxations_sequential_share;
        let until = Instant::now() + std::time::Duration::from_secs_f64(seconds * share);
        let master = limits.tuning.lagrangian_master;
        let bounds = relaxations(
            model,
            fills,
            target,
            (board, flow_share, master),
            until,
            cancel,
        );
        return (search(), bounds);
    }
    let priced = (board, flow_share, limits.tuning.lagrangian_master);
    relaxations_beside(model, fills, target, priced, deadline, search)
}
