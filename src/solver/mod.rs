//! Solvers: they read the domain [`Model`](crate::model::Model) and return an [`Allocation`].

mod allocation;
pub mod bound;
pub mod cover;
pub mod greedy;
pub mod highs;
pub mod ledger;
pub mod mip;
pub mod naive;
pub mod plan_score;
pub mod polish;
pub mod progress;
pub mod tiers;
pub mod tuning;

pub use allocation::{units_per_line, Allocation, ShipmentDecision, SolveOutcome};
