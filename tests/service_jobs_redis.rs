//! Plan jobs on the Redis store, against a real `redis-server` (one per test, on a free port):
//! the same scenarios as the in-process store, then two replicas sharing one Redis: a job
//! submitted to one is polled on the other, and when the replica solving it is killed, the
//! other takes it over once its lease runs out.
//!
//! Needs `redis-server` on the PATH: `make test-redis` installs it if missing and runs these
//! (they are ignored by a plain `cargo test`).

mod common;
mod jobs_support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use waveopt::service::jobs::{JobsConfig, StoreKind};

/// A `redis-server` of this test's own, stopped when dropped.
struct Redis {
    child: Child,
    url: String,
}

impl Redis {
    fn start() -> Redis {
        let port = free_port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server on the PATH (make test-redis installs it)");
        wait_until_listening(port);
        Redis {
            child,
            url: format!("redis://127.0.0.1:{port}/0"),
        }
    }

    fn jobs(&self) -> JobsConfig {
        JobsConfig {
            store: StoreKind::Redis(self.url.clone()),
            lease_ms: 1_000,
            ..JobsConfig::default()
        }
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_until_listening(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {port}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs redis-server: make test-redis"]
async fn the_store_keeps_its_contract() {
    let redis = Redis::start();
    let store = waveopt::service::jobs::redis_store::RedisStore::open(&redis.url).unwrap();
    jobs_support::the_store_keeps_its_contract(std::sync::Arc::new(store)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs redis-server: make test-redis"]
async fn a_jobs_plan_equals_the_clis() {
    let redis = Redis::start();
    jobs_support::a_jobs_plan_equals_the_clis(redis.jobs()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs redis-server: make test-redis"]
async fn a_repeated_idempotency_key_returns_the_same_job() {
    let redis = Redis::start();
    jobs_support::a_repeated_idempotency_key_returns_the_same_job(redis.jobs()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs redis-server: make test-redis"]
async fn delete_keeps_the_best_plan() {
    let redis = Redis::start();
    jobs_support::delete_keeps_the_best_plan(redis.jobs()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs redis-server: make test-redis"]
async fn jobs_share_the_pool_and_queued_jobs_cancel_at_once() {
    let redis = Redis::start();
    jobs_support::jobs_share_the_pool_and_queued_jobs_cancel_at_once(redis.jobs()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs redis-server: make test-redis"]
async fn failures_unknown_ids_and_the_ttl() {
    let redis = Redis::start();
    jobs_support::failures_unknown_ids_and_the_ttl(redis.jobs()).await;
}

/// One `waveopt serve` process on a free port, killed when dropped.
struct Replica {
    child: Child,
    address: SocketAddr,
}

impl Replica {
    fn start(redis: &Redis) -> Replica {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_waveopt"))
            .args(["serve", "--port", &port.to_string(), "--log-format", "text"])
            .args(["--pool-size", "1", "--job-lease-ms", "1000"])
            .env("WAVEOPT_JOB_STORE", &redis.url)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_until_listening(port);
        Replica {
            child,
            address: SocketAddr::from(([127, 0, 0, 1], port)),
        }
    }

    /// One HTTP/1.1 request with `Connection: close`: the status and the JSON body.
    fn request(&self, method: &str, path: &str, body: &str) -> (u16, Value) {
        let mut stream = TcpStream::connect(self.address).unwrap();
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
        (status, serde_json::from_str(body).unwrap())
    }

    fn poll_until(&self, id: &str, within: Duration, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + within;
        loop {
            let (status, job) = self.request("GET", &format!("/v1/jobs/{id}"), "");
            assert_eq!(status, 200, "{job}");
            if done(&job) {
                return job;
            }
            assert!(Instant::now() < deadline, "job never got there: {job}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
#[ignore = "needs redis-server: make test-redis"]
fn a_job_survives_the_replica_that_was_solving_it() {
    let redis = Redis::start();
    let mut first = Replica::start(&redis);
    let second = Replica::start(&redis);
    let wave = jobs_support::long_wave(4_000);
    let (status, accepted) = first.request("POST", "/v1/jobs", &wave.to_string());
    assert_eq!(status, 202, "{accepted}");
    let id = accepted["id"].as_str().unwrap().to_string();
    // The other replica answers the poll, and sees the first one's progress.
    let running = second.poll_until(&id, Duration::from_secs(30), |job| {
        job["progress"]["highs_runs"].as_u64().unwrap_or(0) > 0
    });
    assert_eq!(running["status"], "running");
    assert_eq!(running["attempts"], 1);
    // The replica solving it dies mid-solve.
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let taken_over = second.poll_until(&id, Duration::from_secs(30), |job| job["attempts"] == 2);
    assert!(
        !jobs_support::is_final(&taken_over),
        "taken over, not finished: {taken_over}"
    );
    let job = second.poll_until(&id, Duration::from_secs(60), jobs_support::is_final);
    assert_eq!(job["status"], "done", "{job}");
    let library_wave = common::wave_from_json(&wave.to_string());
    let plan = waveopt::format::parse_plan(&job["plan"].to_string()).unwrap();
    let violations = waveopt::checker::check(&library_wave, &plan);
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
#[ignore = "needs redis-server: make test-redis"]
fn a_replica_stopping_finishes_its_jobs_before_it_exits() {
    let redis = Redis::start();
    let mut first = Replica::start(&redis);
    let second = Replica::start(&redis);
    let (_, accepted) = first.request(
        "POST",
        "/v1/jobs",
        &jobs_support::long_wave(3_000).to_string(),
    );
    let id = accepted["id"].as_str().unwrap().to_string();
    second.poll_until(&id, Duration::from_secs(30), |job| {
        job["status"] == "running"
    });
    // SIGTERM, as Kubernetes sends it: stop accepting, finish the job, write it, exit.
    let term = Command::new("kill")
        .args(["-TERM", &first.child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let exit = first.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    let (status, job) = second.request("GET", &format!("/v1/jobs/{id}"), "");
    assert_eq!(status, 200);
    assert_eq!(job["status"], "done", "{job}");
    assert_eq!(
        job["attempts"], 1,
        "finished by the replica that started it"
    );
}

#[test]
#[ignore = "needs redis-server: make test-redis"]
fn a_job_submitted_to_one_replica_is_answered_by_another() {
    let redis = Redis::start();
    let first = Replica::start(&redis);
    let second = Replica::start(&redis);
    let wave = jobs_support::sample_wave().to_string();
    let key_request = |replica: &Replica| {
        let mut stream = TcpStream::connect(replica.address).unwrap();
        write!(
            stream,
            "POST /v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
             Idempotency-Key: wave-0800\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{wave}",
            wave.len()
        )
        .unwrap();
        let mut raw = String::new();
        stream.read_to_string(&mut raw).unwrap();
        let body = raw.split_once("\r\n\r\n").unwrap().1.to_string();
        serde_json::from_str::<Value>(&body).unwrap()["id"].clone()
    };
    // The key is shared too: the second replica returns the first one's job.
    let id = key_request(&first);
    assert_eq!(key_request(&second), id);
    let job = second.poll_until(
        id.as_str().unwrap(),
        Duration::from_secs(30),
        jobs_support::is_final,
    );
    assert_eq!(job["status"], "done", "{job}");
    let (_, same) = first.request("GET", &format!("/v1/jobs/{}", id.as_str().unwrap()), "");
    assert_eq!(same["plan"], job["plan"]);
}
