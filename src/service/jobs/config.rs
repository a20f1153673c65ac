//! `waveopt serve` flags for plan jobs, each with its `WAVEOPT_*` variable (clap's `env`).

use clap::Args;

/// Where jobs live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreKind {
    /// In this process: one replica.
    Memory,
    /// In Redis at this URL: any number of replicas.
    Redis(String),
}

/// The effective job settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobsConfig {
    pub store: StoreKind,
    /// How long a finished job is kept, then 404.
    pub ttl_ms: u64,
    /// How long a replica's claim on a job lasts without a heartbeat; another replica takes
    /// the job over after that. Heartbeats come every fifth of it (at most every second).
    pub lease_ms: u64,
}

impl Default for JobsConfig {
    fn default() -> Self {
        JobsConfig {
            store: StoreKind::Memory,
            ttl_ms: 3_600_000,
            lease_ms: 10_000,
        }
    }
}

impl JobsConfig {
    /// Heartbeat period: a fifth of the lease, between 50 ms and 1 s.
    pub fn heartbeat_ms(&self) -> u64 {
        (self.lease_ms / 5).clamp(50, 1_000)
    }
}

/// Plan-job flags of `waveopt serve`.
#[derive(Args, Debug, Default, Clone)]
pub struct JobArgs {
    /// Where plan jobs live: `memory` (this process) or `redis://host:port/db`, shared by
    /// every replica [default: memory].
    #[arg(long, env = "WAVEOPT_JOB_STORE")]
    pub job_store: Option<String>,
    /// Seconds a finished job is kept before `GET /v1/jobs/{id}` answers 404 [default: 3600].
    #[arg(long, env = "WAVEOPT_JOB_TTL_SECS")]
    pub job_ttl_secs: Option<u64>,
    /// A replica's lease on a job, ms: a job whose replica died is taken over after it
    /// [default: 10000].
    #[arg(long, env = "WAVEOPT_JOB_LEASE_MS")]
    pub job_lease_ms: Option<u64>,
}

impl JobArgs {
    pub fn resolve(&self) -> Result<JobsConfig, String> {
        let d = JobsConfig::default();
        let store = match self.job_store.as_deref().map(str::trim) {
            None | Some("") | Some("memory") => StoreKind::Memory,
            Some(url) if url.starts_with("redis://") || url.starts_with("rediss://") => {
                redis::Client::open(url)
                    .map_err(|e| format!("--job-store / WAVEOPT_JOB_STORE: {e}"))?;
                StoreKind::Redis(url.to_string())
            }
            Some(other) => {
                return Err(format!(
                    "--job-store / WAVEOPT_JOB_STORE: expected memory or redis://…, got {other:?}"
                ))
            }
        };
        Ok(JobsConfig {
            store,
            ttl_ms: self.job_ttl_secs.map_or(d.ttl_ms, |s| s.max(1) * 1000),
            lease_ms: self.job_lease_ms.map_or(d.lease_ms, |ms| ms.max(100)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redis_url_selects_the_redis_store_and_anything_else_is_refused() {
        let args = |store: &str| JobArgs {
            job_store: Some(store.to_string()),
            ..JobArgs::default()
        };
        assert_eq!(
            args("redis://127.0.0.1:6379/0").resolve().unwrap().store,
            StoreKind::Redis("redis://127.0.0.1:6379/0".to_string())
        );
        assert_eq!(args("memory").resolve().unwrap().store, StoreKind::Memory);
        assert!(args("postgres://x").resolve().is_err());
    }

    #[test]
    fn heartbeats_come_every_fifth_of_the_lease_within_bounds() {
        let with_lease = |lease_ms| JobsConfig {
            lease_ms,
            ..JobsConfig::default()
        };
        assert_eq!(with_lease(10_000).heartbeat_ms(), 1_000);
        assert_eq!(with_lease(1_000).heartbeat_ms(), 200);
        assert_eq!(with_lease(100).heartbeat_ms(), 50);
    }
}
