//! The endpoints. `POST` bodies are read as bytes (content type and size checked first), then
//! parsed, validated and solved inside the solve pool, never on an async worker.

use std::sync::atomic::AtomicBool;

use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;
use utoipa::ToSchema;

use super::config::PANIC_WAVE_ID;
use super::errors::ApiError;
use super::middleware::RequestId;
use super::pool::JobFailure;
use super::schema::plan::{ErrorBody, Plan};
use super::schema::wave::Wave;
use super::schema::{Status, ValidationReport};
use super::state::AppState;
use super::{limits, readiness, upload};
use crate::error::{Error, Problem};
use crate::format;

/// The representation `POST /v1/plan` answers with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// The plan as JSON (default).
    #[default]
    Json,
    /// The assignments as CSV: one row per shipped or unfilled line.
    Csv,
}

#[derive(Debug, Deserialize)]
pub struct PlanQuery {
    #[serde(default)]
    format: OutputFormat,
    #[serde(flatten)]
    layout: Layout,
}

/// `?pretty` (or `?pretty=true`) asks for indented JSON; the default is compact JSON, a
/// third the size of indented JSON on a large plan.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Layout {
    #[serde(default)]
    pretty: Option<String>,
}

impl Layout {
    /// The JSON text of `value` in the asked layout, or 400 for a `pretty` that is no boolean.
    pub fn json<T: serde::Serialize>(&self, value: &T) -> Result<String, ApiError> {
        match self.pretty.as_deref() {
            None | Some("false") | Some("0") => Ok(format::to_compact_json(value)),
            Some("") | Some("true") | Some("1") => Ok(format::to_pretty_json(value)),
            Some(other) => Err(ApiError::BadRequest {
                code: "bad_query",
                message: format!("pretty must be true or false, got {other:?}"),
            }),
        }
    }
}

/// The `pretty` query parameter of a JSON route; a malformed query is 400.
pub fn layout(query: Result<Query<Layout>, QueryRejection>) -> Result<Layout, ApiError> {
    query
        .map(|Query(layout)| layout)
        .map_err(|e| ApiError::BadRequest {
            code: "bad_query",
            message: e.to_string(),
        })
}

const JSON: &str = "application/json";

/// Solve a wave.
#[utoipa::path(
    post,
    path = "/v1/plan",
    tag = "planning",
    params(("format" = Option<OutputFormat>, Query, description = "`json` (default) or `csv`"),
        ("pretty" = Option<bool>, Query, description = "Indented JSON; compact when absent")),
    request_body(
        description = "A wave (SPEC.md §2) as JSON; or the CSV folder's files (docs/datasets.md) \
                       as one `application/zip`, or as `multipart/form-data` with one part per \
                       file (named by its file name; a `.zip` part is unpacked). \
                       `options.time_limit_ms` is capped by the server; `options.threads` is \
                       replaced by the server's fixed setting.",
        content((Wave = "application/json"), (String = "application/zip"),
            (String = "multipart/form-data"))),
    responses(
        (status = 200, description = "The plan", content(
            (Plan = "application/json"),
            (String = "text/csv"))),
        (status = 400, description = "Unparseable JSON (line and column) or a bad query", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody),
        (status = 408, description = "The body stalled longer than the server allows", body = ErrorBody),
        (status = 413, description = "Body, JSON structure or order count above the limits", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json, or Content-Encoding is not gzip", body = ErrorBody),
        (status = 422, description = "The wave breaks the contract: every problem", body = ErrorBody),
        (status = 500, description = "A fault on the server; quote X-Request-Id", body = ErrorBody),
        (status = 503, description = "Every solver busy and the queue full", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
    ),
    security((), ("bearer" = []))
)]
pub async fn plan(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    query: Result<Query<PlanQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let (output, layout) = match query {
        Ok(Query(q)) => (q.format, q.layout),
        Err(e) => {
            return Err(ApiError::BadRequest {
                code: "bad_query",
                message: format!("{e}: format must be json or csv"),
            })
        }
    };
    let id = request_id.0.clone();
    if let Some(kind) = upload::kind(&headers) {
        let upload_layout = layout.clone();
        let upload = upload::read(kind, &headers, body, &state).await?;
        return run_prepared(&state, &request_id, upload, move |state, upload, cancel| {
            let wave = upload::wave(state, upload)?;
            plan_wave(state, wave, (output, &upload_layout), cancel, &id)
        })
        .await;
    }
    run_job(
        &state,
        &request_id,
        &headers,
        body,
        move |state, bytes, cancel| plan_job(state, bytes, output, &layout, cancel, &id),
    )
    .await
}

