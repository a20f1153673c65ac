//! The HTTP API through `app(state)` with `oneshot`: every status code the service answers,
//! the request id, the CSV form, metrics, and the pool's overload, panic and cancel paths.

mod common;

use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use waveopt::service::config::PANIC_WAVE_ID;
use waveopt::service::{app, AppState, ServiceConfig};

fn config() -> ServiceConfig {
    ServiceConfig {
        pool_size: 2,
        queue_size: 2,
        ..ServiceConfig::default()
    }
}

fn sample_json() -> Value {
    let text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The sample wave, planned by greedy (instant: these tests are about HTTP, not the solve).
fn sample_greedy() -> Value {
    let mut wave = sample_json();
    wave["options"] = serde_json::json!({"engine": "greedy"});
    wave
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

async fn send(state: &AppState, request: Request<Body>) -> Answer {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

fn post(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn assert_plan_checks(wave: &Value, plan_body: &[u8]) -> waveopt::Plan {
    let wave = common::wave_from_json(&wave.to_string());
    let plan = waveopt::format::parse_plan(std::str::from_utf8(plan_body).unwrap()).unwrap();
    let violations = waveopt::checker::check(&wave, &plan);
    assert!(violations.is_empty(), "{violations:#?}");
    plan
}

#[tokio::test]
async fn plan_200_json_passes_the_checker() {
    let state = AppState::new(config());
    let wave = sample_greedy();
    let answer = send(&state, post("/v1/plan", wave.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/json");
    assert!(answer.headers.contains_key("x-request-id"));
    let plan = assert_plan_checks(&wave, &answer.body);
    assert_eq!(plan.orders.len(), 20);
    assert_eq!(plan.solver.engine, "greedy");
}

#[tokio::test]
async fn plan_200_csv_lists_every_line() {
    let state = AppState::new(config());
    let wave = sample_greedy();
    let json = send(&state, post("/v1/plan", wave.to_string())).await;
    let plan = assert_plan_checks(&wave, &json.body);
    let answer = send(&state, post("/v1/plan?format=csv", wave.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = String::from_utf8(answer.body).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "order,order_status,node,method,line,sku,qty,ship_date,eta,on_time,days_late,unfilled_reason"
    );
    let expected_rows: usize = plan
        .orders
        .iter()
        .map(|o| o.unfilled.len() + o.shipments.iter().map(|s| s.lines.len()).sum::<usize>())
        .sum();
    assert_eq!(lines.count(), expected_rows);
    assert_eq!(text, waveopt::service::assignments_csv(&plan));
}

#[tokio::test]
async fn bad_format_query_is_400() {
    let state = AppState::new(config());
    let answer = send(
        &state,
        post("/v1/plan?format=xml", sample_greedy().to_string()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_code(), "bad_query");
}

#[tokio::test]
async fn request_id_is_echoed_or_generated() {
    let state = AppState::new(config());
    let request = Request::get("/healthz")
        .header("x-request-id", "oms-wave-42")
        .body(Body::empty())
        .unwrap();
    let answer = send(&state, request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["x-request-id"], "oms-wave-42");
    let request = Request::get("/healthz")
        .header("x-request-id", "not allowed {}")
        .body(Body::empty())
        .unwrap();
    let answer = send(&state, request).await;
    let generated = answer.headers["x-request-id"].to_str().unwrap();
    assert!(!generated.is_empty() && generated != "not allowed {}");
}

#[tokio::test]
async fn validate_200_and_422() {
    let state = AppState::new(config());
    let answer = send(&state, post("/v1/validate", sample_json().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    let report = answer.json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["orders"], 20);
    let bad = std::fs::read(common::dataset_path("invalid/many_problems.wave.json")).unwrap();
    let answer = send(&state, post("/v1/validate", bad)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_code(), "invalid_wave");
    assert!(answer.json()["error"]["details"].as_array().unwrap().len() > 1);
}

#[tokio::test]
async fn malformed_json_is_400_with_line_and_column() {
    let state = AppState::new(config());
    let answer = send(
        &state,
        post("/v1/plan", "{\n  \"wave_id\": \"x\",\n  \"as_of\" \"y\"\n}"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let body = answer.json();
    assert_eq!(body["error"]["code"], "malformed_json");
    let message = body["error"]["details"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("line 3, column"), "{message}");
    let answer = send(&state, post("/v1/plan", vec![b'{', 0xff, b'}'])).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn invalid_wave_is_422_with_every_problem() {
    let state = AppState::new(config());
    let bad = std::fs::read(common::dataset_path("invalid/many_problems.wave.json")).unwrap();
    let answer = send(&state, post("/v1/plan", bad)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = answer.json();
    let details = body["error"]["details"].as_array().unwrap();
    assert!(details.len() >= 9, "{body}");
    assert!(details
        .iter()
        .all(|d| d["path"].as_str().unwrap().starts_with('/')));
}

#[tokio::test]
async fn wrong_or_missing_content_type_is_415() {
    let state = AppState::new(config());
    for content_type in [Some("text/plain"), Some("application/xml"), None] {
        let mut request = Request::post("/v1/plan");
        if let Some(ct) = content_type {
            request = request.header(header::CONTENT_TYPE, ct);
        }
        let request = request
            .body(Body::from(sample_greedy().to_string()))
            .unwrap();
        let answer = send(&state, request).await;
        assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(answer.error_code(), "unsupported_media_type");
    }
    // JSON, and what `curl -d` sends, are both read as JSON.
    for content_type in [
        "application/json; charset=utf-8",
        "application/x-www-form-urlencoded",
    ] {
        let request = Request::post("/v1/plan")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(sample_greedy().to_string()))
            .unwrap();
        let answer = send(&state, request).await;
        assert_eq!(answer.status, StatusCode::OK, "{content_type}");
        assert_plan_checks(&sample_greedy(), &answer.body);
    }
}

#[tokio::test]
async fn body_too_large_is_413() {
    let state = AppState::new(ServiceConfig {
        max_body_bytes: 1000,
        ..config()
    });
    let answer = send(&state, post("/v1/plan", sample_greedy().to_string())).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error_code(), "too_large");
    assert_eq!(
        answer.json()["error"]["details"][0]["code"],
        "body_too_large"
    );
    // A declared Content-Length above the limit is refused before the body is read.
    let request = Request::post("/v1/plan")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, "5000")
        .body(Body::from("x".repeat(5000)))
        .unwrap();
    assert_eq!(
        send(&state, request).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn too_many_orders_is_413() {
    let state = AppState::new(ServiceConfig {
        max_orders: 5,
        ..config()
    });
    let answer = send(&state, post("/v1/plan", sample_greedy().to_string())).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let body = answer.json();
    assert_eq!(body["error"]["details"][0]["code"], "too_many_orders");
    assert_eq!(body["error"]["details"][0]["path"], "/orders");
}

#[tokio::test]
async fn json_structure_limits_are_413() {
    let state = AppState::new(ServiceConfig {
        max_json_depth: 8,
        max_string_bytes: 64,
        max_array_len: 10,
        ..config()
    });
    let deep = format!("{}{}", "[".repeat(50), "]".repeat(50));
    let long = format!("{{\"wave_id\": \"{}\"}}", "w".repeat(100));
    let cases = [
        (deep, "json_too_deep"),
        (long, "string_too_long"),
        (sample_greedy().to_string(), "array_too_long"),
    ];
    for (body, code) in cases {
        let answer = send(&state, post("/v1/plan", body)).await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{code}");
        assert_eq!(answer.json()["error"]["details"][0]["code"], code);
    }
}

#[tokio::test]
async fn api_keys_guard_everything_but_probes_and_the_spec() {
    let state = AppState::new(ServiceConfig {
        api_keys: vec!["k-one".to_string(), "k-two".to_string()],
        ..config()
    });
    let wave = sample_greedy().to_string();
    let answer = send(&state, post("/v1/plan", wave.clone())).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.headers[header::WWW_AUTHENTICATE], "Bearer");
    assert_eq!(answer.error_code(), "unauthorized");
    for (auth, expected) in [
        ("Bearer k-on", StatusCode::UNAUTHORIZED),
        ("Bearer k-one2", StatusCode::UNAUTHORIZED),
        ("Basic k-one", StatusCode::UNAUTHORIZED),
        ("Bearer k-two", StatusCode::OK),
        ("bearer k-one", StatusCode::OK),
    ] {
        let mut request = post("/v1/plan", wave.clone());
        request
            .headers_mut()
            .insert(header::AUTHORIZATION, auth.parse().unwrap());
        let answer = send(&state, request).await;
        assert_eq!(answer.status, expected, "{auth}");
        if expected == StatusCode::OK {
            assert_plan_checks(&sample_greedy(), &answer.body);
        }
    }
    assert_eq!(
        send(&state, get("/metrics")).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(&state, get("/healthz")).await.status, StatusCode::OK);
    assert_eq!(send(&state, get("/readyz")).await.status, StatusCode::OK);
    assert_eq!(
        send(&state, get("/openapi.json")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn full_pool_is_503_with_retry_after() {
    let state = AppState::new(ServiceConfig {
        pool_size: 1,
        queue_size: 0,
        retry_after_secs: 7,
        ..config()
    });
    let busy = state.pool().try_admit().expect("the one place is free");
    let answer = send(&state, post("/v1/plan", sample_greedy().to_string())).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.headers[header::RETRY_AFTER], "7");
    assert_eq!(answer.error_code(), "overloaded");
    assert_eq!(state.pool().stats().rejected, 1);
    drop(busy);
    let answer = send(&state, post("/v1/plan", sample_greedy().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_plan_checks(&sample_greedy(), &answer.body);
    let metrics = String::from_utf8(send(&state, get("/metrics")).await.body).unwrap();
    assert!(
        metrics.contains("waveopt_rejected_overload_total 1"),
        "{metrics}"
    );
    assert!(metrics.contains("waveopt_http_requests_total{route=\"/v1/plan\",status=\"503\"} 1"));
}

#[tokio::test]
async fn panic_in_a_solve_is_500_and_the_service_carries_on() {
    let state = AppState::new(ServiceConfig {
        fault_injection: true,
        ..config()
    });
    let mut wave = sample_greedy();
    wave["wave_id"] = Value::from(PANIC_WAVE_ID);
    let answer = send(&state, post("/v1/plan", wave.to_string())).await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    let body = answer.json();
    assert_eq!(body["error"]["code"], "internal_error");
    assert!(!answer.body.windows(5).any(|w| w == b"fault"), "{body}");
    assert_eq!(state.pool().stats().panicked, 1);
    let answer = send(&state, post("/v1/plan", sample_greedy().to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_plan_checks(&sample_greedy(), &answer.body);
    // Without the hook, the reserved id is an ordinary wave.
    let state = AppState::new(config());
    let mut wave = sample_greedy();
    wave["wave_id"] = Value::from(PANIC_WAVE_ID);
    let answer = send(&state, post("/v1/plan", wave.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_plan_checks(&wave, &answer.body);
}

#[tokio::test]
async fn probes_spec_and_unknown_routes() {
    let state = AppState::new(config());
    let answer = send(&state, get("/healthz")).await;
    assert_eq!(answer.json()["status"], "ok");
    let answer = send(&state, get("/readyz")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["status"], "ready");
    let answer = send(&state, get("/nope")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.error_code(), "not_found");
    let answer = send(&state, get("/v1/plan")).await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(answer.error_code(), "method_not_allowed");
}

#[tokio::test]
async fn metrics_count_requests_and_solves() {
    let state = AppState::new(config());
    let answer = send(&state, post("/v1/plan", sample_greedy().to_string())).await;
    assert_plan_checks(&sample_greedy(), &answer.body);
    send(&state, post("/v1/plan", "{")).await;
    let answer = send(&state, get("/metrics")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = String::from_utf8(answer.body).unwrap();
    for needle in [
        "waveopt_http_requests_total{route=\"/v1/plan\",status=\"200\"} 1",
        "waveopt_http_requests_total{route=\"/v1/plan\",status=\"400\"} 1",
        "waveopt_http_request_duration_seconds_bucket{route=\"/v1/plan\",status=\"200\",le=\"+Inf\"} 1",
        "waveopt_solve_duration_seconds_count 1",
        "waveopt_plan_gap_count 1",
        "waveopt_waves_in_flight 0",
        "waveopt_rejected_overload_total 0",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
}

#[tokio::test]
async fn time_limit_is_capped_and_threads_fixed() {
    let state = AppState::new(ServiceConfig {
        max_time_limit_ms: 1500,
        solver_threads: 1,
        ..config()
    });
    let mut wave = common::load_wave("sample/wave.json");
    wave.options.time_limit_ms = 999_999;
    wave.options.threads = Some(64);
    let options = waveopt::service::handlers::effective_options(&wave, &state);
    assert_eq!(options.time_limit_ms, 1500);
    assert_eq!(options.threads, Some(1));
    wave.options.time_limit_ms = 200;
    assert_eq!(
        waveopt::service::handlers::effective_options(&wave, &state).time_limit_ms,
        200
    );
}

#[tokio::test]
async fn dropping_the_waiting_future_cancels_the_job() {
    let state = AppState::new(config());
    let pool = state.pool().clone();
    let admission = pool.try_admit().unwrap();
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let job = pool.run(admission, move |cancel| {
        started_tx.send(()).unwrap();
        while !cancel.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(5));
        }
        "stopped"
    });
    // The handler's future is dropped (as when the client disconnects) while the job runs.
    let waited = tokio::time::timeout(Duration::from_millis(200), job).await;
    assert!(waited.is_err(), "the job only ends when cancelled");
    started_rx.recv_timeout(Duration::from_secs(5)).unwrap();
    for _ in 0..400 {
        let stats = pool.stats();
        if stats.cancelled == 1 && stats.running == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the job was not cancelled: {:?}", pool.stats());
}

#[tokio::test]
async fn a_panicking_job_is_reported_not_propagated() {
    let pool = waveopt::service::pool::SolvePool::new(1, 0);
    let admission = pool.try_admit().unwrap();
    let outcome: Result<(), _> = pool.run(admission, |_| panic!("boom")).await;
    assert_eq!(
        outcome,
        Err(waveopt::service::pool::JobFailure::Panicked(
            "boom".to_string()
        ))
    );
    assert!(pool.try_admit().is_some(), "the place was given back");
}

#[test]
fn configuration_from_flags_then_env_then_defaults() {
    use clap::Parser;
    use waveopt::cli::{Cli, Command};
    use waveopt::service::LogFormat;
    let serve = |flags: &[&str]| {
        let argv = ["waveopt", "serve"].iter().chain(flags);
        match Cli::try_parse_from(argv)
            .map_err(|e| e.to_string())?
            .command
        {
            Command::Serve(args) => Ok::<_, String>(args),
            other => panic!("not serve: {other:?}"),
        }
    };
    // Nothing set: the flags' defaults are ServiceConfig's.
    let plain = serve(&[]).unwrap().into_config(None).unwrap();
    assert_eq!(
        format!("{plain:?}"),
        format!("{:?}", ServiceConfig::default())
    );
    // This test alone sets WAVEOPT_* variables in this binary.
    std::env::set_var("WAVEOPT_PORT", "9000");
    std::env::set_var("WAVEOPT_POOL_SIZE", "3");
    std::env::set_var("WAVEOPT_LOG_FORMAT", "text");
    std::env::set_var("WAVEOPT_METRICS_PORT", "9090");
    let config = serve(&["--pool-size", "5"])
        .unwrap()
        .into_config(Some(" a, b ,,c "))
        .unwrap();
    assert_eq!(config.port, 9000);
    assert_eq!(config.pool_size, 5, "a flag beats its variable");
    assert_eq!(config.api_keys, ["a", "b", "c"]);
    assert_eq!(config.log_format, LogFormat::Text);
    assert_eq!(config.metrics_port, Some(9090));
    assert_eq!(config.bind.to_string(), "127.0.0.1");
    assert_eq!(config.solver_threads, 1);
    std::env::set_var("WAVEOPT_PORT", "http");
    let bad = serve(&[]).unwrap_err();
    assert!(bad.contains("http"), "{bad}");
    for name in [
        "WAVEOPT_PORT",
        "WAVEOPT_POOL_SIZE",
        "WAVEOPT_LOG_FORMAT",
        "WAVEOPT_METRICS_PORT",
    ] {
        std::env::remove_var(name);
    }
}
