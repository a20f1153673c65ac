//! How many threads HiGHS runs with, and keeping its per-thread scheduler in step.

use crate::format::Options;

/// Threads HiGHS may use for these options: `options.threads`, else every core.
pub fn threads_for(options: &Options) -> u32 {
    match options.threads {
        Some(t) if t >= 1 => t.min(1024) as u32,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get() as u32),
    }
}

thread_local! {
    /// The thread count HiGHS's scheduler was last started with on this thread (0: never).
    static SCHEDULER_THREADS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Makes this thread's HiGHS scheduler run `threads` workers. HiGHS keeps one scheduler per OS
/// thread and refuses to solve (`Option 'threads' is set to 1 but the scheduler has already been
/// initialized to use 2 threads`) when a later solve on the same thread asks for another count:
/// a library caller planning waves with different `options.threads` on one thread, or the test
/// suite. (The service fixes `options.threads` per server.) Call before every solve.
pub fn use_threads(threads: u32) {
    let threads = threads.max(1);
    SCHEDULER_THREADS.with(|last| {
        if last.get() != 0 && last.get() != threads {
            // SAFETY: no HiGHS solve is running on this thread (solves are synchronous).
            unsafe { highs_sys::Highs_resetGlobalScheduler(1) };
        }
        last.set(threads);
    });
}
