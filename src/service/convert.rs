//! Conversions the planner page needs, each checked as strictly as the planning routes:
//! - `POST /v1/convert/wave`: a wave in any accepted form (JSON, the CSV folder as a `.zip` or a
//!   multipart form) answered as wave JSON once it validates; every problem otherwise, by file,
//!   row and column for CSV;
//! - `POST /v1/convert/scenario`: a scenario file (docs/scenarios.md) from TOML to JSON, or
//!   from JSON to TOML, with path-addressed problems (`/variants/1/edits/0/factor`).

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::Response;
use axum::Extension;

use super::errors::ApiError;
use super::handlers::{read_limited, read_wave, run_job, run_prepared};
use super::middleware::RequestId;
use super::schema::plan::ErrorBody;
use super::schema::wave::Wave;
use super::state::AppState;
use super::upload;
use crate::error::Error;
use crate::format;
use crate::scenario::ScenarioFile;

const JSON: &str = "application/json";
const TOML: &str = "application/toml";

/// Read a wave from JSON or the CSV folder's files, validate it, answer its JSON.
#[utoipa::path(
    post,
    path = "/v1/convert/wave",
    tag = "planning",
    request_body(
        description = "A wave as JSON, or the CSV folder's files as `application/zip` or \
                       `multipart/form-data` (as `POST /v1/plan` takes them).",
        content((Wave = "application/json"), (String = "application/zip"),
            (String = "multipart/form-data"))),
    responses(
        (status = 200, description = "The wave, valid, as JSON", body = Wave),
        (status = 400, description = "Unparseable JSON or form", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody),
        (status = 413, description = "Body, archive or order count above the limits", body = ErrorBody),
        (status = 415, description = "Not JSON, a zip or a multipart form", body = ErrorBody),
        (status = 422, description = "Every problem: by file, row and column for CSV \
            (`/orders.csv/3/qty`), by JSON pointer for the wave", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn convert_wave(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if let Some(kind) = upload::kind(&headers) {
        let upload = upload::read(kind, &headers, body, &state).await?;
        return run_prepared(&state, &request_id, upload, |state, upload, _| {
            valid_json(upload::wave(state, upload)?)
        })
        .await;
    }
    run_job(&state, &request_id, &headers, body, |state, bytes, _| {
        valid_json(read_wave(state, bytes)?)
    })
    .await
}

fn valid_json(wave: format::Wave) -> super::handlers::JobOutput {
    let problems = crate::validation::validate(&wave);
    if !problems.is_empty() {
        return Err(ApiError::Wave(Error::Invalid(problems)));
    }
    Ok((JSON, format::to_pretty_json(&wave)))
}

/// A scenario file from TOML to JSON (`Content-Type: application/toml`), or back.
#[utoipa::path(
    post,
    path = "/v1/convert/scenario",
    tag = "planning",
    request_body(
        description = "A scenario file (docs/scenarios.md): TOML is answered as JSON, JSON as \
                       TOML. Its `base` stays a name; nothing is read from the server's disk.",
        content((String = "application/toml"), (Object = "application/json"))),
    responses(
        (status = 200, description = "The other form", content(
            (Object = "application/json"), (String = "application/toml"))),
        (status = 400, description = "Unparseable TOML or JSON (line and column)", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody),
        (status = 413, description = "Body above the limit", body = ErrorBody),
        (status = 415, description = "Neither TOML nor JSON", body = ErrorBody),
        (status = 422, description = "Every shape problem, by path", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn convert_scenario(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let from_toml = match content_type.as_str() {
        TOML | "text/x-toml" | "text/plain" => true,
        JSON => false,
        other => return Err(ApiError::UnsupportedMediaType(other.to_string())),
    };
    let bytes = read_limited(body, &state).await?;
    run_prepared(&state, &request_id, bytes, move |_, bytes, _| {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            ApiError::Wave(Error::Malformed {
                line: 1,
                column: e.valid_up_to() + 1,
                message: "invalid UTF-8".to_string(),
            })
        })?;
        if from_toml {
            let file = crate::scenario::parse(text)?;
            Ok((JSON, format::to_pretty_json(&file)))
        } else {
            let file: ScenarioFile = format::parse_json(text)?;
            let toml = toml::to_string_pretty(&file).map_err(|e| ApiError::BadRequest {
                code: "not_toml",
                message: format!("the scenario cannot be written as TOML: {e}"),
            })?;
            Ok((TOML, toml))
        }
    })
    .await
}
