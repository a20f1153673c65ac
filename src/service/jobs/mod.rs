//! Plan jobs (SPEC.md §5): for waves that take longer than a client or a load balancer holds a
//! connection. `POST /v1/jobs` queues a wave and answers `202` with its id; `GET /v1/jobs/{id}`
//! follows it (status, progress, then the plan); `DELETE /v1/jobs/{id}` stops it and keeps the
//! best plan found. See `docs/http.md`.
//!
//! - [`model`]: the job as stored and as shown.
//! - [`store`]: the [`JobStore`] trait; [`memory`] (one replica, the default) and
//!   [`redis_store`] (`--job-store redis://…`, any number of replicas).
//! - [`runner`]: solving a job in the pool `/v1/plan` uses, with heartbeats, and taking over
//!   the jobs of a replica that died.
//! - [`handlers`]: the three endpoints; [`examples`]: their OpenAPI examples.

pub mod config;
pub mod examples;
pub mod handlers;
pub mod memory;
pub mod model;
pub mod redis_store;
pub mod runner;
pub mod store;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub use config::{JobArgs, JobsConfig, StoreKind};
pub use store::JobStore;

/// This replica's view of the jobs: the store, the settings and its own worker id.
#[derive(Clone)]
pub struct Jobs {
    pub store: Arc<dyn JobStore>,
    pub config: JobsConfig,
    /// Names this replica in the store's leases: host name (if set), process id, a random tail.
    pub worker_id: String,
    /// Cancel flags of the jobs this replica is solving: a `DELETE` that reaches this replica
    /// stops its solve at once instead of at the next heartbeat.
    local: Arc<Mutex<HashMap<String, Arc<AtomicBool>>>>,
}

impl Jobs {
    /// The store the configuration names. A Redis store connects on first use.
    pub fn open(config: JobsConfig) -> Result<Jobs, String> {
        let store: Arc<dyn JobStore> = match &config.store {
            StoreKind::Memory => Arc::new(memory::MemoryStore::default()),
            StoreKind::Redis(url) => Arc::new(redis_store::RedisStore::open(url)?),
        };
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "waveopt".to_string());
        let tail = uuid::Uuid::new_v4().simple().to_string();
        Ok(Jobs {
            store,
            config,
            worker_id: format!("{host}:{}:{}", std::process::id(), &tail[..8]),
            local: Arc::default(),
        })
    }

    fn local(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<AtomicBool>>> {
        self.local.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers the cancel flag of a job this replica solves, until the guard drops.
    pub(crate) fn solving(&self, id: &str, cancel: Arc<AtomicBool>) -> LocalJob {
        self.local().insert(id.to_string(), cancel);
        LocalJob {
            jobs: self.clone(),
            id: id.to_string(),
        }
    }

    /// Stops the solve of job `id` if this replica runs it.
    pub(crate) fn stop_local(&self, id: &str) {
        if let Some(cancel) = self.local().get(id) {
            cancel.store(true, Ordering::Relaxed);
        }
    }

    /// How long an unfinished job may live in the store: a safety net for the day every
    /// replica is gone. A day, or ten times the longest time limit if that is more.
    pub fn max_life_ms(&self, max_time_limit_ms: i64) -> u64 {
        (86_400_000u64).max(max_time_limit_ms.max(0) as u64 * 10) + self.config.ttl_ms
    }
}

/// With a shared store, waits until this replica's jobs are finished and written, so that
/// they need not be solved again by another replica after their lease (on SIGTERM; bounded by
/// the orchestrator's grace period). With the in-process store they would be lost with the
/// process anyway, so it does not wait.
pub async fn finish_local_jobs(jobs: &Jobs) {
    if jobs.config.store == StoreKind::Memory {
        return;
    }
    let mut logged = false;
    loop {
        let left = jobs.local().len();
        if left == 0 {
            return;
        }
        if !logged {
            tracing::info!(
                jobs = left,
                "finishing this replica's plan jobs before exiting"
            );
            logged = true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A job this replica is solving; unregistered when dropped.
pub(crate) struct LocalJob {
    jobs: Jobs,
    id: String,
}

impl Drop for LocalJob {
    fn drop(&mut self) {
        self.jobs.local().remove(&self.id);
    }
}

/// Starts the sweeper that takes over orphaned jobs (needs a tokio runtime).
pub fn start_sweeper(state: &crate::service::AppState) {
    tokio::spawn(runner::sweep(state.clone()));
}
