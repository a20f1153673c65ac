//! `POST /v1/scenarios` and the planner page's routes through `app(state)` with `oneshot`:
//! a comparison on the sample wave (every plan re-planned here and checked), 422 paths into the
//! variants, 400 on bad JSON, the limits, auth, the page and the bundled datasets.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use waveopt::service::{app, AppState, ServiceConfig};

fn config() -> ServiceConfig {
    ServiceConfig {
        pool_size: 2,
        queue_size: 2,
        ..ServiceConfig::default()
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }
}

async fn send(state: &AppState, request: Request<Body>) -> Answer {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

fn post(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

fn sample_wave() -> Value {
    let text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Base = the sample wave; two variants, planned with greedy (instant and reproducible).
fn sample_scenario() -> Value {
    json!({
        "name": "sample what-if",
        "base": sample_wave(),
        "options": {"engine": "greedy"},
        "variants": [
            {"name": "DC-EAST closed", "edits": [{"op": "close_node", "node": "DC-EAST"}]},
            {"name": "demand +30%", "edits": [
                {"op": "scale_demand", "factor": 1.3},
                {"op": "set_policy", "allocation": "weighted"}
            ]}
        ]
    })
}

#[tokio::test]
async fn scenario_200_compares_checked_plans() {
    let state = AppState::new(config());
    let body = sample_scenario();
    let answer = send(&state, post("/v1/scenarios", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json());
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/json");
    let json = answer.json();
    let variants = json["comparison"]["variants"].as_array().unwrap();
    let names: Vec<&str> = variants
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["base", "DC-EAST closed", "demand +30%"]);
    assert!(variants[0].get("delta").is_none());
    assert!(variants[1]["delta"]["total_cost"].is_number());
    let closed = &variants[1]["nodes"].as_array().unwrap();
    let east = closed.iter().find(|n| n["id"] == "DC-EAST").unwrap();
    assert_eq!(east["active"], false);
    assert_eq!(east["units"], 0);

    // Every plan behind the comparison, re-planned here and run through the checker: the
    // figures the service answered are the checked plans' figures.
    let scenario = waveopt::scenario::parse_json(&body.to_string()).unwrap();
    let cases = waveopt::scenario::prepare(&scenario).unwrap();
    assert_eq!(cases.len(), 3);
    for (case, answered) in cases.iter().zip(variants) {
        let plan = waveopt::plan(&case.wave, &case.wave.options).unwrap();
        let violations = waveopt::checker::check(&case.wave, &plan);
        assert!(violations.is_empty(), "{}: {violations:#?}", case.name);
        assert_eq!(answered["name"], case.name.as_str());
        assert_eq!(answered["units_allocated"], plan.kpis.units_allocated);
        assert_eq!(answered["shipments"], plan.kpis.shipments);
        let cost = answered["cost"]["total"].as_f64().unwrap();
        assert!(
            (cost - plan.objective.total).abs() < 0.01,
            "{cost} vs {}",
            plan.objective.total
        );
    }

    let charts: Vec<&str> = json["charts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        charts,
        ["cost-breakdown", "fill-by-tier", "node-utilisation"]
    );
    let maps = json["maps"].as_array().unwrap();
    assert_eq!(maps.len(), 3);
    for figure in json["charts"].as_array().unwrap().iter().chain(maps) {
        assert!(figure["svg"].as_str().unwrap().contains("<svg"));
    }

    // The order diff and the report files, the same the CLI writes for this scenario.
    let result = waveopt::scenario::run_cases(
        &scenario,
        cases,
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .unwrap();
    let diff = json["orders_diff"].as_array().unwrap();
    assert_eq!(diff.len(), result.orders_diff.len());
    assert!(diff.iter().any(|d| d["variant"] == "DC-EAST closed"
        && d["base"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "DC-EAST")));
    let report = waveopt::scenario::render::render(&result);
    let files = &json["files"];
    assert_eq!(files["orders_diff_csv"], report.orders_diff.as_str());
    assert_eq!(files["comparison_csv"], report.csv.as_str());
    assert_eq!(files["comparison_md"], report.markdown.as_str());
    assert!(files["report_html"]
        .as_str()
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

#[tokio::test]
async fn scenario_422_points_into_the_variant() {
    let state = AppState::new(config());
    let mut body = sample_scenario();
    body["variants"][1]["edits"] = json!([{"op": "close_node", "node": "DC-NOWHERE"}]);
    let answer = send(&state, post("/v1/scenarios", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let json = answer.json();
    assert_eq!(json["error"]["code"], "invalid_wave");
    let details = json["error"]["details"].as_array().unwrap();
    assert_eq!(details.len(), 1, "{details:#?}");
    assert_eq!(details[0]["path"], "/variants/1/edits/0/node");
    assert_eq!(details[0]["code"], "unknown_reference");
    let message = details[0]["message"].as_str().unwrap();
    assert!(
        message.contains("demand +30%") && message.contains("DC-NOWHERE"),
        "{message}"
    );
}

#[tokio::test]
async fn scenario_422_on_shape_and_base_problems() {
    let state = AppState::new(config());
    let mut body = sample_scenario();
    body["variants"][0]["edits"][0]["op"] = json!("demolish_node");
    let answer = send(&state, post("/v1/scenarios", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let details = answer.json()["error"]["details"].clone();
    assert_eq!(details[0]["path"], "/variants/0/edits/0/op");
    assert_eq!(details[0]["code"], "unknown_variant");

    let mut body = sample_scenario();
    body["base"]["policy"]["late_penalty_per_day"] = json!(-1);
    let answer = send(&state, post("/v1/scenarios", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let details = answer.json()["error"]["details"].clone();
    assert_eq!(details[0]["path"], "/base/policy/late_penalty_per_day");
}

#[tokio::test]
async fn scenario_400_on_bad_json_and_413_on_too_many_variants() {
    let state = AppState::new(config());
    let answer = send(&state, post("/v1/scenarios", "{\"base\": {")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let json = answer.json();
    assert_eq!(json["error"]["code"], "malformed_json");

    let mut body = sample_scenario();
    let variants: Vec<Value> = (0..9)
        .map(|i| json!({"name": format!("v{i}"), "edits": [{"op": "scale_demand", "factor": 1.1}]}))
        .collect();
    body["variants"] = json!(variants);
    let answer = send(&state, post("/v1/scenarios", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        answer.json()["error"]["details"][0]["code"],
        "too_many_variants"
    );

    let wrong_type = Request::post("/v1/scenarios")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(sample_scenario().to_string()))
        .unwrap();
    assert_eq!(
        send(&state, wrong_type).await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
}

#[tokio::test]
async fn api_keys_guard_scenarios_and_datasets_but_not_the_page() {
    let state = AppState::new(ServiceConfig {
        api_keys: vec!["k-123".to_string()],
        ..config()
    });
    let answer = send(&state, post("/v1/scenarios", sample_scenario().to_string())).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        send(&state, get("/v1/datasets")).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(send(&state, get("/")).await.status, StatusCode::OK);
    assert_eq!(
        send(&state, get("/assets/planner.js")).await.status,
        StatusCode::OK
    );
    let with_key = Request::get("/v1/datasets/sample")
        .header(header::AUTHORIZATION, "Bearer k-123")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&state, with_key).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_from_the_binary() {
    let state = AppState::new(config());
    let page = send(&state, get("/")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let html = String::from_utf8(page.body).unwrap();
    for asset in [
        "/assets/planner.css",
        "/assets/planner.js",
        "/assets/charts.js",
    ] {
        assert!(html.contains(asset), "the page links {asset}");
        let answer = send(&state, get(asset)).await;
        assert_eq!(answer.status, StatusCode::OK, "{asset}");
        assert!(!answer.body.is_empty());
    }
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external resources"
    );
}

#[tokio::test]
async fn bundled_datasets_are_listed_and_served() {
    let state = AppState::new(config());
    let list = send(&state, get("/v1/datasets")).await;
    assert_eq!(list.status, StatusCode::OK);
    let names: Vec<String> = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["sample", "s"]);
    for name in &names {
        let answer = send(&state, get(&format!("/v1/datasets/{name}"))).await;
        assert_eq!(answer.status, StatusCode::OK);
        let wave = common::wave_from_json(std::str::from_utf8(&answer.body).unwrap());
        assert!(waveopt::validation::validate(&wave).is_empty(), "{name}");
    }
    assert_eq!(
        send(&state, get("/v1/datasets/nope")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn openapi_documents_the_new_routes() {
    let doc = waveopt::service::openapi::document_json();
    let doc: Value = serde_json::from_str(&doc).unwrap();
    for path in ["/v1/scenarios", "/v1/datasets", "/v1/datasets/{name}"] {
        assert!(doc["paths"].get(path).is_some(), "{path} is documented");
    }
}

#[tokio::test]
async fn a_client_hanging_up_cancels_the_scenario() {
    let state = AppState::new(config());
    let text = std::fs::read_to_string(common::dataset_path("presets/s.wave.json")).unwrap();
    let base: Value = serde_json::from_str(&text).unwrap();
    // The MIP on the S preset runs to its time limit (30 s per plan here): long enough to hang up.
    let body = json!({
        "base": base,
        "options": {"engine": "mip", "time_limit_ms": 30000},
        "variants": [{"name": "surge", "edits": [{"op": "scale_demand", "factor": 1.3}]}]
    });
    let request = app(state.clone()).oneshot(post("/v1/scenarios", body.to_string()));
    let started = std::time::Instant::now();
    let hung_up = tokio::time::timeout(std::time::Duration::from_millis(1500), request).await;
    assert!(hung_up.is_err(), "the scenario was still planning");
    // The future is gone, as when the client disconnects: the solves stop at their next check.
    for _ in 0..600 {
        let stats = state.pool().stats();
        if stats.cancelled == 1 && stats.running == 0 {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(50),
                "stopped well before the two 30 s limits: {:?}",
                started.elapsed()
            );
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the scenario was not cancelled: {:?}", state.pool().stats());
}
