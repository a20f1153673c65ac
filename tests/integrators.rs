//! What an OMS or ERP integration relies on: `metadata` on orders and lines echoed untouched in
//! the plan (SPEC.md §2), refused when it is not an object, and the assignments CSV from the
//! CLI (`waveopt plan --format csv`), the same table the service answers with.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use waveopt::format::{self, Engine};
use waveopt::service::{app, AppState, ServiceConfig};

/// Key order, number spellings, escapes and nesting that a re-serialisation would change.
const ORDER_METADATA: &str = r#"{"z_erp": "SO/4711", "a_note": "caf\u00e9 \"rush\"", "amount": 1.50, "refs": [3, {"b": 1e2}]}"#;
const LINE_METADATA: &str = r#"{"erp_line":10,"bin":"A-01"}"#;
const MISSING_LINE_METADATA: &str = r#"{"erp_line": 20}"#;

/// The sample wave with greedy, metadata on its first order, on that order's first line, and on
/// an extra line of a SKU no node stocks (so it comes back unfilled).
fn wave_with_metadata() -> String {
    let text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    let mut wave: Value = serde_json::from_str(&text).unwrap();
    wave["options"] = serde_json::json!({"engine": "greedy"});
    let order = &mut wave["orders"][0];
    order["metadata"] = Value::from("__ORDER__");
    order["lines"][0]["metadata"] = Value::from("__LINE__");
    let lines = order["lines"].as_array_mut().unwrap();
    lines.push(
        serde_json::json!({"id": "9", "sku": "NOT-STOCKED", "qty": 2, "metadata": "__MISSING__"}),
    );
    wave.to_string()
        .replace("\"__ORDER__\"", ORDER_METADATA)
        .replace("\"__LINE__\"", LINE_METADATA)
        .replace("\"__MISSING__\"", MISSING_LINE_METADATA)
}

fn json_of(metadata: &Option<format::metadata::Metadata>) -> Option<&str> {
    metadata.as_ref().map(|m| m.json())
}

#[test]
fn metadata_is_echoed_byte_for_byte_on_orders_and_lines() {
    let wave = format::parse_wave(&wave_with_metadata()).unwrap();
    assert!(waveopt::validation::validate(&wave).is_empty());
    let plan = common::plan_checked(&wave, Engine::Greedy);
    let first = &plan.orders[0];
    assert_eq!(first.id, wave.orders[0].id);
    assert_eq!(json_of(&first.metadata), Some(ORDER_METADATA));
    let shipped: Vec<_> = first
        .shipments
        .iter()
        .flat_map(|s| &s.lines)
        .filter(|l| l.line == "1")
        .collect();
    assert!(!shipped.is_empty(), "line 1 of the first order ships");
    for line in shipped {
        assert_eq!(json_of(&line.metadata), Some(LINE_METADATA));
    }
    let missing = first.unfilled.iter().find(|l| l.line == "9").unwrap();
    assert_eq!(json_of(&missing.metadata), Some(MISSING_LINE_METADATA));
    // Lines and orders without metadata carry none.
    for order in &plan.orders[1..] {
        assert!(order.metadata.is_none());
    }
    let other = first.shipments.iter().flat_map(|s| &s.lines);
    assert!(other
        .filter(|l| l.line == "2")
        .all(|l| l.metadata.is_none()));
    // In the plan's JSON, in either layout, the text is the caller's own.
    for text in [
        format::to_pretty_json(&plan),
        format::to_compact_json(&plan),
    ] {
        assert!(text.contains(ORDER_METADATA), "{text}");
        assert!(text.contains(LINE_METADATA));
        assert_eq!(format::parse_plan(&text).unwrap(), plan);
    }
}

#[test]
fn metadata_that_is_not_an_object_is_refused() {
    let text = wave_with_metadata()
        .replace(ORDER_METADATA, "[1, 2]")
        .replace(LINE_METADATA, "\"ref\"");
    let wave = format::parse_wave(&text).unwrap();
    let problems: Vec<(String, String)> = waveopt::validation::validate(&wave)
        .into_iter()
        .map(|p| (p.path, p.code))
        .collect();
    assert_eq!(
        problems,
        [
            (
                "/orders/0/lines/0/metadata".to_string(),
                "not_an_object".to_string()
            ),
            (
                "/orders/0/metadata".to_string(),
                "not_an_object".to_string()
            ),
        ]
    );
}

#[tokio::test]
async fn the_service_echoes_metadata_and_refuses_a_non_object() {
    let state = AppState::new(ServiceConfig::default());
    let post = |body: String| {
        Request::post("/v1/plan")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let response = app(state.clone())
        .oneshot(post(wave_with_metadata()))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert!(text.contains(ORDER_METADATA), "{text}");
    let bad = wave_with_metadata().replace(LINE_METADATA, "42");
    let response = app(state).oneshot(post(bad)).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let error: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error["error"]["details"][0]["code"], "not_an_object");
    assert_eq!(
        error["error"]["details"][0]["path"],
        "/orders/0/lines/0/metadata"
    );
}

#[test]
fn cli_plan_writes_the_assignments_csv() {
    let dir = std::env::temp_dir().join(format!("waveopt-cli-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wave = common::dataset_path("sample/wave.json");
    let run = |extra: &[&str], out: &std::path::Path| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_waveopt"))
            .arg("plan")
            .arg(&wave)
            .args(["--engine", "greedy", "--out"])
            .arg(out)
            .args(extra)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read_to_string(out).unwrap()
    };
    let json = run(&[], &dir.join("plan.json"));
    let csv = run(&["--format", "csv"], &dir.join("plan.csv"));
    let plan = format::parse_plan(&json).unwrap();
    assert_eq!(csv, waveopt::service::assignments_csv(&plan));
    assert!(csv.starts_with("order,order_status,node,method,line,sku,qty,"));
    assert_eq!(csv.lines().count(), 1 + rows(&plan));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One row per shipped line and per unfilled line.
fn rows(plan: &waveopt::Plan) -> usize {
    plan.orders
        .iter()
        .map(|o| o.unfilled.len() + o.shipments.iter().map(|s| s.lines.len()).sum::<usize>())
        .sum()
}
