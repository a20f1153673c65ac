//! `POST /v1/jobs`, `GET /v1/jobs/{id}` and `DELETE /v1/jobs/{id}` (SPEC.md §5).

use std::hash::{Hash, Hasher};

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::model::{JobAccepted, JobStatus, JobView};
use super::runner;
use super::store::{Cancelled, Created, IdempotencyKey, NewJob, StoreError};
use crate::service::errors::ApiError;
use crate::service::handlers::{admit, effective_options, read_body, read_wave};
use crate::service::schema::plan::ErrorBody as ErrorSchema;
use crate::service::schema::wave::Wave as WaveSchema;
use crate::service::state::AppState;
use crate::service::upload;

/// The header that makes `POST /v1/jobs` safe to retry.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Longest accepted `Idempotency-Key`.
const MAX_KEY_LEN: usize = 255;

/// Submit a wave as a plan job.
///
/// Takes the same body as `POST /v1/plan`. The wave is validated at once (400, 413 or 422 as
/// for `/v1/plan`), then queued for the solve pool `/v1/plan` uses: 503 when it is full.
#[utoipa::path(
    post,
    path = "/v1/jobs",
    tag = "jobs",
    params(("Idempotency-Key" = Option<String>, Header,
        description = "Up to 255 visible ASCII characters. A repeated key returns the job it \
                       created (same id), for as long as that job is kept; with another body, 422.")),
    request_body(
        description = "A wave as JSON, or the CSV folder's files as one `application/zip` or as \
                       `multipart/form-data`, exactly as `POST /v1/plan` takes them.",
        content((WaveSchema = "application/json"), (String = "application/zip"),
            (String = "multipart/form-data"))),
    responses(
        (status = 202, description = "Queued (or, for a repeated key, the existing job)", body = JobAccepted,
            headers(("location" = String, description = "/v1/jobs/{id}"))),
        (status = 400, description = "Unparseable JSON or a bad Idempotency-Key", body = ErrorSchema),
        (status = 401, description = "API keys are configured and none was given", body = ErrorSchema),
        (status = 413, description = "Body, JSON structure or order count above the limits", body = ErrorSchema),
        (status = 415, description = "Content-Type is not application/json", body = ErrorSchema),
        (status = 422, description = "The wave breaks the contract, or the key was used with another body", body = ErrorSchema),
        (status = 503, description = "Every solver busy and the queue full, or the job store unreachable", body = ErrorSchema,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
    ),
    security((), ("bearer" = []))
)]
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    let bytes = match upload::kind(&headers) {
        // The CSV folder as a .zip or a form: unpacked and read here, and stored as the wave's
        // JSON, which is what every replica reads back.
        Some(kind) => {
            let files = upload::read(kind, &headers, body, &state).await?;
            let wave = upload::wave(&state, &files)?;
            Bytes::from(serde_json::to_vec(&wave).map_err(|e| ApiError::BadRequest {
                code: "unreadable_body",
                message: format!("the uploaded wave could not be encoded: {e}"),
            })?)
        }
        None => read_body(&headers, body, &state).await?,
    };
    let jobs = state.jobs().clone();
    let idempotency = key.map(|key| IdempotencyKey {
        key,
        fingerprint: fingerprint(&bytes),
    });
    if let Some(k) = &idempotency {
        if let Some((id, fingerprint)) = jobs.store.find_key(&k.key).await.map_err(store_down)? {
            return replay(&state, &id, fingerprint == k.fingerprint).await;
        }
    }
    let admission = admit(&state)?;
    let (wave, time_limit_ms) = validate(&state, bytes.clone()).await?;
    let id = uuid::Uuid::new_v4().simple().to_string();
    let created = jobs
        .store
        .create(NewJob {
            id: id.clone(),
            idempotency,
            wave: bytes,
            owner: jobs.worker_id.clone(),
            lease_ms: jobs.config.lease_ms,
            max_life_ms: jobs.max_life_ms(state.config().max_time_limit_ms),
            progress: runner::queued_progress(time_limit_ms),
        })
        .await
        .map_err(store_down)?;
    match created {
        Created::Existing { id, same_body } => replay(&state, &id, same_body).await,
        Created::New => {
            runner::spawn(state.clone(), id.clone(), wave, admission);
            Ok(accepted(&id, JobStatus::Queued, false))
        }
    }
}

/// A job's status, progress and, when done or cancelled, its plan.
#[utoipa::path(
    get,
    path = "/v1/jobs/{id}",
    tag = "jobs",
    params(("id" = String, Path, description = "The id `POST /v1/jobs` returned")),
    responses(
        (status = 200, description = "The job", body = JobView),
        (status = 401, description = "API keys are configured and none was given", body = ErrorSchema),
        (status = 404, description = "No such job, or it finished longer ago than the job TTL", body = ErrorSchema),
        (status = 503, description = "The job store is unreachable", body = ErrorSchema),
    ),
    security((), ("bearer" = []))
)]
pub async fn status(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let record = state
        .jobs()
        .store
        .get(&id)
        .await
        .map_err(store_down)?
        .ok_or_else(|| job_not_found(&id))?;
    Ok(view(StatusCode::OK, JobView::of(record)))
}

