//! `POST /v1/scenarios`: a what-if scenario (base wave inline plus variants, as
//! [`crate::scenario::parse_json`] reads it) planned and compared, answering the comparison JSON
//! with the report's charts and maps as SVG strings. See `docs/scenarios.md` and
//! `docs/planner.md`.
//!
//! A scenario takes **one** place in the solve pool, like a wave: its plans run one after the
//! other on that place (a one-thread rayon pool), so a scenario never uses more cores than the
//! pool grants. The time cap applies to the request as a whole: each plan's `time_limit_ms` is
//! capped at `max_time_limit_ms / plans`. Limits, auth and cancel-on-disconnect are the ones of
//! `POST /v1/plan`.

use std::sync::atomic::AtomicBool;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Extension;
use serde::Serialize;
use utoipa::ToSchema;

use super::errors::ApiError;
use super::handlers::{layout, run_job, JobOutput, Layout};
use super::limits;
use super::middleware::RequestId;
use super::schema::plan::ErrorBody;
use super::schema::wave::{Engine, Wave};
use super::state::AppState;
use crate::error::{Error, Problem};
use crate::scenario::{self, render, Comparison, Scenario};

/// Most variants one request may carry (each holds a copy of the wave and one plan).
pub const MAX_VARIANTS: usize = 8;

/// The request body (documentation mirror of [`crate::scenario::Scenario`]).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ScenarioRequest {
    /// A title; default `scenario`.
    name: Option<String>,
    description: Option<String>,
    /// The base wave (SPEC.md §2).
    base: Wave,
    /// Applied to the base and every variant, over the base wave's own options.
    options: Option<ScenarioOptions>,
    /// One to eight variants; each name unique and not `base`.
    variants: Vec<VariantRequest>,
}

/// Solver options of a scenario (every plan runs on the server's fixed thread count).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ScenarioOptions {
    engine: Option<Engine>,
    time_limit_ms: Option<i64>,
    mip_gap: Option<f64>,
}

/// One what-if: edits applied in order to a copy of the base (docs/scenarios.md, "Edits").
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct VariantRequest {
    name: String,
    description: Option<String>,
    /// This variant's own engine, time limit and gap, over the scenario's options.
    options: Option<ScenarioOptions>,
    /// Typed edits tagged by `op`, e.g. `{"op": "close_node", "node": "DC-EAST"}`.
    #[schema(value_type = Vec<Object>)]
    edits: Vec<serde_json::Value>,
}

/// The answer: the comparison (as `comparison.json`) plus the report's figures.
#[derive(Serialize, ToSchema)]
pub struct ScenarioResponse {
    /// `waveopt::scenario::Comparison`: per variant cost and its parts, fill by tier and
    /// channel, shipments, split orders, on-time rate, node use, exceptions, delta to the base.
    #[schema(value_type = Object)]
    pub comparison: Comparison,
    /// Cost breakdown, fill by tier and node utilisation, as SVG.
    pub charts: Vec<Figure>,
    /// One map per plan (base first), as SVG.
    pub maps: Vec<Figure>,
    /// `waveopt::scenario::OrderDiff`: every order a variant changed against the base (other
    /// nodes, units, dates, held or released, or only cost), both outcomes side by side.
    #[schema(value_type = Vec<Object>)]
    pub orders_diff: Vec<crate::scenario::OrderDiff>,
    /// The report's files, for download.
    pub files: ReportFiles,
}

/// The text files `waveopt scenario` writes, as strings.
#[derive(Serialize, ToSchema)]
pub struct ReportFiles {
    /// `comparison.csv`: one row per variant.
    pub comparison_csv: String,
    /// `comparison.md`: every table, with the biggest movers.
    pub comparison_md: String,
    /// `orders_diff.csv`: one row per changed order per variant.
    pub orders_diff_csv: String,
    /// `report.html`: self-contained, charts and maps inline.
    pub report_html: String,
}

/// A chart or map drawn by the server.
#[derive(Serialize, ToSchema)]
pub struct Figure {
    /// File-name stem, e.g. `cost-breakdown` or `map-01-dc-east-closed`.
    pub name: String,
    pub title: String,
    /// A standalone SVG document.
    pub svg: String,
}

