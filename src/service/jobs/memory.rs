//! The in-process job store (the default): one replica's jobs in a map, forgotten with the
//! process. Finished jobs are dropped once their TTL has passed, on the next access.

use std::collections::HashMap;
use std::sync::Mutex;

use async_trait::async_trait;
use axum::body::Bytes;

use super::model::{now_ms, JobProgress, JobRecord, JobStatus};
use super::store::{Cancelled, Created, Heartbeat, JobStore, NewJob, Outcome, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    jobs: HashMap<String, Entry>,
    /// Idempotency key → (job id, body fingerprint).
    keys: HashMap<String, (String, String)>,
}

struct Entry {
    record: JobRecord,
    wave: Option<Bytes>,
    owner: String,
    lease_until_ms: u64,
    idempotency_key: Option<String>,
    /// Unfinished jobs are dropped after this too (a safety net, as in Redis).
    max_life_until_ms: u64,
}

impl MemoryStore {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        inner.forget_expired(now_ms());
        inner
    }
}

impl Inner {
    fn forget_expired(&mut self, now: u64) {
        let expired: Vec<String> = self
            .jobs
            .iter()
            .filter(|(_, e)| {
                e.record.expires_ms.is_some_and(|t| t <= now) || e.max_life_until_ms <= now
            })
            .map(|(id, _)| id.clone())
            .collect();
        for id in expired {
            if let Some(entry) = self.jobs.remove(&id) {
                if let Some(key) = entry.idempotency_key {
                    self.keys.remove(&key);
                }
            }
        }
    }
}

#[async_trait]
impl JobStore for MemoryStore {
    async fn create(&self, new: NewJob) -> Result<Created, StoreError> {
        let mut inner = self.lock();
        if let Some(key) = &new.idempotency {
            if let Some((id, fingerprint)) = inner.keys.get(&key.key) {
                return Ok(Created::Existing {
                    id: id.clone(),
                    same_body: *fingerprint == key.fingerprint,
                });
            }
            inner
                .keys
                .insert(key.key.clone(), (new.id.clone(), key.fingerprint.clone()));
        }
        let now = now_ms();
        let record = JobRecord {
            id: new.id.clone(),
            status: JobStatus::Queued,
            created_ms: now,
            started_ms: None,
            finished_ms: None,
            expires_ms: None,
            progress: Some(new.progress),
            cancel_requested: false,
            attempts: 1,
            plan: None,
            error: None,
        };
        inner.jobs.insert(
            new.id,
            Entry {
                record,
                wave: Some(new.wave),
                owner: new.owner,
                lease_until_ms: now + new.lease_ms,
                idempotency_key: new.idempotency.map(|k| k.key),
                max_life_until_ms: now + new.max_life_ms,
            },
        );
        Ok(Created::New)
    }

    async fn find_key(&self, key: &str) -> Result<Option<(String, String)>, StoreError> {
        Ok(self.lock().keys.get(key).cloned())
    }

    async fn get(&self, id: &str) -> Result<Option<JobRecord>, StoreError> {
        Ok(self.lock().jobs.get(id).map(|e| e.record.clone()))
    }

    async fn wave(&self, id: &str) -> Result<Option<Bytes>, StoreError> {
        Ok(self.lock().jobs.get(id).and_then(|e| e.wave.clone()))
    }

    async fn start(
        &self,
        id: &str,
        owner: &str,
        progress: &JobProgress,
    ) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        let Some(entry) = inner.jobs.get_mut(id) else {
            return Ok(false);
        };
        if entry.owner != owner || entry.record.status != JobStatus::Queued {
            return Ok(false);
        }
        entry.record.status = JobStatus::Running;
        entry.record.started_ms = Some(now_ms());
        entry.record.progress = Some(progress.clone());
        Ok(true)
    }

    async fn heartbeat(
        &self,
        id: &str,
        owner: &str,
        lease_ms: u64,
        progress: &JobProgress,
    ) -> Result<Heartbeat, StoreError> {
        let mut inner = self.lock();
        let gone = Heartbeat {
            owned: false,
            cancel_requested: false,
        };
        let Some(entry) = inner.jobs.get_mut(id) else {
            return Ok(gone);
        };
        if entry.owner != owner || entry.record.status.is_final() {
            return Ok(gone);
        }
        entry.lease_until_ms = now_ms() + lease_ms;
        let mut progress = progress.clone();
        progress.cancel_requested = entry.record.cancel_requested;
        entry.record.progress = Some(progress);
        Ok(Heartbeat {
            owned: true,
            cancel_requested: entry.record.cancel_requested,
        })
    }

    async fn finish(&self, id: &str, outcome: Outcome) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        let Some(entry) = inner.jobs.get_mut(id) else {
            return Ok(false);
        };
        if entry.record.status.is_final() {
            return Ok(false);
        }
        let now = now_ms();
        let r = &mut entry.record;
        r.status = outcome.status;
        r.plan = outcome.plan;
        r.error = outcome.error;
        if outcome.progress.is_some() {
            r.progress = outcome.progress;
        }
        r.finished_ms = Some(now);
        r.expires_ms = Some(now + outcome.ttl_ms);
        entry.wave = None;
        Ok(true)
    }

    async fn cancel(&self, id: &str, ttl_ms: u64) -> Result<Cancelled, StoreError> {
        let mut inner = self.lock();
        let Some(entry) = inner.jobs.get_mut(id) else {
            return Ok(Cancelled::Missing);
        };
        let r = &mut entry.record;
        match r.status {
            JobStatus::Queued => {
                let now = now_ms();
                r.status = JobStatus::Cancelled;
                r.cancel_requested = true;
                r.finished_ms = Some(now);
                r.expires_ms = Some(now + ttl_ms);
                entry.wave = None;
            }
            JobStatus::Running => {
                r.cancel_requested = true;
                if let Some(p) = r.progress.as_mut() {
                    p.cancel_requested = true;
                }
            }
            _ => {}
        }
        Ok(Cancelled::Job(Box::new(r.clone())))
    }

    async fn orphans(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        let inner = self.lock();
        let now = now_ms();
        let mut orphans: Vec<(u64, String)> = inner
            .jobs
            .values()
            .filter(|e| !e.record.status.is_final() && e.lease_until_ms < now)
            .map(|e| (e.lease_until_ms, e.record.id.clone()))
            .collect();
        orphans.sort();
        Ok(orphans.into_iter().take(limit).map(|(_, id)| id).collect())
    }

    async fn take_over(&self, id: &str, owner: &str, lease_ms: u64) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        let now = now_ms();
        let Some(entry) = inner.jobs.get_mut(id) else {
            return Ok(false);
        };
        if entry.record.status.is_final() || entry.lease_until_ms >= now {
            return Ok(false);
        }
        entry.owner = owner.to_string();
        entry.lease_until_ms = now + lease_ms;
        entry.record.status = JobStatus::Queued;
        entry.record.attempts += 1;
        Ok(true)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        Ok(())
    }
}
