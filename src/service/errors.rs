//! Every error the service answers, mapped onto an HTTP status and SPEC.md §4's body
//! `{"error": {code, message, details}}`. Internal faults carry no internals: the client gets
//! the request id to quote, the log gets the rest.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::{Error, ErrorBody, ErrorInfo, Problem};

#[derive(Debug)]
pub enum ApiError {
    /// A library error: 400 (malformed), 422 (invalid), 413 (too large), 500 (anything else).
    Wave(Error),
    /// A body or structural limit: 413, with the problem found.
    TooLarge(Problem),
    UnsupportedMediaType(String),
    /// A `Content-Encoding` other than gzip: 415.
    UnsupportedEncoding,
    Unauthorized,
    /// The pool and its queue are full: 503 with `Retry-After`.
    Overloaded {
        retry_after_secs: u64,
    },
    /// A fault on our side; already logged with the request id.
    Internal,
    /// The body stalled longer than the idle timeout allows: 408.
    BodyTimeout {
        after_ms: u64,
    },
    BadRequest {
        code: &'static str,
        message: String,
    },
    NotFound,
    MethodNotAllowed,
    NotReady,
    /// A plan job's answer: unknown job (404), a reused idempotency key (422), the job store
    /// unreachable (503).
    Job {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError::Wave(e)
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Wave(Error::Malformed { .. }) => StatusCode::BAD_REQUEST,
            ApiError::Wave(Error::Invalid(_)) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Wave(Error::TooLarge(_)) | ApiError::TooLarge(_) => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            ApiError::Wave(_) | ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::UnsupportedMediaType(_) | ApiError::UnsupportedEncoding => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Overloaded { .. } | ApiError::NotReady => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::BodyTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Job { status, .. } => *status,
        }
    }

    pub fn body(&self) -> ErrorBody {
        let info = |code: &str, message: String, details: Vec<Problem>| ErrorBody {
            error: ErrorInfo {
                code: code.to_string(),
                message,
                details,
            },
        };
        match self {
            ApiError::Wave(Error::Io { .. })
            | ApiError::Wave(Error::Solver(_))
            | ApiError::Internal => info(
                "internal_error",
                "internal error; quote the X-Request-Id response header when reporting it"
                    .to_string(),
                Vec::new(),
            ),
            ApiError::Wave(e) => e.to_body(),
            ApiError::TooLarge(problem) => info(
                "too_large",
                format!("request too large: {}", problem.message),
                vec![problem.clone()],
            ),
            ApiError::UnsupportedMediaType(got) => info(
                "unsupported_media_type",
                format!(
                    "expected Content-Type: application/json, got {got:?} \
                     (with curl: -H 'Content-Type: application/json' --data-binary @wave.json)"
                ),
                Vec::new(),
            ),
            ApiError::UnsupportedEncoding => info(
                "unsupported_encoding",
                "the body's Content-Encoding must be gzip, or absent".to_string(),
                Vec::new(),
            ),
            ApiError::Unauthorized => info(
                "unauthorized",
                "missing or unknown API key: send Authorization: Bearer <key>".to_string(),
                Vec::new(),
            ),
            ApiError::Overloaded { retry_after_secs } => info(
                "overloaded",
                format!(
                    "every solver is busy and the queue is full; retry in {retry_after_secs} s"
                ),
                Vec::new(),
            ),
            ApiError::BadRequest { code, message } | ApiError::Job { code, message, .. } => {
                info(code, message.clone(), Vec::new())
            }
            ApiError::BodyTimeout { after_ms } => info(
                "body_timeout",
                format!("the request body stalled for more than {after_ms} ms"),
                Vec::new(),
            ),
            ApiError::NotFound => info("not_found", "no such endpoint".to_string(), Vec::new()),
            ApiError::MethodNotAllowed => info(
                "method_not_allowed",
                "method not allowed on this endpoint".to_string(),
                Vec::new(),
            ),
            ApiError::NotReady => info(
                "not_ready",
                "the built-in readiness wave could not be solved".to_string(),
                Vec::new(),
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::to_vec(&self.body()).expect("error bodies serialise");
        let mut response = (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response();
        let headers = response.headers_mut();
        match &self {
            ApiError::Overloaded { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            ApiError::Unauthorized => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::Job { status, .. } if *status == StatusCode::SERVICE_UNAVAILABLE => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(1));
            }
            _ => {}
        }
        response
    }
}
