//! The service over a real socket on 127.0.0.1: the sample wave gives the same plan as
//! `waveopt::plan` apart from timings; a client that hangs up stops its solve; shutdown
//! finishes the wave in flight.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::oneshot;
use waveopt::service::{serve_on, AppState, ServiceConfig};

struct Server {
    address: SocketAddr,
    state: AppState,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

async fn start(config: ServiceConfig) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let state = AppState::new(config);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve_on(listener, state.clone(), async {
        let _ = stopped.await;
    }));
    Server {
        address,
        state,
        stop: Some(stop),
        task,
    }
}

/// One HTTP/1.1 request with `Connection: close`; the status and the body.
fn request(address: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").expect("a complete response");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, body.to_string())
}

/// Timings differ run to run; everything else must not.
fn without_timings(mut plan: Value) -> Value {
    plan["solver"]["time_ms"] = Value::Null;
    if let Some(stages) = plan["solver"]["stages"].as_array_mut() {
        for stage in stages {
            stage["time_ms"] = Value::Null;
        }
    }
    plan
}

fn s_wave(time_limit_ms: i64) -> (waveopt::Wave, String) {
    let mut wave = common::load_wave("presets/s.wave.json");
    wave.options.time_limit_ms = time_limit_ms;
    let text = serde_json::to_string(&wave).unwrap();
    (wave, text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_over_a_socket_matches_the_library() {
    let server = start(ServiceConfig::default()).await;
    let text = std::fs::read_to_string(common::dataset_path("sample/wave.json")).unwrap();
    let address = server.address;
    let body = text.clone();
    let (status, served) =
        tokio::task::spawn_blocking(move || request(address, "POST", "/v1/plan?pretty", &body))
            .await
            .unwrap();
    assert_eq!(status, 200, "{served}");
    let wave = common::wave_from_json(&text);
    let served_plan = waveopt::format::parse_plan(&served).unwrap();
    assert!(waveopt::checker::check(&wave, &served_plan).is_empty());
    let local = waveopt::plan(&wave, &wave.options).unwrap();
    assert_eq!(
        without_timings(serde_json::from_str(&served).unwrap()),
        without_timings(serde_json::to_value(&local).unwrap())
    );
    // Byte for byte, too: with ?pretty the service writes the CLI's pretty JSON.
    let mut local_text = waveopt::format::to_pretty_json(&local);
    let mut served_text = served.clone();
    for t in [&mut local_text, &mut served_text] {
        let plan: Value = serde_json::from_str(t).unwrap();
        *t = waveopt::format::to_pretty_json(&without_timings(plan));
    }
    assert_eq!(served_text, local_text);
    server.stop.unwrap().send(()).unwrap();
    server.task.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_hangs_up_stops_its_solve() {
    let server = start(ServiceConfig::default()).await;
    let (_, body) = s_wave(3_000);
    let address = server.address;
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "POST /v1/plan HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(400));
        // Hang up while the wave is being solved.
    })
    .await
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let stats = server.state.pool().stats();
        if stats.cancelled == 1 && stats.running == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "not cancelled: {stats:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.stop.unwrap().send(()).unwrap();
    server.task.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_the_wave_in_flight() {
    let mut server = start(ServiceConfig::default()).await;
    let (wave, body) = s_wave(1_500);
    let address = server.address;
    let client = tokio::task::spawn_blocking(move || request(address, "POST", "/v1/plan", &body));
    let started = Instant::now();
    while server.state.pool().stats().running == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the solve never started"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    server.stop.take().unwrap().send(()).unwrap();
    let (status, served) = client.await.unwrap();
    assert_eq!(status, 200, "{served}");
    let plan = waveopt::format::parse_plan(&served).unwrap();
    assert!(waveopt::checker::check(&wave, &plan).is_empty());
    assert_eq!(plan.orders.len(), wave.orders.len());
    server.task.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_never_arrives_is_408() {
    let server = start(ServiceConfig {
        body_timeout_ms: 200,
        ..ServiceConfig::default()
    })
    .await;
    let address = server.address;
    let raw = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        // Declares 1000 bytes and sends 10.
        write!(
            stream,
            "POST /v1/plan HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
             Content-Length: 1000\r\n\r\n{{\"wave_id\""
        )
        .unwrap();
        let mut buffer = [0u8; 4096];
        let n = stream.read(&mut buffer).unwrap();
        String::from_utf8_lossy(&buffer[..n]).to_string()
    })
    .await
    .unwrap();
    assert!(raw.starts_with("HTTP/1.1 408"), "{raw}");
    assert!(raw.contains("body_timeout"), "{raw}");
    server.stop.unwrap().send(()).unwrap();
    server.task.await.unwrap().unwrap();
}
