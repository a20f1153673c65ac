//! The OpenAPI document: the served one is the generated one, it is OpenAPI 3.1 with the sample
//! wave as its example, and its schema mirrors match the wire types on every dataset (a field
//! added to `format` and not to `service::schema`, or the reverse, fails here).

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use waveopt::format::Engine;
use waveopt::service::schema::{plan as plan_schema, wave as wave_schema};
use waveopt::service::{app, openapi, AppState, ServiceConfig};

#[tokio::test]
async fn served_document_is_the_generated_one() {
    let state = AppState::new(ServiceConfig::default());
    let response = app(state)
        .oneshot(Request::get("/openapi.json").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let served: Value =
        serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap();
    let generated = serde_json::to_value(openapi::document()).unwrap();
    assert_eq!(served, generated);
    assert_eq!(served["openapi"], "3.1.0");
    let example = &served["paths"]["/v1/plan"]["post"]["requestBody"]["content"]
        ["application/json"]["example"];
    let sample: Value = serde_json::from_str(openapi::SAMPLE_WAVE).unwrap();
    assert_eq!(example, &sample);
    for status in ["200", "400", "401", "413", "415", "422", "500", "503"] {
        assert!(
            served["paths"]["/v1/plan"]["post"]["responses"][status].is_object(),
            "{status} undocumented"
        );
    }
    assert!(served["components"]["securitySchemes"]["bearer"].is_object());
}

fn wave_files() -> Vec<String> {
    let mut files = vec![
        "sample/wave.json".to_string(),
        "presets/s.wave.json".to_string(),
    ];
    let features = common::dataset_path("features");
    let mut names: Vec<String> = std::fs::read_dir(features)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".wave.json"))
        .collect();
    names.sort();
    files.extend(names.into_iter().map(|n| format!("features/{n}")));
    files
}

#[test]
fn schema_mirrors_read_every_dataset_and_plan() {
    for file in wave_files() {
        let text = std::fs::read_to_string(common::dataset_path(&file)).unwrap();
        serde_json::from_str::<wave_schema::Wave>(&text)
            .unwrap_or_else(|e| panic!("{file}: the Wave schema mirror disagrees: {e}"));
        let mut wave = common::load_wave(&file);
        // Every field of a wave, defaults included, as the wire type writes it.
        let written = serde_json::to_string(&wave).unwrap();
        serde_json::from_str::<wave_schema::Wave>(&written)
            .unwrap_or_else(|e| panic!("{file} (re-written): {e}"));
        wave.options.explain = true;
        wave.options.engine = Engine::Greedy;
        let plan = common::plan_checked(&wave, Engine::Greedy);
        let text = serde_json::to_string(&plan).unwrap();
        serde_json::from_str::<plan_schema::Plan>(&text)
            .unwrap_or_else(|e| panic!("{file}: the Plan schema mirror disagrees: {e}"));
    }
}

#[test]
fn error_body_mirror_matches() {
    let text =
        std::fs::read_to_string(common::dataset_path("invalid/many_problems.wave.json")).unwrap();
    let error = waveopt::format::parse_wave(&text)
        .and_then(|w| waveopt::model::Model::from_wave(&w).map(|_| w))
        .unwrap_err();
    let body = serde_json::to_string(&error.to_body()).unwrap();
    serde_json::from_str::<plan_schema::ErrorBody>(&body).unwrap();
}

/// The 200 example is a real plan of the sample wave: it passes the checker and has the optimal
/// cost a fresh solve proves (solver figures and tie-breaks may move with the solver, so they
/// are not compared). Regenerate it with `WAVEOPT_UPDATE_EXAMPLES=1 cargo test --release --test
/// service_openapi`.
#[test]
fn sample_plan_example_is_a_real_optimal_plan() {
    let wave = common::load_wave("sample/wave.json");
    let mut options = wave.options.clone();
    options.threads = Some(1);
    let fresh = waveopt::plan(&wave, &options).unwrap();
    assert!(waveopt::checker::check(&wave, &fresh).is_empty());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/service/examples/sample.plan.json");
    if std::env::var_os("WAVEOPT_UPDATE_EXAMPLES").is_some() {
        let mut plan = serde_json::to_value(&fresh).unwrap();
        plan["solver"]["time_ms"] = Value::from(0);
        for stage in plan["solver"]["stages"].as_array_mut().unwrap() {
            stage["time_ms"] = Value::from(0);
        }
        std::fs::write(&path, waveopt::format::to_pretty_json(&plan)).unwrap();
        return; // The constant compiled into this run is the old one.
    }
    let stored = waveopt::format::parse_plan(openapi::SAMPLE_PLAN).unwrap();
    assert!(waveopt::checker::check(&wave, &stored).is_empty());
    assert_eq!(stored.wave_id, wave.wave_id);
    assert_eq!(stored.status, waveopt::format::PlanStatus::Optimal);
    assert!(
        (stored.objective.total - fresh.objective.total).abs()
            <= 1e-6 * fresh.objective.total.max(1.0),
        "{} is stale: regenerate it (see this test's doc)",
        path.display()
    );
    let document = serde_json::to_value(openapi::document()).unwrap();
    let responses = &document["paths"]["/v1/plan"]["post"]["responses"];
    assert_eq!(
        responses["200"]["content"]["application/json"]["example"],
        serde_json::to_value(&stored).unwrap()
    );
    assert!(
        responses["422"]["content"]["application/json"]["example"]["error"]["details"]
            .as_array()
            .is_some_and(|d| d.len() == 9)
    );
}

#[test]
fn every_plan_and_the_document_carry_solver_versions() {
    let wave = common::load_wave("sample/wave.json");
    let plan = waveopt::plan(&wave, &wave.options).unwrap();
    assert_eq!(plan.solver.versions.waveopt, env!("CARGO_PKG_VERSION"));
    assert!(
        plan.solver.versions.highs.split('.').count() == 3,
        "{:?}",
        plan.solver.versions
    );
    let document = serde_json::to_value(openapi::document()).unwrap();
    let schemas = &document["components"]["schemas"];
    assert!(
        schemas["SolverStats"]["required"]
            .as_array()
            .unwrap()
            .contains(&Value::from("versions")),
        "{}",
        schemas["SolverStats"]
    );
}
