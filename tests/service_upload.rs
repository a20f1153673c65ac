//! The CSV folder uploaded to the service instead of JSON: `POST /v1/plan` and
//! `POST /v1/convert/wave` with one `.zip` or a multipart form, every problem of every file at
//! once by file, row and column, the archive limits; and `POST /v1/convert/scenario` between
//! TOML and JSON.

mod common;

use std::collections::BTreeMap;
use std::io::Write;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use waveopt::service::{app, AppState, ServiceConfig};

fn config() -> ServiceConfig {
    ServiceConfig {
        pool_size: 2,
        queue_size: 2,
        ..ServiceConfig::default()
    }
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, String, String) {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map_or(String::new(), |v| v.to_str().unwrap().to_string());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

fn post(path: &str, content_type: &str, body: Vec<u8>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap()
}

/// The sample's CSV folder, file name → bytes.
fn sample_files() -> BTreeMap<String, Vec<u8>> {
    let dir = common::dataset_path("sample/csv");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// A deflated zip of `files`, each under `folder/` when given (as zipping a folder does).
fn zip(files: &BTreeMap<String, Vec<u8>>, folder: Option<&str>) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in files {
        let path = folder.map_or(name.clone(), |f| format!("{f}/{name}"));
        writer.start_file(path, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const BOUNDARY: &str = "waveopt-test-boundary";

fn multipart(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, content) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; \
                 filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn multipart_type() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}

fn folder_wave() -> waveopt::format::Wave {
    waveopt::format::csv_folder::read_folder(&common::dataset_path("sample/csv")).unwrap()
}

fn details(body: &str) -> Vec<(String, String)> {
    let json: Value = serde_json::from_str(body).unwrap();
    json["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_zipped_csv_folder_plans_like_the_folder_on_disk() {
    let state = AppState::new(config());
    let body = zip(&sample_files(), Some("csv"));
    let (status, content_type, text) =
        send(&state, post("/v1/plan?format=csv", "application/zip", body)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(content_type.starts_with("text/csv"));
    let wave = folder_wave();
    let options = waveopt::service::handlers::effective_options(&wave, &state);
    let plan = waveopt::plan(&wave, &options).unwrap();
    assert_eq!(text, waveopt::format::assignments_csv(&plan));

    let (status, _, json) = send(
        &state,
        post("/v1/plan", "application/zip", zip(&sample_files(), None)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let answered = waveopt::format::parse_plan(&json).unwrap();
    assert_eq!(answered.wave_id, "sample-2026-11-26");
    assert!(waveopt::checker::check(&wave, &answered).is_empty());
}

#[tokio::test]
async fn a_multipart_form_of_the_files_converts_to_the_same_wave() {
    let state = AppState::new(config());
    let (status, _, text) = send(
        &state,
        post(
            "/v1/convert/wave",
            &multipart_type(),
            multipart(&sample_files()),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(text, waveopt::format::to_pretty_json(&folder_wave()));
    // The same through /v1/plan.
    let (status, _, text) = send(
        &state,
        post("/v1/plan", &multipart_type(), multipart(&sample_files())),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    // A .zip part is unpacked.
    let mut one_zip = BTreeMap::new();
    one_zip.insert("sample.zip".to_string(), zip(&sample_files(), None));
    let (status, _, text) = send(
        &state,
        post("/v1/convert/wave", &multipart_type(), multipart(&one_zip)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
}

#[tokio::test]
async fn every_problem_of_every_file_comes_back_at_once() {
    let state = AppState::new(config());
    let mut files = sample_files();
    let lines = String::from_utf8(files["order_lines.csv"].clone()).unwrap();
    files.insert(
        "order_lines.csv".into(),
        lines
            .replacen("SO-1001,1,CHAIR-ERGO,4", "SO-1001,1,CHAIR-ERGO,four", 1)
            .into_bytes(),
    );
    let nodes = String::from_utf8(files["nodes.csv"].clone()).unwrap();
    files.insert(
        "nodes.csv".into(),
        nodes.replacen("40.60843", "north", 1).into_bytes(),
    );
    files.remove("inventory.csv");
    let (status, _, text) = send(
        &state,
        post("/v1/plan", "application/zip", zip(&files, None)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    let found = details(&text);
    for expected in [
        ("/order_lines.csv/1/qty", "bad_cell"),
        ("/nodes.csv/1/lat", "bad_cell"),
        ("/inventory.csv", "missing_file"),
    ] {
        assert!(
            found.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {found:?}"
        );
    }
    // The same problems through a form.
    let (status, _, text) = send(
        &state,
        post("/v1/convert/wave", &multipart_type(), multipart(&files)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(details(&text), found);
}

#[tokio::test]
async fn a_body_that_is_no_zip_and_an_archive_that_expands_too_far_are_refused() {
    let state = AppState::new(config());
    let (status, _, text) = send(
        &state,
        post("/v1/plan", "application/zip", b"PK not really".to_vec()),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert_eq!(details(&text)[0].1, "bad_archive");

    // 200 KB of one repeated byte compresses to a few hundred: past a 50 KB body limit once
    // decompressed, though the body itself is far below it.
    let small = AppState::new(ServiceConfig {
        max_body_bytes: 50_000,
        ..config()
    });
    let mut files = sample_files();
    files.insert("padding.csv".into(), vec![b'x'; 200_000]);
    let body = zip(&files, None);
    assert!(body.len() < 10_000);
    let (status, _, text) = send(&small, post("/v1/plan", "application/zip", body)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
}

#[tokio::test]
async fn scenario_files_convert_between_toml_and_json() {
    let state = AppState::new(config());
    let toml = std::fs::read(common::dataset_path("scenarios/sample-stock-count.toml")).unwrap();
    let (status, content_type, json) = send(
        &state,
        post("/v1/convert/scenario", "application/toml", toml.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(content_type, "application/json");
    let file: waveopt::scenario::ScenarioFile = serde_json::from_str(&json).unwrap();
    assert_eq!(
        file,
        waveopt::scenario::parse(std::str::from_utf8(&toml).unwrap()).unwrap()
    );
    let (status, content_type, back) = send(
        &state,
        post(
            "/v1/convert/scenario",
            "application/json",
            json.into_bytes(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(content_type, "application/toml");
    assert_eq!(waveopt::scenario::parse(&back).unwrap(), file);

    let bad = b"base = \"w.json\"\n[[variants]]\nname = \"v\"\nedits = [{ op = \"scale_demand\", factor = \"x\" }]\n";
    let (status, _, text) = send(
        &state,
        post("/v1/convert/scenario", "application/toml", bad.to_vec()),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(
        details(&text)[0].0.starts_with("/variants/0/edits/0"),
        "{text}"
    );
}

#[tokio::test]
async fn a_zipped_csv_folder_submitted_as_a_job_plans_like_the_folder_on_disk() {
    let state = AppState::new(config());
    let (status, _, accepted) = send(
        &state,
        post(
            "/v1/jobs",
            "application/zip",
            zip(&sample_files(), Some("csv")),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{accepted}");
    let id = serde_json::from_str::<Value>(&accepted).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let view = loop {
        let request = Request::get(format!("/v1/jobs/{id}"))
            .body(Body::empty())
            .unwrap();
        let (status, _, text) = send(&state, request).await;
        assert_eq!(status, StatusCode::OK, "{text}");
        let view: Value = serde_json::from_str(&text).unwrap();
        if view["status"] == "done" {
            break view;
        }
        assert!(
            view["status"] == "queued" || view["status"] == "running",
            "{text}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let plan: waveopt::format::Plan = serde_json::from_value(view["plan"].clone()).unwrap();
    let wave = folder_wave();
    assert!(waveopt::checker::check(&wave, &plan).is_empty());
    let options = waveopt::service::handlers::effective_options(&wave, &state);
    let direct = waveopt::plan(&wave, &options).unwrap();
    assert_eq!(
        waveopt::format::assignments_csv(&plan),
        waveopt::format::assignments_csv(&direct)
    );
}
