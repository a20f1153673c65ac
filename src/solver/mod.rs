//! Solvers: they read the domain [`Model`](crate::model::Model) and return an [`Allocation`].

mod allocation;
pub mod greedy;
pub mod ledger;
pub mod mip;

pub use allocation::{Allocation, ShipmentDecision, SolveOutcome};
