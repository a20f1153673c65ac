//! The one error type of the library, and the wire shape errors take (SPEC.md §4).

use serde::{Deserialize, Serialize};

/// One problem found in the input: where (a JSON pointer), what (a stable code), and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub path: String,
    pub code: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            code: code.to_string(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The body is not JSON (or not the expected syntax): HTTP 400.
    #[error("malformed input at line {line}, column {column}: {message}")]
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    /// The input parsed but breaks the contract; every problem is listed: HTTP 422.
    #[error("{} in the wave", problem_count(.0.len()))]
    Invalid(Vec<Problem>),
    /// The input is larger than the configured limits: HTTP 413.
    #[error("too large: {0}")]
    TooLarge(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The solver failed in a way that is not the input's fault: HTTP 500.
    #[error("solver failure: {0}")]
    Solver(String),
}

fn problem_count(n: usize) -> String {
    if n == 1 {
        "1 problem".to_string()
    } else {
        format!("{n} problems")
    }
}

impl Error {
    /// The stable top-level code of the error body.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Malformed { .. } => "malformed_json",
            Error::Invalid(_) => "invalid_wave",
            Error::TooLarge(_) => "too_large",
            Error::Io { .. } => "io_error",
            Error::Solver(_) => "internal_error",
        }
    }

    /// The problems behind this error (one synthetic entry for errors without a path).
    pub fn details(&self) -> Vec<Problem> {
        match self {
            Error::Invalid(problems) => problems.clone(),
            Error::Malformed {
                line,
                column,
                message,
            } => vec![Problem::new(
                "",
                "malformed_json",
                format!("line {line}, column {column}: {message}"),
            )],
            _ => Vec::new(),
        }
    }

    /// The body SPEC.md §4 prescribes: `{"error": {code, message, details}}`.
    pub fn to_body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorInfo {
                code: self.code().to_string(),
                message: self.to_string(),
                details: self.details(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorInfo {
    pub code: String,
    pub message: String,
    pub details: Vec<Problem>,
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