/// Validate a wave without solving it.
#[utoipa::path(
    post,
    path = "/v1/validate",
    tag = "planning",
    params(("pretty" = Option<bool>, Query, description = "Indented JSON; compact when absent")),
    request_body(content = Wave, content_type = "application/json"),
    responses(
        (status = 200, description = "The wave is valid", body = ValidationReport),
        (status = 400, description = "Unparseable JSON (line and column)", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody),
        (status = 408, description = "The body stalled longer than the server allows", body = ErrorBody),
        (status = 413, description = "Body, JSON structure or order count above the limits", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json, or Content-Encoding is not gzip", body = ErrorBody),
        (status = 422, description = "The wave breaks the contract: every problem", body = ErrorBody),
        (status = 500, description = "A fault on the server; quote X-Request-Id", body = ErrorBody),
        (status = 503, description = "Every solver busy and the queue full", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
    ),
    security((), ("bearer" = []))
)]
pub async fn validate(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    query: Result<Query<Layout>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let layout = layout(query)?;
    run_job(
        &state,
        &request_id,
        &headers,
        body,
        move |state, bytes, _cancel| {
            let wave = read_wave(state, bytes)?;
            let problems = crate::validation::validate(&wave);
            if !problems.is_empty() {
                return Err(ApiError::Wave(Error::Invalid(problems)));
            }
            let report = ValidationReport {
                valid: true,
                wave_id: wave.wave_id.clone(),
                orders: wave.orders.len(),
                nodes: wave.nodes.len(),
                inventory: wave.inventory.len(),
            };
            Ok((JSON, layout.json(&report)?))
        },
    )
    .await
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive", body = Status)))]
pub async fn healthz() -> Response {
    status_json("ok")
}

/// Readiness: a tiny built-in wave solves (result cached for a few seconds).
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready", body = Status),
        (status = 503, description = "The built-in wave did not solve", body = ErrorBody)))]
pub async fn readyz(State(state): State<AppState>) -> Result<Response, ApiError> {
    if readiness::check(&state).await {
        Ok(status_json("ready"))
    } else {
        Err(ApiError::NotReady)
    }
}

/// Prometheus metrics (text exposition format 0.0.4).
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses(
        (status = 200, description = "Metrics", body = String, content_type = "text/plain"),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody)),
    security((), ("bearer" = [])))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    let text = state.metrics().render(state.pool().stats());
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

/// This API's OpenAPI 3.1 document.
#[utoipa::path(get, path = "/openapi.json", tag = "operations",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub async fn openapi(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(JSON))],
        state.openapi_json().to_string(),
    )
        .into_response()
}

pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

fn status_json(status: &str) -> Response {
    let body = serde_json::json!({ "status": status }).to_string();
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static(JSON))],
        body,
    )
        .into_response()
}

pub(super) fn admit(state: &AppState) -> Result<super::pool::Admission, ApiError> {
    state.pool().try_admit().ok_or(ApiError::Overloaded {
        retry_after_secs: state.config().retry_after_secs,
    })
}

pub(super) type JobOutput = Result<(&'static str, String), ApiError>;

/// What every solving route shares: read the body, take a pool slot (or answer 503), run `job`
/// on the pool with the body and the cancel flag, and answer with its content type and text.
pub(super) async fn run_job(
    state: &AppState,
    request_id: &RequestId,
    headers: &HeaderMap,
    body: Body,
    job: impl FnOnce(&AppState, &Bytes, &AtomicBool) -> JobOutput + Send + 'static,
) -> Result<Response, ApiError> {
    let bytes = read_body(headers, body, state).await?;
    run_prepared(state, request_id, bytes, job).await
}

/// [`run_job`] once the body is read (and, for an upload, taken apart): a pool slot (or 503),
/// `job` on the pool with `input` and the cancel flag, and its answer.
pub(super) async fn run_prepared<T: Send + 'static>(
    state: &AppState,
    request_id: &RequestId,
    input: T,
    job: impl FnOnce(&AppState, &T, &AtomicBool) -> JobOutput + Send + 'static,
) -> Result<Response, ApiError> {
    let admission = admit(state)?;
    let job_state = state.clone();
    let outcome = state
        .pool()
        .run(admission, move |cancel| job(&job_state, &input, cancel))
        .await;
    let (content_type, text) = finish(outcome, request_id)?;
    Ok(([(header::CONTENT_TYPE, content_type)], text).into_response())
}

/// Maps a finished job onto the response parts, logging faults with the request id.
pub(super) fn finish(
    outcome: Result<JobOutput, JobFailure>,
    request_id: &RequestId,
) -> Result<(&'static str, String), ApiError> {
    match outcome {
        Ok(Ok(parts)) => Ok(parts),
        Ok(Err(e)) => {
            if e.status().is_server_error() {
                tracing::error!(request_id = %request_id.0, error = ?e, "request failed");
            }
            Err(e)
        }
        Err(JobFailure::Panicked(message)) => {
            tracing::error!(request_id = %request_id.0, panic = %message, "solve panicked");
            Err(ApiError::Internal)
        }
    }
}

