//! The [`JobStore`] trait: where jobs, their waves, progress and plans live, and the atomic
//! steps that let several replicas share them.
//!
//! Every unfinished job has an owner (a replica's worker id) and a lease. The owner renews the
//! lease with each [`JobStore::heartbeat`]. A job whose lease has run out belongs to nobody:
//! any replica may [`JobStore::take_over`] it, atomically, and solve it again from its wave.

use async_trait::async_trait;
use axum::body::Bytes;

use super::model::{JobProgress, JobRecord, JobStatus};
use crate::error::ErrorBody;

/// A job to create, queued under its submitter.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub id: String,
    pub idempotency: Option<IdempotencyKey>,
    /// The request body, kept so that another replica can solve it after a takeover.
    pub wave: Bytes,
    pub owner: String,
    pub lease_ms: u64,
    /// How long an unfinished job may live at most (a safety net if every replica dies).
    pub max_life_ms: u64,
    pub progress: JobProgress,
}

/// An `Idempotency-Key` and a fingerprint of the body it came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    pub key: String,
    pub fingerprint: String,
}

/// What [`JobStore::create`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Created {
    New,
    /// The key was seen before: the job it created, and whether the body was the same.
    Existing {
        id: String,
        same_body: bool,
    },
}

/// What the owner learns from a heartbeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heartbeat {
    /// It still owns the job (false: its lease ran out and another replica took it over, or
    /// the job is gone).
    pub owned: bool,
    pub cancel_requested: bool,
}

/// How a job ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: JobStatus,
    pub plan: Option<String>,
    pub error: Option<ErrorBody>,
    pub progress: Option<JobProgress>,
    /// How long the finished job is kept.
    pub ttl_ms: u64,
}

/// What [`JobStore::cancel`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Cancelled {
    /// No such job (never was, or expired).
    Missing,
    /// The job after the request: `cancelled` at once if it was queued; still `running` with
    /// `cancel_requested` if a solver holds it; unchanged if it was already final.
    Job(Box<JobRecord>),
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("job store unreachable: {0}")]
    Unavailable(String),
    #[error("job store holds a malformed record: {0}")]
    Corrupt(String),
}

/// The jobs of one deployment. [`super::memory::MemoryStore`] serves one replica;
/// [`super::redis_store::RedisStore`] any number.
#[async_trait]
pub trait JobStore: Send + Sync {
    /// Creates the job, queued and owned by `new.owner`, unless its idempotency key names a
    /// job already (then nothing is created).
    async fn create(&self, new: NewJob) -> Result<Created, StoreError>;

    /// The job an idempotency key created, and its body's fingerprint, while the job is kept.
    async fn find_key(&self, key: &str) -> Result<Option<(String, String)>, StoreError>;

    /// The job, or `None` once it never existed or expired.
    async fn get(&self, id: &str) -> Result<Option<JobRecord>, StoreError>;

    /// The job's wave, while it is unfinished.
    async fn wave(&self, id: &str) -> Result<Option<Bytes>, StoreError>;

    /// `queued` → `running`, if `owner` still owns it. False: not owned, cancelled or gone.
    async fn start(
        &self,
        id: &str,
        owner: &str,
        progress: &JobProgress,
    ) -> Result<bool, StoreError>;

    /// Renews `owner`'s lease and records the progress.
    async fn heartbeat(
        &self,
        id: &str,
        owner: &str,
        lease_ms: u64,
        progress: &JobProgress,
    ) -> Result<Heartbeat, StoreError>;

    /// Makes the job final, unless it already is. True if this call finished it.
    async fn finish(&self, id: &str, outcome: Outcome) -> Result<bool, StoreError>;

    /// Cancels a queued job at once, or asks the solver of a running one to stop.
    async fn cancel(&self, id: &str, ttl_ms: u64) -> Result<Cancelled, StoreError>;

    /// Unfinished jobs whose lease has run out, oldest lease first, at most `limit`.
    async fn orphans(&self, limit: usize) -> Result<Vec<String>, StoreError>;

    /// Claims an orphan for `owner` (back to `queued`, one more attempt), atomically: of
    /// several replicas trying, one wins. False if its lease is live again or it is final.
    async fn take_over(&self, id: &str, owner: &str, lease_ms: u64) -> Result<bool, StoreError>;

    /// The store answers (for `/readyz`).
    async fn ping(&self) -> Result<(), StoreError>;
}
