//! Cross-cutting request handling: the request id, the access log and request metrics
//! ([`observe`]), and API-key authentication ([`require_api_key`]).
//!
//! Logs carry method, route, status, latency and the request id; never headers or bodies.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;
use tracing::Instrument;

use super::errors::ApiError;
use super::state::AppState;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The id of one request: the client's `X-Request-Id` when it is sane, else a generated one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// The metrics label of a path: one of the service's routes, or `other`.
pub fn route_label(path: &str) -> &'static str {
    match path {
        "/v1/plan" => "/v1/plan",
        "/v1/validate" => "/v1/validate",
        "/v1/scenarios" => "/v1/scenarios",
        "/healthz" => "/healthz",
        "/readyz" => "/readyz",
        "/metrics" => "/metrics",
        "/openapi.json" => "/openapi.json",
        _ => "other",
    }
}

/// Accepts 1–128 characters of `[A-Za-z0-9._:-]`; anything else is replaced, so that the id
/// is safe to log and to echo.
fn accepted_request_id(value: Option<&HeaderValue>) -> Option<String> {
    let text = value?.to_str().ok()?;
    let ok = !text.is_empty()
        && text.len() <= 128
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'));
    ok.then(|| text.to_string())
}

/// A process-unique id: start time of the process and a counter.
fn generated_request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static BOOT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let boot = *BOOT.get_or_init(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as u64)
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{boot:x}-{n:06x}")
}

/// Request id in, request id out; one log line and one metrics sample per request.
pub async fn observe(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = accepted_request_id(request.headers().get(REQUEST_ID_HEADER))
        .unwrap_or_else(generated_request_id);
    request.extensions_mut().insert(RequestId(id.clone()));
    let method = request.method().clone();
    let route = route_label(request.uri().path());
    let span = tracing::info_span!("request", request_id = %id, method = %method, route);
    let mut response = next.run(request).instrument(span.clone()).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let status = response.status().as_u16();
    let seconds = started.elapsed().as_secs_f64();
    state.metrics().observe_request(route, status, seconds);
    span.in_scope(|| {
        tracing::info!(
            status,
            latency_ms = (seconds * 1000.0 * 1000.0).round() / 1000.0,
            "request finished"
        )
    });
    response
}

/// With API keys configured, only requests bearing one of them pass.
pub async fn require_api_key(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let keys = &state.config().api_keys;
    if keys.is_empty() || bearer_matches(request.headers().get(header::AUTHORIZATION), keys) {
        next.run(request).await
    } else {
        ApiError::Unauthorized.into_response()
    }
}

/// Compares the bearer token with every key in constant time (per key length): the time taken
/// does not depend on where a guess first differs, nor on which key matched.
pub fn bearer_matches(value: Option<&HeaderValue>, keys: &[String]) -> bool {
    let Some(text) = value.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let Some((scheme, token)) = text.split_once(' ') else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("bearer") {
        return false;
    }
    let token = token.trim().as_bytes();
    let mut matched = subtle::Choice::from(0u8);
    for key in keys {
        matched |= key.as_bytes().ct_eq(token);
    }
    matched.into()
}
