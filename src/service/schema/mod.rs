//! OpenAPI schema mirrors of the wire types (request, response, errors) and of the service's
//! own small bodies. Only `openapi` uses them; the handlers work with `crate::format`.

pub mod plan;
pub mod wave;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `POST /v1/validate` answer for a valid wave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationReport {
    pub valid: bool,
    pub wave_id: String,
    pub orders: usize,
    pub nodes: usize,
    pub inventory: usize,
}

/// `GET /healthz` and `GET /readyz` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// `ok` (alive) or `ready`.
    pub status: String,
}
