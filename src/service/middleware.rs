//! Cross-cutting request handling, assembled by [`layered`] from `tower-http` layers: gzip both
//! ways, the body size and idle-time limits, the request id, the access log; plus the two small
//! steps no layer does: request metrics ([`record_request`]) and API-key authentication
//! ([`require_api_key`]).
//!
//! Logs carry method, route, status, latency and the request id; never headers or bodies.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use subtle::ConstantTimeEq;
use tower_http::compression::CompressionLayer;
use tower_http::decompression::RequestDecompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

use super::errors::ApiError;
use super::state::AppState;
use crate::error::Problem;

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

/// `router` with every layer the API shares. A request passes, outermost first: response gzip,
/// the body's idle timeout, the request id, the access log, metrics, the error shape, gzip
/// decoding and the body limit (on the decoded bytes, so a small gzip bomb is refused like a
/// large body).
pub fn layered(router: Router, state: &AppState) -> Router {
    let config = state.config();
    let id_header = HeaderName::from_static(REQUEST_ID_HEADER);
    router
        .layer(RequestBodyLimitLayer::new(config.max_body_bytes))
        .layer(RequestDecompressionLayer::new())
        .layer(axum::middleware::map_response_with_state(
            config.max_body_bytes,
            api_error_shape,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            record_request,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(log_response)
                .on_failure(()),
        )
        .layer(tower::util::MapRequestLayer::new(expose_request_id))
        .layer(PropagateRequestIdLayer::new(id_header.clone()))
        .layer(SetRequestIdLayer::new(id_header, GeneratedRequestId))
        .layer(tower::util::MapRequestLayer::new(drop_unsafe_request_id))
        .layer(RequestBodyTimeoutLayer::new(Duration::from_millis(
            config.body_timeout_ms,
        )))
        .layer(CompressionLayer::new())
}

/// Accepts 1–128 characters of `[A-Za-z0-9._:-]`, so that the id is safe to log and to echo.
fn acceptable_request_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 128
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// A client id that is not acceptable is dropped, so that `SetRequestIdLayer` generates one.
fn drop_unsafe_request_id(mut request: Request) -> Request {
    if let Some(value) = request.headers().get(REQUEST_ID_HEADER) {
        if !acceptable_request_id(value) {
            request.headers_mut().remove(REQUEST_ID_HEADER);
        }
    }
    request
}

/// Process-unique ids: the process's start time and a counter.
#[derive(Clone, Copy)]
struct GeneratedRequestId;

impl MakeRequestId for GeneratedRequestId {
    fn make_request_id<B>(
        &mut self,
        _: &axum::http::Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        static BOOT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        let boot = *BOOT.get_or_init(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_micros() as u64)
        });
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{boot:x}-{n:06x}"))
            .ok()
            .map(tower_http::request_id::RequestId::new)
    }
}

/// Hands the id `SetRequestIdLayer` settled on to the handlers as a [`RequestId`].
fn expose_request_id(mut request: Request) -> Request {
    let id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    request.extensions_mut().insert(RequestId(id));
    request
}

fn request_span(request: &Request) -> tracing::Span {
    let id = request
        .extensions()
        .get::<RequestId>()
        .map_or("", |id| id.0.as_str());
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        route = route_label(request.uri().path())
    )
}

fn log_response(response: &Response, latency: Duration, _span: &tracing::Span) {
    tracing::info!(
        status = response.status().as_u16(),
        latency_ms = (latency.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0,
        "request finished"
    );
}

/// One metrics sample per request: its route, status and latency.
pub async fn record_request(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let route = route_label(request.uri().path());
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    state
        .metrics()
        .observe_request(route, response.status().as_u16(), seconds);
    response
}

/// The body limit and gzip decoding answer 413 and 415 themselves, in plain text, before any
/// handler runs; this gives those answers the API's error body (SPEC.md §4).
async fn api_error_shape(State(max_body_bytes): State<usize>, response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        return response;
    }
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => body_too_large(max_body_bytes).into_response(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedEncoding.into_response(),
        _ => response,
    }
}

/// The 413 for a body above `max` bytes (declared, received, or decoded from gzip).
pub fn body_too_large(max: usize) -> ApiError {
    ApiError::TooLarge(Problem::new(
        "",
        "body_too_large",
        format!("the body is larger than {max} bytes"),
    ))
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
