//! Live figures from HiGHS for whoever watches a solve (the plan jobs of `POST /v1/jobs`).
//!
//! A solve is found by its cancel flag, the one value every solve already carries down to the
//! HiGHS callback, so no signature in the solver changes: [`watch`] registers a [`Watch`] for a
//! flag, and the callback reports to it through [`started_run`] and [`report`]. With nothing
//! watched, a report costs one atomic load.
//!
//! The figures are those of the MIP HiGHS is solving (or solved last) under that flag, in that
//! MIP's own units: a tier stage minimises minus the units it fills, the cost stage the cost, a
//! neighbourhood of the search the cost of its part of the wave.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// What HiGHS said last about the MIP it is solving.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MipFigures {
    /// HiGHS runs started under this flag so far (stages, rounds, neighbourhoods).
    pub runs: u64,
    /// Objective of the best solution of the current run, if it has one.
    pub objective: Option<f64>,
    /// Proven bound of the current run, if finite.
    pub bound: Option<f64>,
    /// Relative gap of the current run, if finite.
    pub gap: Option<f64>,
}

/// The figures of one watched solve, readable from any thread.
#[derive(Debug, Default)]
pub struct Watch {
    figures: Mutex<MipFigures>,
}

impl Watch {
    pub fn figures(&self) -> MipFigures {
        self.figures.lock().map(|f| *f).unwrap_or_default()
    }
}

/// Unregisters its watch when dropped.
pub struct WatchGuard {
    key: usize,
    watch: Arc<Watch>,
}

impl WatchGuard {
    pub fn watch(&self) -> &Arc<Watch> {
        &self.watch
    }
}

impl Drop for WatchGuard {
    fn drop(&mut self) {
        let mut watched = lock_watched();
        watched.retain(|(key, w)| !(*key == self.key && Arc::ptr_eq(w, &self.watch)));
        WATCHED_COUNT.store(watched.len(), Ordering::Release);
    }
}

static WATCHED: Mutex<Vec<(usize, Arc<Watch>)>> = Mutex::new(Vec::new());
static WATCHED_COUNT: AtomicUsize = AtomicUsize::new(0);

fn lock_watched() -> std::sync::MutexGuard<'static, Vec<(usize, Arc<Watch>)>> {
    WATCHED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn key_of(cancel: &AtomicBool) -> usize {
    cancel as *const AtomicBool as usize
}

/// Watches the solves run under `cancel` until the guard is dropped. The flag must outlive
/// the guard (its address is the key).
pub fn watch(cancel: &AtomicBool) -> WatchGuard {
    let watch = Arc::new(Watch::default());
    let key = key_of(cancel);
    let mut watched = lock_watched();
    watched.push((key, watch.clone()));
    WATCHED_COUNT.store(watched.len(), Ordering::Release);
    WatchGuard { key, watch }
}

fn with_watch(cancel: &AtomicBool, update: impl FnOnce(&mut MipFigures)) {
    if WATCHED_COUNT.load(Ordering::Acquire) == 0 {
        return;
    }
    let key = key_of(cancel);
    let watch = lock_watched()
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, w)| w.clone());
    if let Some(watch) = watch {
        if let Ok(mut figures) = watch.figures.lock() {
            update(&mut figures);
        }
    }
}

/// A HiGHS run starts under `cancel`: the previous run's figures no longer apply.
pub(crate) fn started_run(cancel: &AtomicBool) {
    with_watch(cancel, |f| {
        *f = MipFigures {
            runs: f.runs + 1,
            ..MipFigures::default()
        }
    });
}

/// HiGHS reported on the run under `cancel`: its incumbent's objective, bound and gap.
pub(crate) fn report(cancel: &AtomicBool, objective: f64, bound: f64, gap: f64) {
    let finite = |v: f64| (v.is_finite() && v.abs() < 1e300).then_some(v);
    with_watch(cancel, |f| {
        f.objective = finite(objective).or(f.objective);
        f.bound = finite(bound).or(f.bound);
        f.gap = finite(gap).or(f.gap);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_reach_only_the_watch_of_their_flag() {
        let watched = AtomicBool::new(false);
        let other = AtomicBool::new(false);
        let guard = watch(&watched);
        started_run(&watched);
        report(&watched, 10.0, 8.0, 0.2);
        report(&other, 1.0, 1.0, 0.0);
        let f = guard.watch().figures();
        assert_eq!(f.runs, 1);
        assert_eq!(
            (f.objective, f.bound, f.gap),
            (Some(10.0), Some(8.0), Some(0.2))
        );
        // A new run forgets the last one's figures; infinite ones (no incumbent yet) are skipped.
        started_run(&watched);
        report(&watched, f64::INFINITY, 5.0, f64::INFINITY);
        let f = guard.watch().figures();
        assert_eq!((f.runs, f.objective, f.bound), (2, None, Some(5.0)));
        drop(guard);
        report(&watched, 3.0, 3.0, 0.0);
    }
}
