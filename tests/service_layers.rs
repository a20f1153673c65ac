//! The HTTP layers the service takes from tower-http and the metrics crates: gzip both ways,
//! compact or `?pretty` JSON, the body limit on decoded bytes, the error shape of the layers'
//! own refusals, process metrics, and the key-free metrics app.

mod common;

use std::io::{Read, Write};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use waveopt::service::{app, metrics_app, AppState, ServiceConfig};

fn config() -> ServiceConfig {
    ServiceConfig {
        pool_size: 2,
        queue_size: 2,
        ..ServiceConfig::default()
    }
}

/// The sample wave, planned by greedy (instant: these tests are about HTTP, not the solve).
fn sample_greedy() -> String {
    let text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    let mut wave: Value = serde_json::from_str(&text).unwrap();
    wave["options"] = serde_json::json!({"engine": "greedy"});
    wave.to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut text = Vec::new();
    GzDecoder::new(bytes).read_to_end(&mut text).unwrap();
    text
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
}

async fn send_to(router: axum::Router, request: Request<Body>) -> Answer {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: body.to_vec(),
    }
}

async fn send(state: &AppState, request: Request<Body>) -> Answer {
    send_to(app(state.clone()), request).await
}

fn post_json(path: &str) -> axum::http::request::Builder {
    Request::post(path).header(header::CONTENT_TYPE, "application/json")
}

#[tokio::test]
async fn a_client_that_accepts_gzip_gets_gzip() {
    let state = AppState::new(config());
    let plain = send(
        &state,
        post_json("/v1/plan").body(sample_greedy().into()).unwrap(),
    )
    .await;
    assert_eq!(plain.status, StatusCode::OK);
    assert!(!plain.headers.contains_key(header::CONTENT_ENCODING));
    let request = post_json("/v1/plan")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(sample_greedy().into())
        .unwrap();
    let zipped = send(&state, request).await;
    assert_eq!(zipped.status, StatusCode::OK);
    assert_eq!(zipped.headers[header::CONTENT_ENCODING], "gzip");
    assert!(zipped.body.len() < plain.body.len() / 3);
    let plan: Value = serde_json::from_slice(&gunzip(&zipped.body)).unwrap();
    assert_eq!(plan["orders"].as_array().unwrap().len(), 20);
    // Error bodies are compressed too, and stay SPEC.md §4's shape.
    let request = post_json("/v1/plan")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::from("{\"wave_id\": 1}"))
        .unwrap();
    let refused = send(&state, request).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = serde_json::from_slice(&gunzip(&refused.body)).unwrap();
    assert_eq!(body["error"]["code"], "invalid_wave");
}

#[tokio::test]
async fn a_gzipped_body_is_planned_like_a_plain_one() {
    let state = AppState::new(config());
    let plain = send(
        &state,
        post_json("/v1/plan").body(sample_greedy().into()).unwrap(),
    )
    .await;
    let request = post_json("/v1/plan")
        .header(header::CONTENT_ENCODING, "gzip")
        .body(gzip(sample_greedy().as_bytes()).into())
        .unwrap();
    let zipped = send(&state, request).await;
    assert_eq!(zipped.status, StatusCode::OK, "{}", zipped.json());
    let without_timings = |mut plan: Value| {
        plan["solver"]["time_ms"] = Value::Null;
        plan
    };
    assert_eq!(
        without_timings(zipped.json()),
        without_timings(plain.json())
    );
    // A broken gzip stream is 400, an unknown encoding 415, both in the API's error shape.
    let request = post_json("/v1/plan")
        .header(header::CONTENT_ENCODING, "gzip")
        .body(Body::from(sample_greedy()))
        .unwrap();
    let broken = send(&state, request).await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);
    assert_eq!(broken.json()["error"]["code"], "unreadable_body");
    let request = post_json("/v1/plan")
        .header(header::CONTENT_ENCODING, "br")
        .body(Body::from(sample_greedy()))
        .unwrap();
    let unknown = send(&state, request).await;
    assert_eq!(unknown.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(unknown.json()["error"]["code"], "unsupported_encoding");
}

#[tokio::test]
async fn the_body_limit_counts_decoded_bytes() {
    let state = AppState::new(ServiceConfig {
        max_body_bytes: 100_000,
        ..config()
    });
    // 2 MB of spaces gzip to a few kB: under the limit on the wire, far above it decoded.
    let bomb = gzip(format!("{}{}", " ".repeat(2_000_000), sample_greedy()).as_bytes());
    assert!(bomb.len() < 100_000);
    let request = post_json("/v1/plan")
        .header(header::CONTENT_ENCODING, "gzip")
        .body(bomb.into())
        .unwrap();
    let answer = send(&state, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        answer.json()["error"]["details"][0]["code"],
        "body_too_large"
    );
    // A declared length above the limit is refused by the layer, in the same shape.
    let request = post_json("/v1/plan")
        .header(header::CONTENT_LENGTH, "200000")
        .body(Body::from(" ".repeat(200_000)))
        .unwrap();
    let answer = send(&state, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        answer.json()["error"]["details"][0]["code"],
        "body_too_large"
    );
    assert!(answer.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn json_is_compact_unless_pretty_is_asked() {
    let state = AppState::new(config());
    let compact = send(
        &state,
        post_json("/v1/plan").body(sample_greedy().into()).unwrap(),
    )
    .await;
    let pretty = send(
        &state,
        post_json("/v1/plan?pretty")
            .body(sample_greedy().into())
            .unwrap(),
    )
    .await;
    let compact_text = String::from_utf8(compact.body).unwrap();
    let pretty_text = String::from_utf8(pretty.body).unwrap();
    assert_eq!(compact_text.lines().count(), 1);
    assert!(pretty_text.lines().count() > 100);
    let plan = waveopt::format::parse_plan(&pretty_text).unwrap();
    assert_eq!(pretty_text, waveopt::format::to_pretty_json(&plan));
    let report = send(
        &state,
        post_json("/v1/validate?pretty=true")
            .body(sample_greedy().into())
            .unwrap(),
    )
    .await;
    assert!(String::from_utf8(report.body).unwrap().lines().count() > 1);
    let bad = send(
        &state,
        post_json("/v1/validate?pretty=very")
            .body(sample_greedy().into())
            .unwrap(),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["error"]["code"], "bad_query");
}

#[tokio::test]
async fn metrics_carry_the_process_and_the_metrics_app_needs_no_key() {
    let state = AppState::new(ServiceConfig {
        api_keys: vec!["secret".to_string()],
        ..config()
    });
    let get = |path: &str| Request::get(path).body(Body::empty()).unwrap();
    assert_eq!(
        send(&state, get("/metrics")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let answer = send_to(metrics_app(state.clone()), get("/metrics")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = String::from_utf8(answer.body).unwrap();
    let resident = text
        .lines()
        .find_map(|l| l.strip_prefix("process_resident_memory_bytes "))
        .unwrap_or_else(|| panic!("no RSS in\n{text}"));
    assert!(resident.parse::<f64>().unwrap() > 1e6, "{resident}");
    assert!(text.contains("process_cpu_seconds_total "), "{text}");
    assert!(text.contains("# TYPE waveopt_http_requests_total counter"));
    // The metrics app serves nothing else.
    let answer = send_to(metrics_app(state.clone()), get("/v1/datasets")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}