/// Plan and compare a what-if scenario.
#[utoipa::path(
    post,
    path = "/v1/scenarios",
    tag = "planning",
    params(("pretty" = Option<bool>, Query, description = "Indented JSON; compact when absent")),
    request_body(content = ScenarioRequest, content_type = "application/json",
        description = "A base wave and up to eight variants (docs/scenarios.md). The plans share \
                       one solver slot; each plan's time limit is capped at the server's limit \
                       divided by the number of plans."),
    responses(
        (status = 200, description = "The comparison and its figures", body = ScenarioResponse),
        (status = 400, description = "Unparseable JSON (line and column)", body = ErrorBody),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody),
        (status = 408, description = "The body stalled longer than the server allows", body = ErrorBody),
        (status = 413, description = "Body, JSON structure, order or variant count above the limits", body = ErrorBody),
        (status = 415, description = "Content-Type is not application/json, or Content-Encoding is not gzip", body = ErrorBody),
        (status = 422, description = "Every problem: shapes, edits naming missing things \
            (`/variants/1/edits/0/node`), edited waves breaking the contract (`/variants/0/wave/…`), \
            the base wave (`/base/…`)", body = ErrorBody),
        (status = 500, description = "A fault on the server; quote X-Request-Id", body = ErrorBody),
        (status = 503, description = "Every solver busy and the queue full", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
    ),
    security((), ("bearer" = []))
)]
pub async fn scenarios(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    query: Result<Query<Layout>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let layout = layout(query)?;
    let id = request_id.0.clone();
    run_job(
        &state,
        &request_id,
        &headers,
        body,
        move |state, bytes, cancel| scenario_job(state, bytes, &layout, cancel, &id),
    )
    .await
}

/// Limits, parse, the server's caps, then every plan in sequence on this job's thread.
fn scenario_job(
    state: &AppState,
    bytes: &[u8],
    layout: &Layout,
    cancel: &AtomicBool,
    request_id: &str,
) -> JobOutput {
    let scenario = read_scenario(state, bytes)?;
    let mut cases = scenario::prepare(&scenario)?;
    let config = state.config();
    let per_plan_cap = (config.max_time_limit_ms / cases.len() as i64).max(1);
    for case in &mut cases {
        let options = &mut case.wave.options;
        options.time_limit_ms = options.time_limit_ms.min(per_plan_cap);
        options.threads = Some(config.solver_threads);
    }
    let sequential = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .thread_name(|_| "waveopt-scenario".to_string())
        .build()
        .map_err(|e| ApiError::Wave(Error::Solver(format!("scenario thread: {e}"))))?;
    let plans = cases.len();
    let result = sequential.install(|| scenario::run_cases(&scenario, cases, &|_| {}, cancel))?;
    tracing::info!(
        request_id,
        scenario = %scenario.name,
        plans,
        orders = scenario.base.orders.len(),
        "scenario planned"
    );
    let report = render::render(&result);
    let figures = |list: Vec<render::RenderedFigure>| {
        list.into_iter()
            .map(|f| Figure {
                name: f.stem,
                title: f.title,
                svg: f.svg,
            })
            .collect()
    };
    let response = ScenarioResponse {
        charts: figures(report.charts),
        maps: figures(report.maps),
        comparison: result.comparison,
        orders_diff: result.orders_diff,
        files: ReportFiles {
            comparison_csv: report.csv,
            comparison_md: report.markdown,
            orders_diff_csv: report.orders_diff,
            report_html: report.html,
        },
    };
    Ok(("application/json", layout.json(&response)?))
}

/// Structural limits, UTF-8, the scenario's shape, then the order and variant counts.
fn read_scenario(state: &AppState, bytes: &[u8]) -> Result<Scenario, ApiError> {
    limits::scan(bytes, &state.json_limits()).map_err(ApiError::TooLarge)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.len()
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        ApiError::Wave(Error::Malformed {
            line,
            column,
            message: "invalid UTF-8".to_string(),
        })
    })?;
    let scenario = scenario::parse_json(text)?;
    let max = state.config().max_orders;
    if scenario.base.orders.len() > max {
        return Err(ApiError::TooLarge(Problem::new(
            "/base/orders",
            "too_many_orders",
            format!(
                "{} orders; this server accepts at most {max}",
                scenario.base.orders.len()
            ),
        )));
    }
    if scenario.variants.len() > MAX_VARIANTS {
        return Err(ApiError::TooLarge(Problem::new(
            "/variants",
            "too_many_variants",
            format!(
                "{} variants; this server accepts at most {MAX_VARIANTS} per scenario",
                scenario.variants.len()
            ),
        )));
    }
    Ok(scenario)
}
