//! The Redis job store (`--job-store redis://…`): every replica reads and writes the same jobs,
//! so any replica answers a poll, and a job whose replica died is taken over by another once
//! its lease runs out. Each step that must be atomic is one Lua script, timed by the Redis
//! server's clock (replicas' clocks never compare).
//!
//! Keys (standalone Redis or Sentinel; not Redis Cluster, whose keys must share a slot):
//! - `waveopt:job:{id}`: a hash, `status`, `owner`, `attempts`, `cancel`, `created`, `started`,
//!   `finished`, `expires` (server ms), `progress` and `error` (JSON), `idem` (its key);
//! - `waveopt:job:{id}:wave` (until final) and `waveopt:job:{id}:plan` (once final);
//! - `waveopt:idem:{key}`: a hash, `id` and `fp` (the body's fingerprint);
//! - `waveopt:leases`: a sorted set of unfinished job ids by lease end (server ms).
//!
//! Finished jobs expire with Redis's own `PEXPIRE`; unfinished ones after `max_life_ms`.

use std::collections::HashMap;
use std::sync::LazyLock;

use async_trait::async_trait;
use axum::body::Bytes;
use redis::aio::ConnectionManager;
use redis::{AsyncCommands, Script};

use super::model::{JobProgress, JobRecord, JobStatus};
use super::store::{Cancelled, Created, Heartbeat, JobStore, NewJob, Outcome, StoreError};

const LEASES: &str = "waveopt:leases";

fn job_key(id: &str) -> String {
    format!("waveopt:job:{id}")
}
fn wave_key(id: &str) -> String {
    format!("waveopt:job:{id}:wave")
}
fn plan_key(id: &str) -> String {
    format!("waveopt:job:{id}:plan")
}
fn idem_key(key: &str) -> String {
    format!("waveopt:idem:{key}")
}

/// The server's clock in ms, as every script's first line.
const NOW: &str =
    "local t = redis.call('TIME'); local now = t[1] * 1000 + math.floor(t[2] / 1000)\n";

/// KEYS: job, wave, idem (or ""), leases. ARGV: id, owner, lease_ms, max_life_ms, progress,
/// fingerprint, wave. Returns {} when created, {id, fp} when the key names a job already.
static CREATE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}
        if KEYS[3] ~= '' then
          local existing = redis.call('HGET', KEYS[3], 'id')
          if existing then return {{existing, redis.call('HGET', KEYS[3], 'fp')}} end
          redis.call('HSET', KEYS[3], 'id', ARGV[1], 'fp', ARGV[6])
          redis.call('PEXPIRE', KEYS[3], ARGV[4])
        end
        redis.call('HSET', KEYS[1], 'status', 'queued', 'created', now, 'progress', ARGV[5],
          'cancel', '0', 'attempts', '1', 'owner', ARGV[2], 'idem', KEYS[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('SET', KEYS[2], ARGV[7], 'PX', ARGV[4])
        redis.call('ZADD', KEYS[4], now + tonumber(ARGV[3]), ARGV[1])
        return {{}}"
    ))
});

/// KEYS: job. ARGV: owner, progress. 1 if the job went `queued` → `running`.
static START: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}
        if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return 0 end
        if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'status', 'running', 'started', now, 'progress', ARGV[2])
        return 1"
    ))
});

/// KEYS: job, leases. ARGV: owner, lease_ms, progress, id. {owned, cancel requested}.
static HEARTBEAT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}
        local status = redis.call('HGET', KEYS[1], 'status')
        if status ~= 'queued' and status ~= 'running' then return {{0, 0}} end
        if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return {{0, 0}} end
        redis.call('HSET', KEYS[1], 'progress', ARGV[3])
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[4])
        return {{1, tonumber(redis.call('HGET', KEYS[1], 'cancel'))}}"
    ))
});

/// Shared by FINISH and CANCEL: make the job at KEYS[1] final with `status`, kept for `ttl`.
const FINALISE: &str = "
local function finalise(job, wave, plan, leases, id, status, ttl, now)
  redis.call('HSET', job, 'status', status, 'finished', now, 'expires', now + ttl)
  redis.call('PEXPIRE', job, ttl)
  redis.call('DEL', wave)
  if redis.call('EXISTS', plan) == 1 then redis.call('PEXPIRE', plan, ttl) end
  redis.call('ZREM', leases, id)
  local idem = redis.call('HGET', job, 'idem')
  if idem and idem ~= '' then redis.call('PEXPIRE', idem, ttl) end