/// The body, once its content type passes. The layers in `middleware` have already decoded
/// gzip and bound its size and its silences; their errors are told apart here.
pub(super) async fn read_body(
    headers: &HeaderMap,
    body: Body,
    state: &AppState,
) -> Result<Bytes, ApiError> {
    check_content_type(headers)?;
    read_limited(body, state).await
}

/// The body, whatever its content type. The layers in `middleware` have already decoded gzip
/// and bound its size and its silences; their errors are told apart here.
pub(super) async fn read_limited(body: Body, state: &AppState) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|e| body_error(e.into_inner(), state))
}

/// The body limit's error is 413, the idle timeout's 408, anything else (a broken gzip stream,
/// a dropped connection) 400.
fn body_error(error: tower::BoxError, state: &AppState) -> ApiError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error.as_ref());
    while let Some(e) = cause {
        if e.is::<http_body_util::LengthLimitError>() {
            return super::middleware::body_too_large(state.config().max_body_bytes);
        }
        if e.is::<tower_http::timeout::TimeoutError>() {
            return ApiError::BodyTimeout {
                after_ms: state.config().body_timeout_ms,
            };
        }
        cause = e.source();
    }
    ApiError::BadRequest {
        code: "unreadable_body",
        message: format!("the body could not be read: {error}"),
    }
}

/// `application/json` or any `application/*+json`, with or without parameters.
fn check_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let raw = headers.get(header::CONTENT_TYPE);
    let text = raw.and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = text
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    // `curl -d @wave.json` (the form SPEC.md's examples use) labels its body
    // application/x-www-form-urlencoded; the body is read as JSON all the same. Everything else
    // that is not JSON is refused.
    let json = essence == JSON
        || essence == "application/x-www-form-urlencoded"
        || (essence.starts_with("application/") && essence.ends_with("+json"));
    if json {
        Ok(())
    } else if raw.is_none() {
        Err(ApiError::UnsupportedMediaType("(none)".to_string()))
    } else {
        Err(ApiError::UnsupportedMediaType(text.to_string()))
    }
}

/// Structural limits, UTF-8, the wire types, then the order count.
pub(super) fn read_wave(state: &AppState, bytes: &[u8]) -> Result<format::Wave, ApiError> {
    limits::scan(bytes, &state.json_limits()).map_err(ApiError::TooLarge)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        ApiError::Wave(Error::Malformed {
            line,
            column,
            message: "invalid UTF-8".to_string(),
        })
    })?;
    let wave = format::parse_wave(text)?;
    check_order_count(state, wave)
}

/// The wave, unless it has more orders than this server accepts (413).
pub(super) fn check_order_count(
    state: &AppState,
    wave: format::Wave,
) -> Result<format::Wave, ApiError> {
    let max = state.config().max_orders;
    if wave.orders.len() > max {
        return Err(ApiError::TooLarge(Problem::new(
            "/orders",
            "too_many_orders",
            format!(
                "{} orders; this server accepts at most {max}",
                wave.orders.len()
            ),
        )));
    }
    Ok(wave)
}

fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - line_start + 1)
}

/// The effective options: the wave's, with the time limit capped and the thread count fixed.
pub fn effective_options(wave: &format::Wave, state: &AppState) -> format::Options {
    let config = state.config();
    let mut options = wave.options.clone();
    options.time_limit_ms = options.time_limit_ms.min(config.max_time_limit_ms);
    options.threads = Some(config.solver_threads);
    options
}

fn plan_job(
    state: &AppState,
    bytes: &[u8],
    output: OutputFormat,
    layout: &Layout,
    cancel: &AtomicBool,
    request_id: &str,
) -> JobOutput {
    let wave = read_wave(state, bytes)?;
    plan_wave(state, wave, (output, layout), cancel, request_id)
}

/// Plans a wave read from any accepted body, in the requested representation.
fn plan_wave(
    state: &AppState,
    wave: format::Wave,
    (output, layout): (OutputFormat, &Layout),
    cancel: &AtomicBool,
    request_id: &str,
) -> JobOutput {
    if state.config().fault_injection && wave.wave_id == PANIC_WAVE_ID {
        panic!("fault injection: wave {PANIC_WAVE_ID} panics on purpose");
    }
    let options = effective_options(&wave, state);
    let plan = crate::plan_cancellable(&wave, &options, cancel)?;
    state
        .metrics()
        .observe_solve(plan.solver.time_ms as f64 / 1000.0, plan.gap);
    tracing::info!(
        request_id,
        wave_id = %plan.wave_id,
        orders = plan.orders.len(),
        engine = %plan.solver.engine,
        status = ?plan.status,
        solve_ms = plan.solver.time_ms,
        gap = plan.gap,
        "wave planned"
    );
    Ok(match output {
        OutputFormat::Json => (JSON, layout.json(&plan)?),
        OutputFormat::Csv => ("text/csv; charset=utf-8", format::assignments_csv(&plan)),
    })
}
