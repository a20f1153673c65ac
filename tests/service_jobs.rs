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
async fn the_store_keeps_its_contract() {
    let store = std::sync::Arc::new(waveopt::service::jobs::memory::MemoryStore::default());
    jobs_support::the_store_keeps_its_contract(store).await;
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

/// The OpenAPI document has the three job operations, with examples: the sample wave as the
/// body, a queued answer, a running job and a done one whose plan is a real plan.
#[test]
fn the_openapi_document_describes_jobs_with_examples() {
    let doc: serde_json::Value =
        serde_json::from_str(&waveopt::service::openapi::document_json()).unwrap();
    let submit = &doc["paths"]["/v1/jobs"]["post"];
    assert_eq!(
        submit["responses"]["202"]["content"]["application/json"]["example"]["status"],
        "queued"
    );
    assert!(submit["responses"]["202"]["headers"]["location"].is_object());
    assert!(submit["requestBody"]["content"]["application/json"]["example"]["orders"].is_array());
    let examples = &doc["paths"]["/v1/jobs/{id}"]["get"]["responses"]["200"]["content"]
        ["application/json"]["examples"];
    assert_eq!(examples["running"]["value"]["progress"]["stage"], "solving");
    let done = &examples["done"]["value"];
    let plan = waveopt::format::parse_plan(&done["plan"].to_string()).unwrap();
    let sample = common::load_wave("sample/wave.json");
    assert!(waveopt::checker::check(&sample, &plan).is_empty());
    let cancel = &doc["paths"]["/v1/jobs/{id}"]["delete"]["responses"];
    assert!(cancel["202"].is_object() && cancel["404"].is_object());
    for schema in ["JobView", "JobProgress", "JobStatus", "JobAccepted"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}