end
";

/// KEYS: job, wave, plan, leases. ARGV: id, status, ttl_ms, plan ("" for none), error,
/// progress. 1 if this call made the job final.
static FINISH: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}{FINALISE}
        local status = redis.call('HGET', KEYS[1], 'status')
        if status ~= 'queued' and status ~= 'running' then return 0 end
        if ARGV[4] ~= '' then redis.call('SET', KEYS[3], ARGV[4]) end
        if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[5]) end
        if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'progress', ARGV[6]) end
        finalise(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], ARGV[2], tonumber(ARGV[3]), now)
        return 1"
    ))
});

/// KEYS: job, wave, plan, leases. ARGV: id, ttl_ms. 0 if there is no such job.
static CANCEL: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}{FINALISE}
        local status = redis.call('HGET', KEYS[1], 'status')
        if not status then return 0 end
        if status == 'queued' then
          redis.call('HSET', KEYS[1], 'cancel', '1')
          finalise(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], 'cancelled', tonumber(ARGV[2]), now)
        elseif status == 'running' then
          redis.call('HSET', KEYS[1], 'cancel', '1')
        end
        return 1"
    ))
});

/// KEYS: leases. ARGV: limit. Ids whose lease ended before now.
static ORPHANS: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}
        return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. now, 'LIMIT', 0, tonumber(ARGV[1]))"
    ))
});

/// KEYS: job, leases. ARGV: owner, lease_ms, id. 1 if `owner` now holds the job.
static TAKE_OVER: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{NOW}
        local status = redis.call('HGET', KEYS[1], 'status')
        if status ~= 'queued' and status ~= 'running' then
          redis.call('ZREM', KEYS[2], ARGV[3])
          return 0
        end
        local lease = redis.call('ZSCORE', KEYS[2], ARGV[3])
        if lease and tonumber(lease) >= now then return 0 end
        redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'status', 'queued')
        redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[3])
        return 1"
    ))
});

pub struct RedisStore {
    client: redis::Client,
    connection: tokio::sync::OnceCell<ConnectionManager>,
}

impl RedisStore {
    /// Checks the URL; the connection opens on first use (and reconnects by itself).
    pub fn open(url: &str) -> Result<RedisStore, String> {
        let client = redis::Client::open(url).map_err(|e| format!("{url}: {e}"))?;
        Ok(RedisStore {
            client,
            connection: tokio::sync::OnceCell::new(),
        })
    }

    async fn connection(&self) -> Result<ConnectionManager, StoreError> {
        self.connection
            .get_or_try_init(|| self.client.get_connection_manager())
            .await
            .cloned()
            .map_err(unavailable)
    }
}

fn unavailable(e: redis::RedisError) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("job records serialise")
}

fn parse_json<T: serde::de::DeserializeOwned>(field: &str, text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{field}: {e}")))
}

