//! Plan jobs with the in-process store (the default): submit, poll, cancel, idempotency, the
//! shared pool, failures and the TTL. The same scenarios run on Redis in
//! `tests/service_jobs_redis.rs`.

mod common;
mod jobs_support;

use waveopt::service::jobs::JobsConfig;

fn memory() -> JobsConfig {
    JobsConfig {
        lease_ms: 1_000,
        ..JobsConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jobs_plan_equals_the_clis() {
    jobs_support::a_jobs_plan_equals_the_clis(memory()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeated_idempotency_key_returns_the_same_job() {
    jobs_support::a_repeated_idempotency_key_returns_the_same_job(memory()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_keeps_the_best_plan() {
    jobs_support::delete_keeps_the_best_plan(memory()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_share_the_pool_and_queued_jobs_cancel_at_once() {
    jobs_support::jobs_share_the_pool_and_queued_jobs_cancel_at_once(memory()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_unknown_ids_and_the_ttl() {
    jobs_support::failures_unknown_ids_and_the_ttl(memory()).await;
}
