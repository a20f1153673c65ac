//! The plan-job scenarios, written once and run against every job store: the in-process one
//! (`tests/service_jobs.rs`, in `make test`) and Redis (`tests/service_jobs_redis.rs`, in
//! `make test-redis`). Each takes the store's settings and drives `app(state)` with `oneshot`.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use waveopt::service::config::PANIC_WAVE_ID;
use waveopt::service::jobs::{JobStore, JobsConfig};
use waveopt::service::{app, AppState, ServiceConfig};

use crate::common;

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
}

pub async fn send(state: &AppState, request: Request<Body>) -> Answer {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&body)));
    Answer {
        status,
        headers,
        json,
    }
}

pub fn submit_request(wave: &Value, key: Option<&str>) -> Request<Body> {
    let mut request = Request::post("/v1/jobs").header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.body(Body::from(wave.to_string())).unwrap()
}

pub async fn submit(state: &AppState, wave: &Value, key: Option<&str>) -> Answer {
    send(state, submit_request(wave, key)).await
}

pub async fn poll(state: &AppState, id: &str) -> Answer {
    send(
        state,
        Request::get(format!("/v1/jobs/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

pub async fn delete(state: &AppState, id: &str) -> Answer {
    send(
        state,
        Request::delete(format!("/v1/jobs/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// Polls until `done(job)` holds, or panics after `within`.
pub async fn wait_for(
    state: &AppState,
    id: &str,
    within: Duration,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = Instant::now() + within;
    loop {
        let answer = poll(state, id).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
        if done(&answer.json) {
            return answer.json;
        }
        assert!(
            Instant::now() < deadline,
            "job never got there: {}",
            answer.json
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub fn is_final(job: &Value) -> bool {
    matches!(
        job["status"].as_str(),
        Some("done" | "failed" | "cancelled")
    )
}

pub fn state_with(jobs: JobsConfig, pool_size: usize, queue_size: usize) -> AppState {
    AppState::new(ServiceConfig {
        pool_size,
        queue_size,
        fault_injection: true,
        jobs,
        ..ServiceConfig::default()
    })
}

pub fn sample_wave() -> Value {
    let text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The S preset with a long time limit: a wave that is still solving when it is cancelled.
pub fn long_wave(time_limit_ms: i64) -> Value {
    let mut wave = serde_json::to_value(common::load_wave("presets/s.wave.json")).unwrap();
    wave["options"]["time_limit_ms"] = time_limit_ms.into();
    wave
}

fn without_solver(mut plan: Value) -> Value {
    plan.as_object_mut().unwrap().remove("solver");
    plan
}

/// A job's plan is the library's (the CLI's) plan for the same wave, apart from `solver`
/// (timings); it passes the checker.
pub async fn a_jobs_plan_equals_the_clis(jobs: JobsConfig) {
    let state = state_with(jobs, 2, 2);
    let wave = sample_wave();
    let accepted = submit(&state, &wave, None).await;
    assert_eq!(accepted.status, StatusCode::ACCEPTED, "{}", accepted.json);
    assert_eq!(accepted.json["status"], "queued");
    let id = accepted.json["id"].as_str().unwrap().to_string();
    assert_eq!(
        accepted.headers[header::LOCATION].to_str().unwrap(),
        format!("/v1/jobs/{id}")
    );
    let job = wait_for(&state, &id, Duration::from_secs(60), is_final).await;
    assert_eq!(job["status"], "done", "{job}");
    assert_eq!(job["attempts"], 1);
    assert!(job["expires_at"].is_string());
    let library_wave = common::wave_from_json(&wave.to_string());
    let served = waveopt::format::parse_plan(&job["plan"].to_string()).unwrap();
    assert!(waveopt::checker::check(&library_wave, &served).is_empty());
    let local = waveopt::plan(&library_wave, &library_wave.options).unwrap();
    assert_eq!(
        without_solver(job["plan"].clone()),
        without_solver(serde_json::to_value(&local).unwrap())
    );
}

/// A repeated `Idempotency-Key` returns the job it created; with another body, 422.
pub async fn a_repeated_idempotency_key_returns_the_same_job(jobs: JobsConfig) {
    let state = state_with(jobs, 2, 2);
    let mut wave = sample_wave();
    wave["options"] = serde_json::json!({"engine": "greedy"});
    let key = "order-wave-2026-11-26-0800";
    let first = submit(&state, &wave, Some(key)).await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    let again = submit(&state, &wave, Some(key)).await;
    assert_eq!(again.status, StatusCode::ACCEPTED);
    assert_eq!(again.json["id"], first.json["id"]);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    let other = submit(&state, &wave, Some("another-key")).await;
    assert_ne!(other.json["id"], first.json["id"]);
    let without = submit(&state, &wave, None).await;
    assert_ne!(without.json["id"], first.json["id"]);
    wave["wave_id"] = "something-else".into();
    let reused = submit(&state, &wave, Some(key)).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.json["error"]["code"], "idempotency_key_reused");
    let bad = submit(&state, &wave, Some("")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let id = first.json["id"].as_str().unwrap();
    wait_for(&state, id, Duration::from_secs(30), is_final).await;
}

/// `DELETE` on a wave still solving: the job becomes `cancelled` with the best plan found,
/// complete and checked, long before the time limit.
pub async fn delete_keeps_the_best_plan(jobs: JobsConfig) {
    let state = state_with(jobs, 1, 2);
    let wave = long_wave(60_000);
    let started = Instant::now();
    let id = submit(&state, &wave, None).await.json["id"]
        .as_str()
        .unwrap()
        .to_string();
    let running = wait_for(&state, &id, Duration::from_secs(30), |job| {
        job["progress"]["highs_runs"].as_u64().unwrap_or(0) > 0
    })
    .await;
    assert_eq!(running["status"], "running", "{running}");
    assert_eq!(running["progress"]["stage"], "solving");
    let stopping = delete(&state, &id).await;
    assert_eq!(stopping.status, StatusCode::ACCEPTED, "{}", stopping.json);
    assert_eq!(stopping.json["progress"]["cancel_requested"], true);
    let job = wait_for(&state, &id, Duration::from_secs(30), is_final).await;
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(job["status"], "cancelled", "{job}");
    let library_wave = common::wave_from_json(&wave.to_string());
    let plan = waveopt::format::parse_plan(&job["plan"].to_string()).unwrap();
    assert_eq!(plan.orders.len(), library_wave.orders.len());
    let violations = waveopt::checker::check(&library_wave, &plan);
    assert!(violations.is_empty(), "{violations:#?}");
    // A second DELETE leaves the finished job as it is.
    let again = delete(&state, &id).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json["status"], "cancelled");
}

/// Jobs share `/v1/plan`'s pool: with one solver and no queue, a second job (or plan) gets
/// 503; a queued job cancelled before it runs has no plan.
pub async fn jobs_share_the_pool_and_queued_jobs_cancel_at_once(jobs: JobsConfig) {
    let state = state_with(jobs, 1, 1);
    let long = submit(&state, &long_wave(60_000), None).await;
    let long_id = long.json["id"].as_str().unwrap().to_string();
    wait_for(&state, &long_id, Duration::from_secs(30), |j| {
        j["status"] == "running"
    })
    .await;
    let queued = submit(&state, &sample_wave(), None).await;
    assert_eq!(queued.status, StatusCode::ACCEPTED);
    let queued_id = queued.json["id"].as_str().unwrap().to_string();
    let refused = submit(&state, &sample_wave(), None).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(refused.headers.contains_key(header::RETRY_AFTER));
    let plan = send(
        &state,
        Request::post("/v1/plan")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(sample_wave().to_string()))
            .unwrap(),
    )
    .await;
    assert_eq!(plan.status, StatusCode::SERVICE_UNAVAILABLE);
    let cancelled = delete(&state, &queued_id).await;
    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert!(cancelled.json.get("plan").is_none());
    // Its place in the queue is given back within a heartbeat, while the long job still runs.
    let deadline = Instant::now() + Duration::from_secs(5);
    let next = loop {
        let answer = submit(&state, &sample_wave(), None).await;
        if answer.status == StatusCode::ACCEPTED {
            break answer.json["id"].as_str().unwrap().to_string();
        }
        assert!(
            Instant::now() < deadline,
            "the cancelled job kept its place"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(poll(&state, &long_id).await.json["status"], "running");
    delete(&state, &next).await;
    delete(&state, &long_id).await;
    wait_for(&state, &long_id, Duration::from_secs(30), is_final).await;
    // The queued job never ran, and its place in the pool was given back.
    let job = poll(&state, &queued_id).await.json;
    assert_eq!(job["status"], "cancelled");
    assert!(job.get("started_at").is_none(), "{job}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while state.pool().stats().running + state.pool().stats().queued > 0 {
        assert!(Instant::now() < deadline, "{:?}", state.pool().stats());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Bad input is refused at submission; a solve that panics leaves a `failed` job with an
/// internal error; unknown ids are 404; finished jobs are forgotten after the TTL.
pub async fn failures_unknown_ids_and_the_ttl(jobs: JobsConfig) {
    let jobs = JobsConfig {
        ttl_ms: 1_000,
        ..jobs
    };
    let state = state_with(jobs, 2, 2);
    let mut invalid = sample_wave();
    invalid["orders"][0]["lines"][0]["qty"] = 0.into();
    let refused = submit(&state, &invalid, None).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut panics = sample_wave();
    panics["wave_id"] = PANIC_WAVE_ID.into();
    let id = submit(&state, &panics, None).await.json["id"]
        .as_str()
        .unwrap()
        .to_string();
    let job = wait_for(&state, &id, Duration::from_secs(30), is_final).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert_eq!(job["error"]["error"]["code"], "internal_error");
    assert!(job.get("plan").is_none());
    let missing = poll(&state, "0123456789abcdef").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json["error"]["code"], "job_not_found");
    assert_eq!(
        delete(&state, "0123456789abcdef").await.status,
        StatusCode::NOT_FOUND
    );
    tokio::time::sleep(Duration::from_millis(1_300)).await;
    assert_eq!(poll(&state, &id).await.status, StatusCode::NOT_FOUND);
}

/// The store's contract, straight on the trait: leases, heartbeats, one winner among replicas
/// racing to take over an orphan, the first finisher wins, cancel of a queued job.
pub async fn the_store_keeps_its_contract(store: std::sync::Arc<dyn JobStore>) {
    use waveopt::service::jobs::model::JobStatus;
    use waveopt::service::jobs::store::{Cancelled, Created, IdempotencyKey, NewJob, Outcome};
    let progress = serde_json::from_value(serde_json::json!({"stage": "queued", "elapsed_ms": 0,
        "time_limit_ms": 1000, "highs_runs": 0, "cancel_requested": false}))
    .unwrap();
    let new = |id: &str, key: Option<&str>| NewJob {
        id: id.to_string(),
        idempotency: key.map(|k| IdempotencyKey {
            key: k.to_string(),
            fingerprint: "fp".to_string(),
        }),
        wave: axum::body::Bytes::from_static(b"{}"),
        owner: "replica-a".to_string(),
        lease_ms: 1_000,
        max_life_ms: 60_000,
        progress: waveopt::service::jobs::model::JobProgress::clone(&progress),
    };
    assert_eq!(
        store.create(new("job-1", Some("k1"))).await.unwrap(),
        Created::New
    );
    assert_eq!(
        store.create(new("job-2", Some("k1"))).await.unwrap(),
        Created::Existing {
            id: "job-1".to_string(),
            same_body: true
        }
    );
    assert!(store.get("job-2").await.unwrap().is_none());
    assert_eq!(store.wave("job-1").await.unwrap().unwrap().as_ref(), b"{}");
    // Only the owner starts it; its heartbeats keep the lease.
    assert!(!store.start("job-1", "replica-b", &progress).await.unwrap());
    assert!(store.start("job-1", "replica-a", &progress).await.unwrap());
    assert_eq!(
        store.get("job-1").await.unwrap().unwrap().status,
        JobStatus::Running
    );
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let beat = store
            .heartbeat("job-1", "replica-a", 1_000, &progress)
            .await
            .unwrap();
        assert!(beat.owned && !beat.cancel_requested);
        assert!(store.orphans(10).await.unwrap().is_empty());
        assert!(!store.take_over("job-1", "replica-b", 1_000).await.unwrap());
    }
    // replica-a goes quiet: the job is an orphan once its lease ends, and of eight replicas
    // racing for it, exactly one wins.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    assert_eq!(store.orphans(10).await.unwrap(), vec!["job-1".to_string()]);
    let racers: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .take_over("job-1", &format!("racer-{i}"), 5_000)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut winners = 0;
    for racer in racers {
        winners += usize::from(racer.await.unwrap());
    }
    assert_eq!(winners, 1);
    let job = store.get("job-1").await.unwrap().unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Queued, 2));
    // The old owner learns it lost the job.
    assert!(
        !store
            .heartbeat("job-1", "replica-a", 300, &progress)
            .await
            .unwrap()
            .owned
    );
    // The first finisher wins; the job then expires after its TTL.
    let outcome = |status| Outcome {
        status,
        plan: Some("{\"x\":1}".to_string()),
        error: None,
        progress: None,
        ttl_ms: 400,
    };
    assert!(store
        .finish("job-1", outcome(JobStatus::Done))
        .await
        .unwrap());
    assert!(!store
        .finish("job-1", outcome(JobStatus::Cancelled))
        .await
        .unwrap());
    let job = store.get("job-1").await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Done);
    assert_eq!(job.plan.as_deref(), Some("{\"x\":1}"));
    assert!(store.wave("job-1").await.unwrap().is_none());
    // A queued job is cancelled at once, with no plan.
    store.create(new("job-3", None)).await.unwrap();
    match store.cancel("job-3", 400).await.unwrap() {
        Cancelled::Job(job) => assert_eq!((job.status, job.plan), (JobStatus::Cancelled, None)),
        Cancelled::Missing => panic!("job-3 exists"),
    }
    assert!(matches!(
        store.cancel("nope", 400).await.unwrap(),
        Cancelled::Missing
    ));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(store.get("job-1").await.unwrap().is_none());
    assert!(store.get("job-3").await.unwrap().is_none());
    assert!(store.find_key("k1").await.unwrap().is_none());
}