#[async_trait]
impl JobStore for RedisStore {
    async fn create(&self, new: NewJob) -> Result<Created, StoreError> {
        let mut c = self.connection().await?;
        let (idem, fingerprint) = match &new.idempotency {
            Some(k) => (idem_key(&k.key), k.fingerprint.clone()),
            None => (String::new(), String::new()),
        };
        let found: Vec<String> = CREATE
            .key(job_key(&new.id))
            .key(wave_key(&new.id))
            .key(idem)
            .key(LEASES)
            .arg(&new.id)
            .arg(&new.owner)
            .arg(new.lease_ms)
            .arg(new.max_life_ms)
            .arg(to_json(&new.progress))
            .arg(&fingerprint)
            .arg(new.wave.as_ref())
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)?;
        Ok(match found.as_slice() {
            [id, fp] => Created::Existing {
                id: id.clone(),
                same_body: *fp == fingerprint,
            },
            _ => Created::New,
        })
    }

    async fn find_key(&self, key: &str) -> Result<Option<(String, String)>, StoreError> {
        let mut c = self.connection().await?;
        let (id, fp): (Option<String>, Option<String>) = redis::cmd("HMGET")
            .arg(idem_key(key))
            .arg("id")
            .arg("fp")
            .query_async(&mut c)
            .await
            .map_err(unavailable)?;
        Ok(id.zip(fp))
    }

    async fn get(&self, id: &str) -> Result<Option<JobRecord>, StoreError> {
        let mut c = self.connection().await?;
        let fields: HashMap<String, String> = c.hgetall(job_key(id)).await.map_err(unavailable)?;
        let Some(status) = fields.get("status") else {
            return Ok(None);
        };
        let status = JobStatus::parse(status)
            .ok_or_else(|| StoreError::Corrupt(format!("job {id}: status {status:?}")))?;
        let number = |name: &str| fields.get(name).and_then(|v| v.parse::<u64>().ok());
        let cancel_requested = fields.get("cancel").is_some_and(|v| v == "1");
        let mut progress: Option<JobProgress> = match fields.get("progress") {
            Some(text) => Some(parse_json("progress", text)?),
            None => None,
        };
        if let Some(p) = progress.as_mut() {
            p.cancel_requested |= cancel_requested;
        }
        let error = match fields.get("error") {
            Some(text) => Some(parse_json("error", text)?),
            None => None,
        };
        let plan: Option<String> = if status.is_final() {
            c.get(plan_key(id)).await.map_err(unavailable)?
        } else {
            None
        };
        Ok(Some(JobRecord {
            id: id.to_string(),
            status,
            created_ms: number("created").unwrap_or(0),
            started_ms: number("started"),
            finished_ms: number("finished"),
            expires_ms: number("expires"),
            progress,
            cancel_requested,
            attempts: number("attempts").unwrap_or(1) as u32,
            plan,
            error,
        }))
    }

    async fn wave(&self, id: &str) -> Result<Option<Bytes>, StoreError> {
        let mut c = self.connection().await?;
        let wave: Option<Vec<u8>> = c.get(wave_key(id)).await.map_err(unavailable)?;
        Ok(wave.map(Bytes::from))
    }

    async fn start(
        &self,
        id: &str,
        owner: &str,
        progress: &JobProgress,
    ) -> Result<bool, StoreError> {
        let mut c = self.connection().await?;
        let started: i64 = START
            .key(job_key(id))
            .arg(owner)
            .arg(to_json(progress))
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)?;
        Ok(started == 1)
    }

    async fn heartbeat(
        &self,
        id: &str,
        owner: &str,
        lease_ms: u64,
        progress: &JobProgress,
    ) -> Result<Heartbeat, StoreError> {
        let mut c = self.connection().await?;
        let (owned, cancel): (i64, i64) = HEARTBEAT
            .key(job_key(id))
            .key(LEASES)
            .arg(owner)
            .arg(lease_ms)
            .arg(to_json(progress))
            .arg(id)
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)?;
        Ok(Heartbeat {
            owned: owned == 1,
            cancel_requested: cancel == 1,
        })
    }

    async fn finish(&self, id: &str, outcome: Outcome) -> Result<bool, StoreError> {
        let mut c = self.connection().await?;
        let finished: i64 = FINISH
            .key(job_key(id))
            .key(wave_key(id))
            .key(plan_key(id))
            .key(LEASES)
            .arg(id)
            .arg(outcome.status.as_str())
            .arg(outcome.ttl_ms.max(1))
            .arg(outcome.plan.unwrap_or_default())
            .arg(outcome.error.as_ref().map(to_json).unwrap_or_default())
            .arg(outcome.progress.as_ref().map(to_json).unwrap_or_default())
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)?;
        Ok(finished == 1)
    }

    async fn cancel(&self, id: &str, ttl_ms: u64) -> Result<Cancelled, StoreError> {
        let mut c = self.connection().await?;
        let found: i64 = CANCEL
            .key(job_key(id))
            .key(wave_key(id))
            .key(plan_key(id))
            .key(LEASES)
            .arg(id)
            .arg(ttl_ms.max(1))
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)?;
        if found == 0 {
            return Ok(Cancelled::Missing);
        }
        Ok(match self.get(id).await? {
            Some(record) => Cancelled::Job(Box::new(record)),
            None => Cancelled::Missing,
        })
    }

    async fn orphans(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        let mut c = self.connection().await?;
        ORPHANS
            .key(LEASES)
            .arg(limit)
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)
    }

    async fn take_over(&self, id: &str, owner: &str, lease_ms: u64) -> Result<bool, StoreError> {
        let mut c = self.connection().await?;
        let taken: i64 = TAKE_OVER
            .key(job_key(id))
            .key(LEASES)
            .arg(owner)
            .arg(lease_ms)
            .arg(id)
            .invoke_async(&mut c)
            .await
            .map_err(unavailable)?;
        Ok(taken == 1)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        let mut c = self.connection().await?;
        redis::cmd("PING")
            .query_async::<String>(&mut c)
            .await
            .map(|_| ())
            .map_err(unavailable)
    }
}