/// Cancel a job, keeping the best plan found so far.
///
/// A queued job is cancelled at once (no plan). A running one answers 202: its solver stops at
/// its next check, and the job becomes `cancelled` with the best plan found, complete and
/// checked. A finished job is left as it is.
#[utoipa::path(
    delete,
    path = "/v1/jobs/{id}",
    tag = "jobs",
    params(("id" = String, Path, description = "The id `POST /v1/jobs` returned")),
    responses(
        (status = 200, description = "The job was queued (now `cancelled`) or already finished", body = JobView),
        (status = 202, description = "The solver is stopping; poll for `cancelled` and the plan", body = JobView),
        (status = 401, description = "API keys are configured and none was given", body = ErrorSchema),
        (status = 404, description = "No such job, or it expired", body = ErrorSchema),
        (status = 503, description = "The job store is unreachable", body = ErrorSchema),
    ),
    security((), ("bearer" = []))
)]
pub async fn cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let jobs = state.jobs();
    match jobs
        .store
        .cancel(&id, jobs.config.ttl_ms)
        .await
        .map_err(store_down)?
    {
        Cancelled::Missing => Err(job_not_found(&id)),
        Cancelled::Job(record) => {
            if record.status == JobStatus::Running {
                jobs.stop_local(&id);
            }
            let code = if record.status.is_final() {
                StatusCode::OK
            } else {
                StatusCode::ACCEPTED
            };
            Ok(view(code, JobView::of(*record)))
        }
    }
}

/// Parses and validates the wave off the async workers; its effective time limit.
async fn validate(state: &AppState, bytes: Bytes) -> Result<(crate::Wave, i64), ApiError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let wave = read_wave(&state, &bytes)?;
        let problems = crate::validation::validate(&wave);
        if !problems.is_empty() {
            return Err(ApiError::Wave(crate::Error::Invalid(problems)));
        }
        let limit = effective_options(&wave, &state).time_limit_ms;
        Ok((wave, limit))
    })
    .await
    .map_err(|_| ApiError::Internal)?
}

/// The answer for a repeated key: the job it created, or 422 if the body differs.
async fn replay(state: &AppState, id: &str, same_body: bool) -> Result<Response, ApiError> {
    if !same_body {
        return Err(ApiError::Job {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "idempotency_key_reused",
            message: format!(
                "this Idempotency-Key created job {id} with another body; use a new key for a new wave"
            ),
        });
    }
    let record = state
        .jobs()
        .store
        .get(id)
        .await
        .map_err(store_down)?
        .ok_or_else(|| job_not_found(id))?;
    Ok(accepted(id, record.status, true))
}

fn accepted(id: &str, status: JobStatus, replayed: bool) -> Response {
    let body = serde_json::to_string(&JobAccepted {
        id: id.to_string(),
        status,
    })
    .expect("job bodies serialise");
    let mut response = (
        StatusCode::ACCEPTED,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(&format!("/v1/jobs/{id}")) {
        headers.insert(header::LOCATION, location);
    }
    if replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

fn view(code: StatusCode, view: JobView) -> Response {
    let body = serde_json::to_string(&view).expect("job views serialise");
    (
        code,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let bad = || ApiError::BadRequest {
        code: "bad_idempotency_key",
        message: format!(
            "Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters (a UUID will do)"
        ),
    };
    let text = value.to_str().map_err(|_| bad())?.trim();
    let visible = text.bytes().all(|b| b.is_ascii_graphic());
    if text.is_empty() || text.len() > MAX_KEY_LEN || !visible {
        return Err(bad());
    }
    Ok(Some(text.to_string()))
}

/// The body's fingerprint: its length and a SipHash of it (the same in every replica running
/// this build).
fn fingerprint(bytes: &[u8]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{}-{:016x}", bytes.len(), hasher.finish())
}

fn job_not_found(id: &str) -> ApiError {
    ApiError::Job {
        status: StatusCode::NOT_FOUND,
        code: "job_not_found",
        message: format!("no job {id:?}: never submitted, or finished longer ago than the job TTL"),
    }
}

fn store_down(e: StoreError) -> ApiError {
    tracing::error!(error = %e, "job store failed");
    ApiError::Job {
        status: StatusCode::SERVICE_UNAVAILABLE,
        code: "job_store_unavailable",
        message: "the job store is unreachable; retry shortly".to_string(),
    }
}
