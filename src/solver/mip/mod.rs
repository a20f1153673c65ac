//! The optimizer: the wave as a mixed-integer program in HiGHS, solved in lexicographic stages.
//!
//! The formulation is in [`formulation`] (math in `models/formulation.md`); the stage logic in
//! [`stages`]. The greedy plan is computed first: it is the MIP start, and the fallback when a
//! stage finds no solution in time, so a checked plan always comes back.

pub mod formulation;
mod highs_callback;
pub mod highs_run;
pub mod program;
pub mod relaxation;
pub mod solution;
pub mod stages;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::error::Error;
use crate::format::{Options, PlanStatus, Wave};
use crate::model::Model;
use crate::solver::{greedy, SolveOutcome};
use formulation::BuildFlags;

/// Orders longer than this are planned greedily: see [`solve`].
pub const MAX_LINES_PER_ORDER_FOR_MIP: usize = 2_000;

/// Threads HiGHS may use for these options: `options.threads`, else every core.
pub fn threads_for(options: &Options) -> u32 {
    match options.threads {
        Some(t) if t >= 1 => t.min(1024) as u32,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get() as u32),
    }
}

/// Solves the wave. `naive` builds every order × node × method triple with no pruning, no
/// greedy start and no stage shortcuts: the reference the optimizer is measured against.
pub fn solve(
    model: &Model,
    options: &Options,
    deadline: Instant,
    naive: bool,
    cancel: &AtomicBool,
) -> SolveOutcome {
    if let Some(o) = model
        .orders
        .iter()
        .find(|o| o.lines.len() > MAX_LINES_PER_ORDER_FOR_MIP)
    {
        // HiGHS's MIP presolve (probing and clique extraction) slows down sharply with one
        // very long order and does not check the time limit meanwhile: 20,000 lines took 78 s
        // against a 5 s limit. The greedy plan is checked and complete; say why it is returned.
        let mut outcome = greedy::solve(model);
        outcome.engine = if naive { "naive" } else { "mip" };
        outcome.notes.push(format!(
            "order {} has {} lines, above the {MAX_LINES_PER_ORDER_FOR_MIP} the MIP handles within \
             its time limit: planned greedily, no bound proven",
            o.id,
            o.lines.len()
        ));
        return outcome;
    }
    let greedy_plan = greedy::route(model);
    let flags = BuildFlags {
        prune: !naive,
        names: false,
    };
    let (program, layout) = formulation::build(model, flags);
    let runner = stages::Runner {
        model,
        program: &program,
        layout: &layout,
        deadline,
        mip_gap: options.mip_gap,
        threads: threads_for(options),
        greedy: &greedy_plan,
        use_greedy: !naive,
        cancel,
    };
    let outcome = runner.run();
    let engine = if naive { "naive" } else { "mip" };
    let mut notes = outcome.notes;
    if cancel.load(Ordering::Relaxed) {
        notes.push("solve cancelled: returning the best plan found so far".to_string());
    }
    let allocation = match &outcome.values {
        Some(values) => solution::allocation_from_values(model, &layout, values),
        None => {
            notes.push("no MIP solution in time: returning the greedy plan".to_string());
            greedy_plan
        }
    };
    let status = if outcome.proven && outcome.values.is_some() {
        PlanStatus::Optimal
    } else {
        PlanStatus::Feasible
    };
    SolveOutcome {
        allocation,
        status,
        bound: if outcome.values.is_some() {
            outcome.bound
        } else {
            0.0
        },
        gap: if outcome.values.is_some() {
            outcome.gap
        } else {
            f64::INFINITY
        },
        engine,
        stages: outcome.stages,
        variables: program.num_cols() as u64,
        constraints: program.rows.len() as u64,
        components: 1,
        notes,
    }
}

/// Writes the wave's final-stage model (LP or MPS by `ext`): for strict allocation the cost
/// stage, with every tier's fill held at the value the earlier stages proved; for weighted the
/// single stage. Column and row names follow `models/formulation.md`.
pub fn export_model(wave: &Wave, out: &Path, ext: &str) -> Result<(), Error> {
    let model = Model::from_wave(wave)?;
    let greedy_plan = greedy::route(&model);
    let flags = BuildFlags {
        prune: true,
        names: true,
    };
    let (program, layout) = formulation::build(&model, flags);
    let deadline =
        Instant::now() + std::time::Duration::from_millis(wave.options.time_limit_ms.max(1) as u64);
    let runner = stages::Runner {
        model: &model,
        program: &program,
        layout: &layout,
        deadline,
        mip_gap: wave.options.mip_gap,
        threads: threads_for(&wave.options),
        greedy: &greedy_plan,
        use_greedy: true,
        cancel: &AtomicBool::new(false),
    };
    let outcome = runner.run();
    let path = out.with_extension(ext);
    highs_run::write(&program, &outcome.final_stage, &path).map_err(Error::Solver)
}
