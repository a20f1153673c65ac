//! `examples/plan_job.py`, the stdlib-only Python client, against a server on a free port:
//! it submits the sample wave as a job, polls it and writes the same assignments CSV as the
//! library's plan gives. Skipped (with a note) where `python3` is not installed.

mod common;

use std::process::Command;

use tokio::sync::oneshot;
use waveopt::service::{assignments_csv, serve_on, AppState, ServiceConfig};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_example_writes_the_plans_assignments() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not installed: the Python client example is not exercised");
        return;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(serve_on(
        listener,
        AppState::new(ServiceConfig::default()),
        async {
            let _ = stopped.await;
        },
    ));
    let wave_path = common::dataset_path("sample/wave.json");
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("python-client-{}.csv", std::process::id()));
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/plan_job.py");
    let (wave_arg, out_arg) = (wave_path.clone(), out.clone());
    let run = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(script)
            .arg(wave_arg)
            .args(["--url", &url, "--poll", "0.1", "--out"])
            .arg(out_arg)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let wave = common::load_wave("sample/wave.json");
    let plan = waveopt::plan(&wave, &wave.options).unwrap();
    assert_eq!(written, assignments_csv(&plan));
    assert!(String::from_utf8_lossy(&run.stderr).contains("done: plan optimal"));
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
