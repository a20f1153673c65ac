//! The bounded solve pool. CPU work (parsing, validation, solving) never runs on the async
//! workers: it runs on tokio's blocking threads, at most `pool_size` at once, with at most
//! `queue_size` more waiting. Beyond that, [`SolvePool::try_admit`] refuses (the handler answers
//! 503 with `Retry-After`).
//!
//! Each job gets a cancel flag. The future that awaits the job holds a guard that sets the flag
//! when it is dropped, which is what happens to a handler's future when the client disconnects;
//! the solver then stops at its next check and the thread is freed. A panic inside a job is
//! caught and reported as [`JobFailure::Panicked`]; the pool and the process carry on.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Admission and concurrency limits, shared by every request.
#[derive(Clone)]
pub struct SolvePool {
    inner: Arc<Inner>,
}

struct Inner {
    pool_size: usize,
    capacity: usize,
    /// `pool_size + queue_size` permits: waves admitted (queued or running).
    admitted: Arc<Semaphore>,
    /// `pool_size` permits: waves running.
    running: Arc<Semaphore>,
    rejected: AtomicU64,
    cancelled: AtomicU64,
    panicked: AtomicU64,
}

/// A place in the pool (queued or running), held until the job ends.
pub struct Admission {
    _permit: OwnedSemaphorePermit,
}

/// Why a job gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobFailure {
    /// The job panicked; the message is for the log only, never for the client.
    Panicked(String),
}

/// Counts for `/metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    pub pool_size: usize,
    pub running: usize,
    pub queued: usize,
    pub rejected: u64,
    pub cancelled: u64,
    pub panicked: u64,
}

impl SolvePool {
    pub fn new(pool_size: usize, queue_size: usize) -> Self {
        let pool_size = pool_size.max(1);
        let capacity = pool_size + queue_size;
        SolvePool {
            inner: Arc::new(Inner {
                pool_size,
                capacity,
                admitted: Arc::new(Semaphore::new(capacity)),
                running: Arc::new(Semaphore::new(pool_size)),
                rejected: AtomicU64::new(0),
                cancelled: AtomicU64::new(0),
                panicked: AtomicU64::new(0),
            }),
        }
    }

    /// A place in the pool, or `None` (counted as rejected) when every place is taken.
    pub fn try_admit(&self) -> Option<Admission> {
        match self.inner.admitted.clone().try_acquire_owned() {
            Ok(permit) => Some(Admission { _permit: permit }),
            Err(_) => {
                self.inner.rejected.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    /// Runs `job` on a blocking thread once a solver slot is free. Dropping the returned future
    /// sets the job's cancel flag (if it started) or keeps it from starting (if it waited).
    pub async fn run<T, F>(&self, admission: Admission, job: F) -> Result<T, JobFailure>
    where
        T: Send + 'static,
        F: FnOnce(&AtomicBool) -> T + Send + 'static,
    {
        self.run_with_cancel(admission, Arc::new(AtomicBool::new(false)), job)
            .await
    }

    /// [`Self::run`] with the caller's cancel flag, which the caller may set itself: a plan
    /// job's `DELETE` stops its solve and still gets the job's result.
    pub async fn run_with_cancel<T, F>(
        &self,
        admission: Admission,
        cancel: Arc<AtomicBool>,
        job: F,
    ) -> Result<T, JobFailure>
    where
        T: Send + 'static,
        F: FnOnce(&AtomicBool) -> T + Send + 'static,
    {
        let guard = CancelOnDrop(cancel.clone());
        let running = self
            .inner
            .running
            .clone()
            .acquire_owned()
            .await
            .expect("the pool's semaphore is never closed");
        let inner = self.inner.clone();
        let handle = tokio::task::spawn_blocking(move || {
            let _slots = (admission, running);
            let outcome = catch_unwind(AssertUnwindSafe(|| job(&cancel)));
            if cancel.load(Ordering::Relaxed) {
                inner.cancelled.fetch_add(1, Ordering::Relaxed);
            }
            outcome.map_err(|payload| {
                inner.panicked.fetch_add(1, Ordering::Relaxed);
                JobFailure::Panicked(panic_message(payload.as_ref()))
            })
        });
        let result = match handle.await {
            Ok(outcome) => outcome,
            Err(join_error) => Err(JobFailure::Panicked(join_error.to_string())),
        };
        // The job is over: disarm nothing, the flag no longer matters.
        drop(guard);
        result
    }

    /// A place in the pool if one is free, without counting a refusal: a replica looking for
    /// orphaned plan jobs to take over is not a client being turned away.
    pub fn try_admit_spare(&self) -> Option<Admission> {
        let permit = self.inner.admitted.clone().try_acquire_owned().ok()?;
        Some(Admission { _permit: permit })
    }

    pub fn stats(&self) -> PoolStats {
        let inner = &self.inner;
        let running = inner.pool_size - inner.running.available_permits();
        let admitted = inner.capacity - inner.admitted.available_permits();
        PoolStats {
            pool_size: inner.pool_size,
            running,
            queued: admitted.saturating_sub(running),
            rejected: inner.rejected.load(Ordering::Relaxed),
            cancelled: inner.cancelled.load(Ordering::Relaxed),
            panicked: inner.panicked.load(Ordering::Relaxed),
        }
    }
}

/// Sets the flag when dropped: the handler's future went away (client gone, or job finished).
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// The text of a panic payload (`panic!` with a literal or a formatted message).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}
