//! The HiGHS layer beneath every algorithm that solves a MIP or an LP: the solver-neutral
//! [`program`] the formulations write, its [`run`] in HiGHS (with the [`callback`] that keeps
//! incumbents and honours cancellation), the typed [`RunStatus`], the thread count, and export.
//! It depends on no algorithm.

pub(crate) mod callback;
pub mod export;
pub mod growing;
pub mod program;
pub mod push;
pub mod run;
mod status;
pub mod threads;

pub use status::{has_feasible_solution, RunStatus};

/// The HiGHS version linked in, e.g. "1.16.0".
pub fn version() -> String {
    unsafe {
        format!(
            "{}.{}.{}",
            highs_sys::Highs_versionMajor(),
            highs_sys::Highs_versionMinor(),
            highs_sys::Highs_versionPatch()
        )
    }
}
