//! The OpenAPI examples of the job endpoints (added to the document by `service::openapi`).

use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::{OpenApi as Document, RefOr};
use utoipa::Modify;

use crate::service::openapi::{SAMPLE_PLAN, SAMPLE_WAVE};

/// Examples for the job endpoints: the sample wave as the body, a queued answer, a running
/// job's progress and a done job with the sample plan.
pub struct JobExamples;

impl Modify for JobExamples {
    fn modify(&self, doc: &mut Document) {
        let wave: serde_json::Value =
            serde_json::from_str(SAMPLE_WAVE).expect("the sample wave is JSON");
        let plan = crate::format::parse_plan(SAMPLE_PLAN).expect("the sample plan parses");
        let id = "4f9c2d0e8b1a4c7d9e6f3a2b1c0d9e8f";
        let accepted = serde_json::json!({"id": id, "status": "queued"});
        let running = serde_json::json!({
            "id": id, "status": "running", "created_at": "2026-11-26T08:00:00.000Z",
            "started_at": "2026-11-26T08:00:00.120Z", "attempts": 1,
            "progress": {"stage": "solving", "elapsed_ms": 41250, "time_limit_ms": 120000,
                "highs_runs": 37, "objective": 1811233.0, "bound": 1650870.5, "gap": 0.0885,
                "cancel_requested": false}
        });
        let done = serde_json::json!({
            "id": id, "status": "done", "created_at": "2026-11-26T08:00:00.000Z",
            "started_at": "2026-11-26T08:00:00.120Z", "finished_at": "2026-11-26T08:00:00.410Z",
            "expires_at": "2026-11-26T09:00:00.410Z", "attempts": 1,
            "progress": {"stage": "finished", "elapsed_ms": 290, "time_limit_ms": 10000,
                "highs_runs": 2, "objective": plan.objective.total, "bound": plan.bound,
                "gap": plan.gap, "cancel_requested": false},
            "plan": serde_json::to_value(&plan).expect("plans serialise")
        });
        let set = |doc: &mut Document,
                   path: &str,
                   post: bool,
                   status: &str,
                   example: &serde_json::Value| {
            let Some(item) = doc.paths.paths.get_mut(path) else {
                return;
            };
            let op = if post {
                item.post.as_mut()
            } else {
                item.get.as_mut()
            };
            let Some(op) = op else { return };
            if post {
                if let Some(content) = op
                    .request_body
                    .as_mut()
                    .and_then(|b| b.content.get_mut("application/json"))
                {
                    content.example = Some(wave.clone());
                }
            }
            if let Some(RefOr::T(response)) = op.responses.responses.get_mut(status) {
                if let Some(content) = response.content.get_mut("application/json") {
                    content.example = Some(example.clone());
                }
            }
        };
        set(doc, "/v1/jobs", true, "202", &accepted);
        if let Some(op) = doc
            .paths
            .paths
            .get_mut("/v1/jobs/{id}")
            .and_then(|item| item.get.as_mut())
        {
            if let Some(RefOr::T(response)) = op.responses.responses.get_mut("200") {
                if let Some(content) = response.content.get_mut("application/json") {
                    for (name, summary, value) in [
                        (
                            "running",
                            "A job still solving, with its progress",
                            &running,
                        ),
                        ("done", "A finished job with its plan", &done),
                    ] {
                        let example = ExampleBuilder::new()
                            .summary(summary)
                            .value(Some(value.clone()))
                            .build();
                        content.examples.insert(name.to_string(), RefOr::T(example));
                    }
                }
            }
        }
        if let Some(op) = doc
            .paths
            .paths
            .get_mut("/v1/jobs/{id}")
            .and_then(|item| item.delete.as_mut())
        {
            if let Some(RefOr::T(response)) = op.responses.responses.get_mut("202") {
                if let Some(content) = response.content.get_mut("application/json") {
                    let mut stopping = running.clone();
                    stopping["progress"]["cancel_requested"] = true.into();
                    content.example = Some(stopping);
                }
            }
        }
    }
}
