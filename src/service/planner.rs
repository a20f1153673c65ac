//! The planner page: a static HTML/CSS/JS page compiled into the binary (`web/`), served at
//! `GET /` with its assets under `/assets/`, plus the bundled datasets it offers
//! (`GET /v1/datasets`, `GET /v1/datasets/{name}`). No build step, no external resources: the
//! page works offline and its Content-Security-Policy allows only this origin. See
//! `docs/planner.md`.

use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use utoipa::ToSchema;

use super::errors::ApiError;
use super::schema::plan::ErrorBody;
use super::state::AppState;

const INDEX_HTML: &str = include_str!("../../web/index.html");
const PLANNER_CSS: &str = include_str!("../../web/planner.css");
const PLANNER_JS: &str = include_str!("../../web/planner.js");
const CHARTS_JS: &str = include_str!("../../web/charts.js");
const VARIANTS_JS: &str = include_str!("../../web/variants.js");

/// Only this origin; SVG figures from the server are shown as `data:` images.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A dataset bundled with the binary.
struct Bundled {
    name: &'static str,
    title: &'static str,
    json: &'static str,
}

const DATASETS: &[Bundled] = &[
    Bundled {
        name: "sample",
        title: "Sample wave: 20 orders, 5 nodes (plans in a fraction of a second)",
        json: include_str!("../../datasets/sample/wave.json"),
    },
    Bundled {
        name: "s",
        title: "S preset: 200 orders, 8 nodes on US metros (use greedy, or a MIP time limit)",
        json: include_str!("../../datasets/presets/s.wave.json"),
    },
];

/// One entry of `GET /v1/datasets`.
#[derive(Serialize, ToSchema)]
pub struct DatasetInfo {
    /// What `GET /v1/datasets/{name}` takes.
    pub name: String,
    pub title: String,
    pub bytes: usize,
}

/// The page and its assets (public: the page asks for an API key itself when needed).
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/assets/planner.css", get(css))
        .route("/assets/planner.js", get(js))
        .route("/assets/charts.js", get(charts_js))
        .route("/assets/variants.js", get(variants_js))
        .route("/assets/basemap.json", get(basemap_json))
}

fn asset(content_type: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(CSP),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        text,
    )
        .into_response()
}

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", PLANNER_CSS)
}

async fn js() -> Response {
    asset("text/javascript; charset=utf-8", PLANNER_JS)
}

async fn charts_js() -> Response {
    asset("text/javascript; charset=utf-8", CHARTS_JS)
}

/// Coastlines and borders for the page's map: the file the server's maps draw.
async fn basemap_json() -> Response {
    asset(
        "application/json",
        crate::scenario::charts::basemap::BASEMAP_JSON,
    )
}

async fn variants_js() -> Response {
    asset("text/javascript; charset=utf-8", VARIANTS_JS)
}

/// The datasets bundled with the server.
#[utoipa::path(get, path = "/v1/datasets", tag = "planning",
    responses(
        (status = 200, description = "Names and titles", body = Vec<DatasetInfo>),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody)),
    security((), ("bearer" = [])))]
pub async fn datasets() -> Response {
    let list: Vec<DatasetInfo> = DATASETS
        .iter()
        .map(|d| DatasetInfo {
            name: d.name.to_string(),
            title: d.title.to_string(),
            bytes: d.json.len(),
        })
        .collect();
    json_response(serde_json::to_string_pretty(&list).expect("dataset list serialises"))
}

/// One bundled dataset: a wave (SPEC.md §2).
#[utoipa::path(get, path = "/v1/datasets/{name}", tag = "planning",
    params(("name" = String, Path, description = "`sample` or `s`")),
    responses(
        (status = 200, description = "The wave", content_type = "application/json"),
        (status = 401, description = "API keys are configured and none was given", body = ErrorBody),
        (status = 404, description = "No such dataset", body = ErrorBody)),
    security((), ("bearer" = [])))]
pub async fn dataset(Path(name): Path<String>) -> Result<Response, ApiError> {
    DATASETS
        .iter()
        .find(|d| d.name == name)
        .map(|d| json_response(d.json.to_string()))
        .ok_or(ApiError::NotFound)
}

fn json_response(text: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        text,
    )
        .into_response()
}
