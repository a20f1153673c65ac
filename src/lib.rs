//! waveopt: a stateless order-sourcing optimizer.
//!
//! Three layers, pointing one way: [`format`] (serde wire types) → [`model`] (the domain, ids
//! interned) → [`solver`] (greedy baseline and the MIP). [`validation`] and [`checker`] stand
//! beside them. The CLI and the HTTP service are thin shells over [`plan()`].

pub mod bench;
pub mod checker;
pub mod cli;
pub mod error;
pub mod format;
pub mod import;
pub mod model;
pub mod validation;

pub use error::{Error, Problem};
pub use format::{Options, Plan, Wave};
pub mod generate;
pub mod io;
pub mod report;
pub mod scenario;
pub mod service;
pub mod solver;

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use format::Engine;
use model::Model;

/// Plans a wave: validates it, solves it with the engine the options name, and reports every
/// order. `options` are the effective options (callers usually pass `&wave.options`).
pub fn plan(wave: &Wave, options: &Options) -> Result<Plan, Error> {
    plan_cancellable(wave, options, &AtomicBool::new(false))
}

/// [`plan()`], stopping early once `cancel` is set (a client went away, the server is shutting
/// down). A cancelled solve still returns a complete, checked plan: the best one found so far,
/// with status `feasible` and a note in `solver.notes`.
pub fn plan_cancellable(
    wave: &Wave,
    options: &Options,
    cancel: &AtomicBool,
) -> Result<Plan, Error> {
    let started = Instant::now();
    let deadline = started + std::time::Duration::from_millis(options.time_limit_ms.max(1) as u64);
    let model = Model::from_wave(wave)?;
    let outcome = match options.engine {
        Engine::Greedy => solver::greedy::solve(&model),
        Engine::Mip => solver::mip::solve(
            &model,
            options,
            &solver::tuning::Tuning::default(),
            deadline,
            cancel,
        ),
        Engine::Naive => solver::naive::solve(&model, options, deadline, cancel),
    };
    let elapsed = started.elapsed().as_millis() as u64;
    let mut plan = report::assemble(&model, outcome, options.explain, elapsed);
    format::metadata::echo(wave, &mut plan);
    Ok(plan)
}
