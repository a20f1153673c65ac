//! waveopt: a stateless order-sourcing optimizer.
//!
//! Three layers, pointing one way: [`format`] (serde wire types) → [`model`] (the domain, ids
//! interned) → [`solver`] (greedy baseline and the MIP). [`validation`] and [`checker`] stand
//! beside them. The CLI and the HTTP service are thin shells over [`plan()`].

pub mod checker;
pub mod error;
pub mod format;
pub mod model;
pub mod validation;

pub use error::{Error, Problem};
pub use format::{Options, Plan, Wave};
pub mod generate;
pub mod io;
