//! A plan job as the store keeps it ([`JobRecord`]) and as `GET /v1/jobs/{id}` shows it
//! ([`JobView`]), with its status and progress (SPEC.md §5).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::ToSchema;

use crate::error::ErrorBody;

/// Where a job is in its life. `done`, `failed` and `cancelled` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    /// Accepted, waiting for a solver.
    Queued,
    /// A solver is on it; `progress` carries its figures.
    Running,
    /// Solved: `plan` is the plan.
    Done,
    /// No plan: `error` says why.
    Failed,
    /// Cancelled by `DELETE`: `plan` is the best plan found until then (none if it never ran).
    Cancelled,
}

impl JobStatus {
    pub fn is_final(self) -> bool {
        matches!(
            self,
            JobStatus::Done | JobStatus::Failed | JobStatus::Cancelled
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<JobStatus> {
        [
            JobStatus::Queued,
            JobStatus::Running,
            JobStatus::Done,
            JobStatus::Failed,
            JobStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// What the solver is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobStage {
    /// Waiting for a solver slot.
    Queued,
    /// Solving: `highs_runs`, `objective`, `bound` and `gap` follow HiGHS.
    Solving,
    /// The solve is over; the plan is being written.
    Finished,
}

/// A running job's figures, refreshed every heartbeat.
///
/// `objective`, `bound` and `gap` are those of the MIP HiGHS is solving now (or solved last), in
/// that MIP's own units: a tier stage minimises minus the units it fills, the cost stage the
/// cost; on waves too large for one MIP, each neighbourhood of the search is its own MIP. The
/// plan's own `objective`, `bound` and `gap` come with the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct JobProgress {
    pub stage: JobStage,
    /// Milliseconds since the solve started (0 while queued).
    pub elapsed_ms: u64,
    /// The effective time limit of the solve.
    pub time_limit_ms: i64,
    /// HiGHS runs so far (tier stages, cost stage, search rounds).
    pub highs_runs: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// A `DELETE` arrived; the solver stops at its next check and keeps its best plan.
    pub cancel_requested: bool,
}

/// Everything the store keeps about a job, apart from its wave.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRecord {
    pub id: String,
    pub status: JobStatus,
    /// Unix milliseconds.
    pub created_ms: u64,
    pub started_ms: Option<u64>,
    pub finished_ms: Option<u64>,
    /// When a finished job is forgotten (unix ms).
    pub expires_ms: Option<u64>,
    pub progress: Option<JobProgress>,
    pub cancel_requested: bool,
    /// Solvers that claimed the job (more than one after a takeover).
    pub attempts: u32,
    /// The plan as JSON text, once final (absent for `failed` and for jobs cancelled while
    /// queued).
    pub plan: Option<String>,
    pub error: Option<ErrorBody>,
}

/// `POST /v1/jobs` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct JobAccepted {
    pub id: String,
    /// `queued` for a new job; for a repeated `Idempotency-Key`, the existing job's status.
    pub status: JobStatus,
}

/// `GET /v1/jobs/{id}` and `DELETE /v1/jobs/{id}` answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobView {
    pub id: String,
    pub status: JobStatus,
    /// RFC 3339, UTC.
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    /// When this finished job will answer 404 (the server's job TTL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Solvers that claimed the job: 2 or more after a replica died and another took it over.
    pub attempts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<JobProgress>,
    /// The plan (SPEC.md §3), when `done`, or the best plan found when `cancelled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::service::schema::plan::Plan>)]
    pub plan: Option<Box<RawValue>>,
    /// Why a `failed` job has no plan (SPEC.md §4's error body).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::service::schema::plan::ErrorBody>)]
    pub error: Option<ErrorBody>,
}

impl JobView {
    /// The view of a record. A stored plan that is not JSON (it always is: the server wrote
    /// it) shows as absent rather than failing the poll.
    pub fn of(record: JobRecord) -> JobView {
        JobView {
            id: record.id,
            status: record.status,
            created_at: rfc3339(record.created_ms),
            started_at: record.started_ms.map(rfc3339),
            finished_at: record.finished_ms.map(rfc3339),
            expires_at: record.expires_ms.map(rfc3339),
            attempts: record.attempts,
            progress: record.progress,
            plan: record.plan.and_then(|p| RawValue::from_string(p).ok()),
            error: record.error,
        }
    }
}

/// Unix milliseconds as RFC 3339 (UTC, millisecond precision).
pub fn rfc3339(ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// Now, in unix milliseconds.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
