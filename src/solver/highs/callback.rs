//! A HiGHS callback that does two things the `highs` crate does not expose:
//!
//! - it keeps the last improving MIP solution HiGHS reports (in the original column space), so
//!   a stage that stops on its time limit can return HiGHS's real incumbent. HiGHS 1.16 has
//!   been seen returning the MIP start's columns with another solution's objective;
//! - it interrupts the MIP, or an LP's simplex or interior-point solve, when an outside flag is
//!   set (a client went away, or the work the LP ran alongside finished);
//! - it reports the MIP's incumbent, bound and gap to whoever watches the cancel flag
//!   ([`crate::solver::progress`]: the progress of a plan job).

use std::ffi::{c_char, c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use highs_sys::{HighsCallbackDataIn, HighsCallbackDataOut, HighsInt};

/// `HighsCallbackType::kCallbackSimplexInterrupt` in HiGHS's `HConst.h`.
const SIMPLEX_INTERRUPT: c_int = 1;
/// `HighsCallbackType::kCallbackIpmInterrupt`.
const IPM_INTERRUPT: c_int = 2;
/// `HighsCallbackType::kCallbackMipImprovingSolution`.
const MIP_IMPROVING_SOLUTION: c_int = 4;
/// `HighsCallbackType::kCallbackMipInterrupt`.
const MIP_INTERRUPT: c_int = 6;

/// What the callback sees and keeps during one solve. It must outlive the solve.
pub struct SolveWatch<'a> {
    columns: usize,
    cancel: Option<&'a AtomicBool>,
    last_improving: Mutex<Option<Vec<f64>>>,
}

impl<'a> SolveWatch<'a> {
    pub fn new(columns: usize, cancel: Option<&'a AtomicBool>) -> Self {
        SolveWatch {
            columns,
            cancel,
            last_improving: Mutex::new(None),
        }
    }

    /// Registers the callback on a HiGHS instance.
    ///
    /// # Safety
    /// `highs` must be a live HiGHS instance, and `self` must stay in place (not moved or
    /// dropped) until that instance has finished solving.
    pub unsafe fn attach(&self, highs: *mut c_void) {
        highs_sys::Highs_setCallback(
            highs,
            Some(on_event),
            self as *const SolveWatch as *mut c_void,
        );
        highs_sys::Highs_startCallback(highs, MIP_IMPROVING_SOLUTION as HighsInt);
        if let Some(cancel) = self.cancel {
            crate::solver::progress::started_run(cancel);
            highs_sys::Highs_startCallback(highs, MIP_INTERRUPT as HighsInt);
        }
    }

    /// Registers the callback on a HiGHS instance that solves an LP: only the interrupts.
    ///
    /// # Safety
    /// As for [`Self::attach`].
    pub unsafe fn attach_lp(&self, highs: *mut c_void) {
        if self.cancel.is_none() {
            return;
        }
        highs_sys::Highs_setCallback(
            highs,
            Some(on_event),
            self as *const SolveWatch as *mut c_void,
        );
        highs_sys::Highs_startCallback(highs, SIMPLEX_INTERRUPT as HighsInt);
        highs_sys::Highs_startCallback(highs, IPM_INTERRUPT as HighsInt);
    }

    /// The last improving solution HiGHS reported, if any.
    pub fn take_last_improving(&self) -> Option<Vec<f64>> {
        self.last_improving.lock().ok()?.take()
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

unsafe extern "C" fn on_event(
    kind: c_int,
    _message: *const c_char,
    data_out: *const HighsCallbackDataOut,
    data_in: *mut HighsCallbackDataIn,
    user: *mut c_void,
) {
    // Nothing may unwind into C++.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        if user.is_null() {
            return;
        }
        let watch = &*(user as *const SolveWatch);
        if let (Some(cancel), MIP_IMPROVING_SOLUTION | MIP_INTERRUPT, false) =
            (watch.cancel, kind, data_out.is_null())
        {
            let out = &*data_out;
            crate::solver::progress::report(
                cancel,
                out.mip_primal_bound,
                out.mip_dual_bound,
                out.mip_gap,
            );
        }
        match kind {
            MIP_IMPROVING_SOLUTION if !data_out.is_null() => {
                let out = &*data_out;
                let size = usize::try_from(out.mip_solution_size).unwrap_or(0);
                if std::env::var_os("WAVEOPT_HIGHS_LOG").is_some() {
                    eprintln!(
                        "improving solution: objective {}, {size} of {} columns",
                        out.objective_function_value, watch.columns
                    );
                }
                if out.mip_solution.is_null() || size != watch.columns {
                    return;
                }
                let values = std::slice::from_raw_parts(out.mip_solution, size).to_vec();
                if let Ok(mut last) = watch.last_improving.lock() {
                    *last = Some(values);
                }
            }
            MIP_INTERRUPT | SIMPLEX_INTERRUPT | IPM_INTERRUPT
                if !data_in.is_null() && watch.cancelled() =>
            {
                (*data_in).user_interrupt = 1;
            }
            _ => {}
        }
    }));
}
